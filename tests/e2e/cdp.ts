import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import { steadfastArgs } from './browser';
import { CHROMIUM } from './paths';

/**
 * Chromium started by the test itself and driven over CDP by puppeteer-core with no session on any
 * web page: Chromium will not prerender, nor show a page as it would to a person, while automation
 * is attached to the page (Playwright always is). puppeteer attaches only to Steadfast's own pages
 * and its service worker; web pages are opened and watched through the browser's own session.
 */
export interface ChromiumWithoutPageSessions {
  browser: Browser;
  /** The browser-level CDP session (targets, not pages). */
  cdp: CDPSession;
  extensionId: string;
  /** `chrome-extension://<id>/<path>` */
  url: (path: string) => string;
  /** The address of every tab, as the browser reports it. */
  tabs(): Promise<{ targetId: string; url: string }[]>;
  /**
   * Resolves with the first tab the browser reported at an address that `wanted` accepts, and
   * when (`Date.now()`): told by the browser's target events, not found by polling.
   */
  tabAt(wanted: (url: string) => boolean, timeoutMs?: number): Promise<TabSeen>;
  /** Opens `url` in a new window, in front, as a person would, without attaching to it. */
  open(url: string): Promise<string>;
  /**
   * An extension page of Steadfast, opened in a window of its own, in front, and driven by
   * puppeteer. Its own window lets it and a web page both stay visible: a prerender ends when the
   * page that started it goes to the background.
   */
  extensionPage(path: string): Promise<Page>;
  /** Closes the browser as a person quits it (Chromium saves the session), and waits for it to exit. */
  close(): Promise<void>;
}

/** A tab at an address, as the browser reported it, and when. */
export interface TabSeen {
  targetId: string;
  url: string;
  at: number;
}

export async function launchWithoutPageSessions(port: number, profile: string, args: string[] = []): Promise<ChromiumWithoutPageSessions> {
  const child = spawn(
    CHROMIUM,
    [
      '--headless',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      '--no-default-browser-check',
      '--disable-default-apps',
      '--password-store=basic',
      '--use-mock-keychain',
      ...steadfastArgs(port),
      ...args,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Chromium did not say where DevTools listens within 30 s')), 30_000);
    createInterface({ input: child.stderr! }).on('line', (line) => {
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(line);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before DevTools listened`)));
  });
  // Steadfast's worker only: never a page (extension pages get a connection of their own).
  const browser = await puppeteer.connect({
    browserWSEndpoint: endpoint,
    defaultViewport: null,
    targetFilter: (target) => target.type() === 'browser' || target.type() === 'service_worker',
  });
  const connections: Browser[] = [];
  const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), {
    timeout: 15_000,
  });
  const extensionId = new URL(worker.url()).host;
  const cdp = await browser.target().createCDPSession();
  // Every change of a tab's address, as it happens.
  const seen: TabSeen[] = [];
  const waiting = new Set<() => void>();
  const note = ({ targetInfo }: { targetInfo: { type: string; url: string; targetId: string } }) => {
    if (targetInfo.type !== 'page') return;
    seen.push({ url: targetInfo.url, at: Date.now(), targetId: targetInfo.targetId });
    for (const wake of waiting) wake();
  };
  cdp.on('Target.targetCreated', note);
  cdp.on('Target.targetInfoChanged', note);
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  const url = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
  const chromium: ChromiumWithoutPageSessions = {
    browser,
    cdp,
    extensionId,
    url,
    async tabs() {
      const { targetInfos } = await cdp.send('Target.getTargets');
      return targetInfos.filter((t) => t.type === 'page').map(({ targetId, url: at }) => ({ targetId, url: at }));
    },
    tabAt(wanted, timeoutMs = 10_000) {
      return new Promise<TabSeen>((resolve, reject) => {
        const check = () => {
          const found = seen.find((s) => wanted(s.url));
          if (!found) return;
          clearTimeout(timer);
          waiting.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`No tab reached the address wanted within ${timeoutMs} ms; tabs were at ${seen.map((s) => s.url).join(', ')}`));
        }, timeoutMs);
        waiting.add(check);
        check();
      });
    },
    async open(at) {
      const { targetId } = await cdp.send('Target.createTarget', { url: at, newWindow: true });
      await cdp.send('Target.activateTarget', { targetId });
      return targetId;
    },
    async extensionPage(path) {
      // A tab is born blank, and puppeteer decides whether to attach when it is born: so the page
      // is opened first, and a connection of its own attaches to it once it is at its address.
      await cdp.send('Target.createTarget', { url: url(path), newWindow: true });
      await chromium.tabAt((at) => at === url(path));
      const own = await puppeteer.connect({
        browserWSEndpoint: endpoint,
        defaultViewport: null,
        targetFilter: (target) => target.type() === 'browser' || target.url() === url(path),
      });
      connections.push(own);
      const target = await own.waitForTarget((t) => t.type() === 'page' && t.url() === url(path), { timeout: 10_000 });
      const page = await target.page();
      if (!page) throw new Error(`No page for ${path}`);
      // A window opened this way starts hidden in headless Chromium, where nothing would animate.
      await page.bringToFront();
      return page;
    },
    async close() {
      await Promise.all(connections.map((own) => own.disconnect()));
      await browser.close().catch(() => child.kill());
      await exited;
    },
  };
  return chromium;
}
