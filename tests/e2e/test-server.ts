import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A web server on 127.0.0.1 that stands in for every `*.test` site (the browser maps those names
 * here) and counts the requests that reach each host, so a test can prove a trigger never loaded.
 */
export class TestServer {
  private server: Server;
  private counts = new Map<string, number>();
  /** Each request's host and target exactly as it came over the wire (`/%66orum`, `//forum`). */
  private log: { host: string; target: string }[] = [];
  port = 0;

  constructor() {
    this.server = createServer((request, response) => {
      const host = hostOf(request);
      this.counts.set(host, (this.counts.get(host) ?? 0) + 1);
      this.log.push({ host, target: request.url ?? '' });
      const url = new URL(request.url ?? '/', `http://${host}`);
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

function hostOf(request: IncomingMessage): string {
  return (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
