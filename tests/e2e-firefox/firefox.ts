import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { launchFirefox } from '../launch/firefox.mjs';
import { EXTENSION_DIR } from './paths';

/**
 * Firefox ESR driven over WebDriver BiDi by puppeteer-core (which never downloads a browser).
 *
 * Three things differ from the Chromium suite:
 * - A test cannot `goto` a `moz-extension://` page ("not allowed in this context"). "My recovery"
 *   is reached the way a newcomer meets it, opened by Steadfast itself on install; pause pages are
 *   reached through the redirect, as a person meets them.
 * - puppeteer does not see a tab move into an extension page (`page.url()` keeps the old address
 *   and `goto` waits for a load event it never gets), so tests read `location.href` in the page and
 *   start navigations with the same BiDi command `goto` uses, without waiting on puppeteer's
 *   navigation tracking ({@link openAddress}).
 * - Host permissions: Firefox MV3 treats `host_permissions` as optional, and without host access
 *   the redirect rule is silently ignored. Firefox (127 and later) shows them in the install prompt
 *   and grants them on install while `extensions.originControls.grantByDefault` is true, which is
 *   its default; the profile here leaves that pref alone, and the suite checks that the grant
 *   happened ({@link hasHostAccess}) rather than arranging it.
 */
export interface SteadfastFirefox {
  browser: Browser;
  /** `moz-extension://<uuid>`: the UUID is fixed per launch through `extensions.webextensions.uuids`. */
  origin: string;
  /** "My recovery", reached from the welcome page in the tab Steadfast opened on install. */
  options: Page;
  /** Where Firefox saves downloads, without asking (deleted on close). */
  downloads: string;
  close: () => Promise<void>;
}

/** Names the profile resolves to 127.0.0.1 (`network.dns.localDomains` matches whole names only). */
export const TEST_HOSTS = [
  'trigger.test',
  'www.trigger.test',
  'other.test',
  'my_trigger.test',
  // The shared flows (tests/flows/core-flows.ts): a host of its own for each.
  'pause.test',
  'block.test',
  'search.test',
  'old.test',
  'fresh.test',
  'forum.test',
  'plan.test',
  'hostile.test',
  'welcome.test',
  'crisis.test',
  'help.test',
  // Fully qualified names (tests/e2e-firefox/host-forms.test.ts).
  'trigger.test.',
  'other.test.',
  'forum.test.',
];

/** Starts Firefox ESR with a fresh profile (and `prefs`), installs the Firefox MV3 build, goes from the welcome to "My recovery". */
export async function launchSteadfastInFirefox(prefs: Record<string, unknown> = {}): Promise<SteadfastFirefox> {
  const downloads = mkdtempSync(join(tmpdir(), 'steadfast-firefox-downloads-'));
  const { browser, origin } = await launchFirefox({
    extension: EXTENSION_DIR,
    hosts: TEST_HOSTS,
    prefs: {
      // A download is saved straight into `downloads`, as a person's "Save file" would.
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
      ...prefs,
    },
  }).catch((error: unknown) => {
    rmSync(downloads, { recursive: true, force: true });
    throw error;
  });
  const close = async () => {
    await browser.close();
    rmSync(downloads, { recursive: true, force: true });
  };
  try {
    // A first install opens the welcome (Firefox reuses the blank first tab for it); from there a
    // person reaches "My recovery" by its link, as a test must (no `goto` of an extension page).
    const options = await waitForPageAt(browser, `${origin}/welcome.html`, 15_000, 'the welcome page to open on install');
    await (await linkNamed(options, 'My recovery')).click();
    await waitForLocation(options, `${origin}/options.html`);
    return { browser, origin, options, downloads, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Where the page really is (`page.url()` goes stale once a tab moves into an extension page). */
export async function locationOf(page: Page): Promise<string> {
  return page.evaluate(() => location.href);
}

/** What a person gets from typing `url` into the address bar: a top-level navigation by the browser. */
export async function openAddress(page: Page, url: string): Promise<void> {
  // The BiDi `browsingContext.navigate` that `page.goto` sends, with `wait: 'none'`: `goto` would
  // also wait on puppeteer's navigation tracking, which loses the tab once it is redirected into
  // `moz-extension://`. Not in puppeteer-core's typings, so checked here.
  const context = (page.mainFrame() as unknown as { browsingContext?: { navigate?: unknown } }).browsingContext;
  if (typeof context?.navigate !== 'function') {
    throw new Error("puppeteer-core no longer exposes the frame's BiDi browsingContext; update openAddress");
  }
  await (context.navigate as (url: string, wait: 'none') => Promise<void>).call(context, url, 'none');
}

/** Waits until the page is exactly at `expected`; says where it is instead when it never gets there. */
export async function waitForLocation(page: Page, expected: string, timeoutMs = 10_000): Promise<void> {
  let last = '';
  await poll(
    async () => {
      last = await locationOf(page).catch(() => last);
      return last === expected || undefined;
    },
    timeoutMs,
    () => `${expected}; the tab is at ${last}`,
  );
}

/** Waits until the visible text of `selector` contains `text`; returns that whole text. */
export async function waitForText(page: Page, selector: string, text: string, timeoutMs = 10_000): Promise<string> {
  let last = '';
  return poll(
    async () => {
      last = (await page.evaluate((sel) => (document.querySelector(sel) as HTMLElement | null)?.innerText, selector).catch(() => undefined)) ?? '';
      return last.includes(text) ? last : undefined;
    },
    timeoutMs,
    () => `"${text}" in ${selector}; it shows "${last.slice(0, 300)}"`,
  );
}

/** The form control whose visible label reads exactly `label`, as a person finds it. */
export async function controlLabelled(page: Page, label: string): Promise<ElementHandle<Element>> {
  return elementNamed(page, 'label', label);
}

/** The button whose accessible name (its aria-label, else its text) is exactly `name`. */
export async function buttonNamed(page: Page, name: string): Promise<ElementHandle<Element>> {
  return elementNamed(page, 'button', name);
}

/** The link whose text is exactly `name`. */
export async function linkNamed(page: Page, name: string): Promise<ElementHandle<Element>> {
  return elementNamed(page, 'a', name);
}

/** A button or link by its name, or the control a label by its text is for. */
async function elementNamed(page: Page, tag: 'label' | 'button' | 'a', name: string): Promise<ElementHandle<Element>> {
  return poll(
    async () => {
      const handle = await page.evaluateHandle(
        (tagName, wanted): Element | null => {
          const found = [...document.querySelectorAll(tagName)].find((el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() === wanted);
          return found instanceof HTMLLabelElement ? found.control : (found ?? null);
        },
        tag,
        name,
      );
      const element = handle.asElement() as ElementHandle<Element> | null;
      if (!element) await handle.dispose();
      return element ?? undefined;
    },
    10_000,
    () => (tag === 'label' ? `a field labelled "${name}"` : tag === 'a' ? `a link named "${name}"` : `a button named "${name}"`),
  );
}

/** Adds a trigger the way a person does: type it into "My recovery" and press Add. */
export async function addTriggerThroughOptions(options: Page, site: string): Promise<void> {
  await (await controlLabelled(options, 'Trigger site')).type(site);
  await (await buttonNamed(options, 'Add')).click();
}

/** Writes reasons into the plan editor, one a line, and waits until it says they are saved. */
export async function writeReasons(options: Page, reasons: string): Promise<void> {
  await (await controlLabelled(options, 'My reasons (one a line)')).type(reasons);
  await waitForText(options, '#plan', 'Saved on this device.');
}

/** What an extension page of Steadfast reaches (Firefox's own `browser` namespace). */
interface ExtensionGlobal {
  browser: {
    declarativeNetRequest: { getDynamicRules(): Promise<{ id: number; condition: object }[]> };
    permissions: { contains(permissions: { origins: string[] }): Promise<boolean> };
  };
}

/** Whether Steadfast holds the `<all_urls>` host access its redirect needs (asked from its own page). */
export async function hasHostAccess(extensionPage: Page): Promise<boolean> {
  return extensionPage.evaluate(() => (globalThis as unknown as ExtensionGlobal).browser.permissions.contains({ origins: ['<all_urls>'] }));
}

/** Waits until the browser's dynamic rules pause `host`; returns how long that took. */
export async function waitForRuleFor(extensionPage: Page, host: string, timeoutMs = 5_000): Promise<number> {
  const start = Date.now();
  await poll(
    async () => {
      const rules = await extensionPage.evaluate(() => (globalThis as unknown as ExtensionGlobal).browser.declarativeNetRequest.getDynamicRules());
      return rules.some((rule) => JSON.stringify(rule.condition).includes(host)) || undefined;
    },
    timeoutMs,
    () => `a dynamic rule for ${host}`,
  );
  return Date.now() - start;
}

async function waitForPageAt(browser: Browser, url: string, timeoutMs: number, what: string): Promise<Page> {
  return poll(
    async () => {
      for (const page of await browser.pages()) {
        if ((await locationOf(page).catch(() => '')) === url) return page;
      }
      return undefined;
    },
    timeoutMs,
    () => what,
  );
}

/** Calls `find` every 50 ms until it returns something. */
export async function poll<T>(find: () => Promise<T | undefined>, timeoutMs: number, what: () => string): Promise<T> {
  const start = Date.now();
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() - start > timeoutMs) throw new Error(`Waited ${timeoutMs} ms for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
