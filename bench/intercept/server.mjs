// Local stand-ins for the web, on 127.0.0.1 only.
// - A trigger site (one server per variant, so nothing can be attributed to the wrong variant):
//   a ~200 KB page whose first script reports to the beacon server that it ran.
// - A beacon server that records those reports.
// Both count requests and the bytes on their sockets, including connections that never carried a
// request (a TCP preconnect).
import { createServer } from 'node:http';

const FILLER = Array.from(
  { length: 400 },
  (_, i) =>
    `<p>Paragraph ${i}: this stands in for the trigger site's own content, the thing a person in recovery must not see. ` +
    'It is long enough that downloading, parsing and painting it take real time, as a real site would. '.repeat(4) +
    '</p>',
).join('\n');

/** The trigger page for one navigation; its marker script reports `nav` to the beacon host. */
export function triggerPage(variant, nav) {
  const marker = `navigator.sendBeacon('http://beacon.test/ran?variant=${variant}&nav=${nav}')`;
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>Trigger site</title><script>${marker}</script></head>` +
    `<body><h1>Trigger site</h1>\n${FILLER}\n</body></html>`
  );
}

class CountingServer {
  requests = [];
  connections = 0;
  /** Connections closed or open that have carried no request yet. */
  #sockets = new Set();
  #closedBytesIn = 0;
  #closedBytesOut = 0;
  #closedIdle = 0;
  port = 0;

  constructor(handler) {
    this.server = createServer((request, response) => {
      request.socket.requestCount = (request.socket.requestCount ?? 0) + 1;
      const url = new URL(request.url ?? '/', 'http://x');
      this.requests.push({ host: (request.headers.host ?? '').replace(/:\d+$/, ''), path: url.pathname, query: url.search, at: Date.now() });
      handler(request, response, url);
    });
    this.server.on('connection', (socket) => {
      this.connections += 1;
      this.#sockets.add(socket);
      socket.on('close', () => {
        this.#sockets.delete(socket);
        this.#closedBytesIn += socket.bytesRead;
        this.#closedBytesOut += socket.bytesWritten;
        if (!socket.requestCount) this.#closedIdle += 1;
      });
    });
  }

  async start() {
    await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = this.server.address().port;
    return this;
  }

  /** Totals so far: requests, connections, connections without a request, bytes in and out. */
  snapshot() {
    let bytesIn = this.#closedBytesIn;
    let bytesOut = this.#closedBytesOut;
    let idle = this.#closedIdle;
    for (const socket of this.#sockets) {
      bytesIn += socket.bytesRead;
      bytesOut += socket.bytesWritten;
      if (!socket.requestCount) idle += 1;
    }
    return { requests: this.requests.length, connections: this.connections, idleConnections: idle, bytesIn, bytesOut };
  }

  async stop() {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The trigger site for one variant. `latencyMs` delays each response (0: a local site, the hardest floor). */
export function triggerServer(variant, latencyMs = 0) {
  return new CountingServer((request, response, url) => {
    const send = () => {
      if (url.pathname === '/favicon.ico') {
        response.writeHead(404, { 'cache-control': 'no-store' }).end();
        return;
      }
      const nav = (url.searchParams.get('nav') ?? '').replace(/[^\w-]/g, '');
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(triggerPage(variant, nav));
    };
    if (latencyMs > 0) setTimeout(send, latencyMs);
    else send();
  });
}

/** Receives the trigger page's "I ran" reports. */
export function beaconServer() {
  const server = new CountingServer((request, response) => {
    request.resume();
    response.writeHead(204, { 'access-control-allow-origin': '*' }).end();
  });
  /** Reports received for a variant, as { nav } records. */
  server.reports = (variant) =>
    server.requests
      .filter((r) => r.path === '/ran')
      .map((r) => Object.fromEntries(new URLSearchParams(r.query)))
      .filter((r) => r.variant === variant);
  return server;
}
