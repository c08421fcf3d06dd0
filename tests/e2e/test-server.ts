import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A web server on 127.0.0.1 that stands in for every `*.test` site (the browser maps those names
 * here) and counts the requests that reach each host, so a test can prove a trigger never loaded.
 */
export class TestServer {
  private server: Server;
  private counts = new Map<string, number>();
  /** Each request's host and target exactly as it came over the wire (`/%66orum`, `//forum`), and when. */
  private log: { host: string; target: string; at: number }[] = [];
  private pages = new Map<string, ServedPage>();
  port = 0;

  constructor() {
    this.server = createServer((request, response) => {
      const host = hostOf(request);
      this.counts.set(host, (this.counts.get(host) ?? 0) + 1);
      this.log.push({ host, target: request.url ?? '', at: Date.now() });
      const url = new URL(request.url ?? '/', `http://${host}`);
      const page = this.pages.get(url.pathname);
      if (page) {
        void Promise.resolve(typeof page.body === 'function' ? page.body() : page.body).then((body) => {
          response.writeHead(200, { 'content-type': page.type ?? 'text/html; charset=utf-8', ...page.headers });
          response.end(body);
        });
        return;
      }
      const to = url.searchParams.get('to') ?? '';
      if (url.pathname === '/redirect') {
        response.writeHead(302, { location: to }).end();
        return;
      }
      if (url.pathname === '/favicon.ico') {
        response.writeHead(404).end();
        return;
      }
      let body = `<h1 id="real-page">Real page on ${escapeHtml(host)}</h1>`;
      if (url.pathname === '/link') body += `<a id="go" href="${escapeHtml(to)}">Go</a>`;
      if (url.pathname === '/frame') body += `<iframe id="frame" src="${escapeHtml(to)}"></iframe>`;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><title>${escapeHtml(host)}</title>${body}`);
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Requests that reached `host` or any subdomain of it. */
  requestsTo(host: string): number {
    let total = 0;
    for (const [seen, count] of this.counts) {
      if (seen === host || seen.endsWith(`.${host}`)) total += count;
    }
    return total;
  }

  /**
   * Serves `body` at `pathname` on every host, instead of the usual page (a page with a script of
   * its own, a service worker's script).
   */
  serve(pathname: string, page: ServedPage): this {
    this.pages.set(pathname, page);
    return this;
  }

  /** Every request that reached exactly `host`, as `host/path?query`, in order. */
  requestsSeenAt(host: string): string[] {
    return this.targetsTo(host).map((target) => `${host}${target}`);
  }

  /** When (`Date.now()`) a request for exactly `hostAndPath` (`host/path?query`) last arrived. */
  lastRequestFor(hostAndPath: string): number | undefined {
    return this.log.findLast(({ host, target }) => `${host}${target}` === hostAndPath)?.at;
  }

  /** Requests to exactly this host. */
  requestsToExactly(host: string): number {
    return this.counts.get(host) ?? 0;
  }

  /** The raw request targets (path and query, as sent) that reached exactly this host. */
  targetsTo(host: string): string[] {
    return this.log.filter((entry) => entry.host === host).map((entry) => entry.target);
  }

  reset(): void {
    this.counts.clear();
    this.log = [];
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export interface ServedPage {
  /** The body (text, or bytes such as a packed extension), or a promise of it: the answer waits for it (a page that waits for the test's word). */
  body: string | Uint8Array | (() => Promise<string>);
  /** `text/html; charset=utf-8` unless given. */
  type?: string;
  headers?: Record<string, string>;
}

function hostOf(request: IncomingMessage): string {
  return (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
