import type { BrowserContext, Page, Worker } from 'playwright-core';
import { chromiumFlags, launchChromium, newProfile as newChromiumProfile, removeProfile as removeChromiumProfile } from '../launch/chromium.mjs';
import { EXTENSION_DIR } from './paths';

export interface Steadfast {
  context: BrowserContext;
  extensionId: string;
  profile: string;
  worker: Worker;
  /** The welcome page a first install opened by itself, when the launch was asked to keep it. */
  welcome?: Page;
  /** `chrome-extension://<id>/<path>` */
  url: (path: string) => string;
  close: () => Promise<void>;
}

/**
 * A fresh profile with network prediction off, so the request counts are exact; `preferences`
 * adds to or replaces Chromium's preferences at the top level (e.g. `session`).
 */
export function newProfile(preferences: Record<string, unknown> = {}): string {
  return newChromiumProfile('steadfast-e2e-', preferences);
}

export function removeProfile(profile: string): void {
  removeChromiumProfile(profile);
}

/** Every test file's teardown: close the browser, delete its profile, stop the test server. */
export async function closeAll(app: Steadfast | undefined, server: { stop(): Promise<void> } | undefined): Promise<void> {
  await app?.close();
  if (app) removeProfile(app.profile);
  await server?.stop();
}

/**
 * Chromium's switches for every launch with Steadfast (tests/launch/chromium.mjs, shared with the
 * benchmarks): the `*.test` sites on the test server, nothing else on the network.
 */
export function steadfastArgs(port: number, extensionDir = EXTENSION_DIR): string[] {
  return chromiumFlags(steadfastLaunch(port, extensionDir));
}

function steadfastLaunch(port: number, extensionDir = EXTENSION_DIR) {
  // Copies of a site on translation, cache and archive services (issue 15) are served here too, and the
  // fully qualified form of each name (`forum.test.`), which the resolver matches apart.
  const names = ['*.test', '*.test.', '*.translate.goog', '*.bing-amp.com', 'web.archive.org', 'web.archive.org.', 'archive.ph'];
  return { extensions: [extensionDir], hosts: Object.fromEntries(names.map((name) => [name, port])) };
}

export interface LaunchOptions {
  /** Keep the welcome page a first install opens (else it is closed). */
  keepWelcome?: boolean;
  /**
   * Keep the back/forward cache on, as in a person's browser: Playwright switches it off by
   * default (`--disable-back-forward-cache`).
   */
  backForwardCache?: boolean;
  /** More switches for this launch. */
  args?: string[];
  /** More environment for the browser's processes (e.g. a moved clock). */
  env?: Record<string, string>;
  /** The browser's language (navigator.language and the UI's), e.g. `en-US`. */
  locale?: string;
  /** Another build of Steadfast to load (default: the production build). */
  extensionDir?: string;
}

/**
 * Opens an extension page in a new tab, noting any dialog in `dialogs` (and dismissing it): an
 * alert would mean hostile text ran as code, so tests that type it expect `dialogs` to stay empty.
 */
export async function openNoting(target: Steadfast, path: string, dialogs: string[]): Promise<Page> {
  const page = await target.context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(target.url(path));
  return page;
}

/**
 * Starts Debian's Chromium with the production build of Steadfast loaded. A fresh profile is a
 * first install, which opens the welcome page: it is closed, unless `keepWelcome` asks for it.
 */
export async function launchSteadfast(
  port: number,
  existingProfile?: string,
  { keepWelcome = false, backForwardCache = false, args = [], env, locale, extensionDir }: LaunchOptions = {},
): Promise<Steadfast> {
  const profile = existingProfile ?? newProfile();
  // The browser's language (navigator.language), when a test needs one: the UI's and the pages'.
  const context = await launchChromium(profile, { ...steadfastLaunch(port, extensionDir), args, env, locale, backForwardCache });
  // Fail in seconds, not half a minute, when something a person would see is missing.
  context.setDefaultTimeout(10_000);
  const worker = await extensionWorker(context);
  const extensionId = new URL(worker.url()).host;
  let welcome: Page | undefined;
  if (!existingProfile) {
    // A first install opens the welcome. Wait for it (and close it, unless kept), so no test's own
    // navigation races it; its opening is itself what a newcomer relies on.
    const welcomeUrl = `chrome-extension://${extensionId}/welcome.html`;
    welcome = await waitFor(() => context.pages().find((page) => page.url() === welcomeUrl), 10_000, 'the welcome page to open on install');
    if (!keepWelcome) {
      await welcome.close();
      welcome = undefined;
    }
  }
  return {
    context,
    extensionId,
    welcome,
    profile,
    worker,
    url: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    close: () => context.close(),
  };
}

/**
 * A clock the whole browser sees, that a test can move while it runs: Debian's libfaketime,
 * preloaded into every Chromium process, reads an offset ("+2d", "-30d") from `file` at every
 * reading of the wall clock. The monotonic clock (`performance.now()`, timers) is left alone, as
 * when a person sets the computer's clock. (Its "monotonic fix" for condition waits stops Chromium
 * from starting, so it is off.)
 */
export const FAKETIME_LIBRARY = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';
export function movableClock(file: string): Record<string, string> {
  return {
    LD_PRELOAD: FAKETIME_LIBRARY,
    FAKETIME_TIMESTAMP_FILE: file,
    FAKETIME_NO_CACHE: '1',
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
    FAKETIME_FORCE_MONOTONIC_FIX: '0',
  };
}

export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
}

/**
 * Reloads the extension from disk, as Chromium does on an update or "Reload" in
 * chrome://extensions (CDP `Extensions.loadUnpacked` on the same folder keeps the id), and
 * returns its new service worker. (`chrome.runtime.reload()` leaves an extension loaded by
 * --load-extension unloaded in headless Chromium 156.)
 */
export async function reloadExtension(app: Steadfast): Promise<Worker> {
  const restarted = app.context.waitForEvent('serviceworker', { timeout: 15_000 });
  const cdp = await app.context.browser()!.newBrowserCDPSession();
  // `Extensions` is not in playwright-core's protocol typings yet.
  const send = cdp.send.bind(cdp) as unknown as (method: string, params: object) => Promise<{ id: string }>;
  const { id } = await send('Extensions.loadUnpacked', { path: EXTENSION_DIR });
  if (id !== app.extensionId) throw new Error(`Reloaded as ${id}, expected ${app.extensionId}`);
  app.worker = await restarted;
  return app.worker;
}

/** What tests reach inside the extension's service worker. */
type HeldRule = { id: number; priority?: number; condition: { requestDomains?: string[] } };
interface ChromeGlobal {
  chrome: {
    declarativeNetRequest: { getDynamicRules(): Promise<HeldRule[]> };
  };
}

/** The dynamic rules as the browser holds them (read through the service worker). */
export async function dynamicRules(worker: Worker): Promise<HeldRule[]> {
  return worker.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.declarativeNetRequest.getDynamicRules());
}

/** Adds a trigger the way a person does: type it into "My recovery" and press Add. */
export async function addTriggerThroughOptions(app: Steadfast, site: string, page?: Page): Promise<Page> {
  const options = page ?? (await app.context.newPage());
  if (!page) await options.goto(app.url('options.html'));
  await options.getByRole('textbox', { name: /trigger site/i }).fill(site);
  await options.getByRole('button', { name: 'Add', exact: true }).click();
  return options;
}

/** Polls `find` until it returns something. */
async function waitFor<T>(find: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const start = Date.now();
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() - start > timeoutMs) throw new Error(`Waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Waits until the browser's rules pause `host`; returns how long that took after the call. */
export async function waitForRuleFor(worker: Worker, host: string, timeoutMs = 5_000): Promise<number> {
  const start = Date.now();
  for (;;) {
    const rules = await dynamicRules(worker);
    if (rules.some((rule) => JSON.stringify(rule.condition).includes(host))) return Date.now() - start;
    if (Date.now() - start > timeoutMs) throw new Error(`No rule for ${host} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
