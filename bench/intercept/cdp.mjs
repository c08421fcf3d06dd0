// A small Chrome DevTools Protocol client over --remote-debugging-pipe (fd 3 in, fd 4 out,
// messages separated by NUL). The benchmark drives Chromium directly instead of through
// Playwright so that nothing attaches to the extensions' service workers or pauses them on start
// (a debugger that waits on every new worker would slow exactly the cold start being measured).
import { EventEmitter } from 'node:events';

export class Cdp extends EventEmitter {
  #nextId = 1;
  #pending = new Map();
  #buffer = '';
  #write;
  closed = false;

  /** @param {import('node:stream').Writable} toBrowser @param {import('node:stream').Readable} fromBrowser */
  constructor(toBrowser, fromBrowser) {
    super();
    this.setMaxListeners(0);
    this.#write = (text) => toBrowser.write(`${text}\0`);
    fromBrowser.setEncoding('utf8');
    fromBrowser.on('data', (chunk) => this.#receive(chunk));
    fromBrowser.on('close', () => this.#close());
    toBrowser.on('error', () => this.#close());
  }

  #receive(chunk) {
    this.#buffer += chunk;
    let end;
    while ((end = this.#buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(this.#buffer.slice(0, end));
      this.#buffer = this.#buffer.slice(end + 1);
      if (message.id !== undefined) {
        const waiting = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        if (!waiting) continue;
        if (message.error) waiting.reject(new Error(`${waiting.method}: ${message.error.message}`));
        else waiting.resolve(message.result);
      } else {
        // Events are emitted as (params, sessionId) under their method name, and under '*'.
        this.emit(message.method, message.params, message.sessionId);
        this.emit('*', message.method, message.params, message.sessionId);
      }
    }
  }

  #close() {
    if (this.closed) return;
    this.closed = true;
    for (const waiting of this.#pending.values()) waiting.reject(new Error(`${waiting.method}: browser closed`));
    this.#pending.clear();
    this.emit('closed');
  }

  /** Sends a command to the browser, or to a target when `sessionId` is given. */
  send(method, params = {}, sessionId = undefined) {
    if (this.closed) return Promise.reject(new Error(`${method}: browser closed`));
    const id = this.#nextId++;
    const message = { id, method, params };
    if (sessionId) message.sessionId = sessionId;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, method });
      this.#write(JSON.stringify(message));
    });
  }

  /** Resolves with the params of the first `method` event for which `test` is true. */
  waitFor(method, test = () => true, timeoutMs = 10_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off(method, listener);
        reject(new Error(`No ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (params, sessionId) => {
        if (!test(params, sessionId)) return;
        clearTimeout(timer);
        this.off(method, listener);
        resolve(params);
      };
      this.on(method, listener);
    });
  }
}
