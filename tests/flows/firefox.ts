import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { AXE_SOURCE, axeResults } from '../e2e/axe';
import { controlLabelled, locationOf, openAddress, poll, waitForLocation } from '../e2e-firefox/firefox';
import { steadfastFirefoxFixture } from '../e2e-firefox/fixture';
import type { Harness, Tab } from './driver';

/** The visible name a person reads on a button or link: its aria-label, else its text. */
async function namedElement(page: Page, selector: string, name: string, timeoutMs = 10_000): Promise<ElementHandle<Element>> {
  return poll(
    async () => {
      const handle = await page
        .evaluateHandle(
          (sel, wanted): Element | null =>
            [...document.querySelectorAll(sel)].find(
              (el) => (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? el.textContent ?? '').replace(/\s+/g, ' ').trim() === wanted,
            ) ?? null,
          selector,
          name,
        )
        .catch(() => undefined);
      const element = handle?.asElement() as ElementHandle<Element> | null | undefined;
      if (!element) await handle?.dispose();
      return element ?? undefined;
    },
    timeoutMs,
    () => `"${name}" (${selector})`,
  );
}

/** The field labelled `label`: by its `<label>`, else by its `aria-label`. */
async function field(page: Page, label: string): Promise<ElementHandle<Element>> {
  const byAria = await page.$(`[aria-label="${label.replace(/"/g, '\\"')}"]`);
  return byAria ?? controlLabelled(page, label);
}

/** A puppeteer page in Firefox ESR as a {@link Tab}. */
export class PuppeteerTab implements Tab {
  constructor(
    readonly page: Page,
    private readonly origin: string,
  ) {}

  location() {
    return locationOf(this.page);
  }

  async waitForPage(path: string, timeoutMs = 10_000) {
    const [pathname, hash] = path.split('#');
    let last = '';
    await poll(
      async () => {
        last = await this.location().catch(() => last);
        if (!last.startsWith(`${this.origin}/${pathname}`)) return undefined;
        const url = new URL(last);
        return url.pathname === `/${pathname}` && (hash === undefined || url.hash === `#${hash}`) ? true : undefined;
      },
      timeoutMs,
      () => `${path}; the tab is at ${last}`,
    );
  }

  visit(url: string) {
    return openAddress(this.page, url);
  }

  async waitForText(selector: string, text: string, timeoutMs = 10_000) {
    let last: string[] = [];
    return poll(
      async () => {
        last =
          (await this.page
            .evaluate((sel) => [...document.querySelectorAll(sel)].map((el) => (el as HTMLElement).innerText), selector)
            .catch(() => undefined)) ?? [];
        return last.find((shown) => shown.includes(text));
      },
      timeoutMs,
      () => `"${text}" in ${selector}; it shows ${JSON.stringify(last.map((shown) => shown.slice(0, 200)))}`,
    );
  }

  async text(selector: string) {
    return this.page.evaluate((sel) => (document.querySelector(sel) as HTMLElement | null)?.innerText ?? '', selector);
  }

  count(selector: string) {
    return this.page.evaluate((sel) => document.querySelectorAll(sel).length, selector);
  }

  async clickButton(name: string, timeoutMs?: number) {
    await (await namedElement(this.page, 'button', name, timeoutMs)).click();
  }

  async clickLink(name: string) {
    await (await namedElement(this.page, 'a', name)).click();
  }

  async linkHref(name: string) {
    return (await namedElement(this.page, 'a', name)).evaluate((a) => a.getAttribute('href'));
  }

  async click(selector: string) {
    await (await this.page.waitForSelector(selector))!.click();
  }

  async fill(label: string, value: string) {
    const control = await field(this.page, label);
    // Date and slider fields take a value, not keystrokes (as Playwright's fill does in Chromium);
    // text is typed key by key, over what was there.
    const typed = await control.evaluate((el, next) => {
      const input = el as HTMLInputElement;
      if (['date', 'range', 'time', 'number', 'color'].includes(input.type)) {
        input.value = next;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
        return false;
      }
      input.focus();
      input.select();
      return true;
    }, value);
    if (!typed) return;
    if (value === '') await this.page.keyboard.press('Backspace');
    else await control.type(value);
  }

  async value(label: string) {
    return (await field(this.page, label)).evaluate((el) => (el as HTMLInputElement).value);
  }

  async select(label: string, value: string) {
    await (await field(this.page, label)).select(value);
  }

  async check(label: string) {
    const control = await field(this.page, label);
    if (!(await control.evaluate((el) => (el as HTMLInputElement).checked))) await control.click();
  }

  async chooseFile(label: string, path: string) {
    await ((await field(this.page, label)) as ElementHandle<HTMLInputElement>).uploadFile(path);
  }

  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return this.page.evaluate(fn as (arg: unknown) => Promise<R>, arg as unknown) as Promise<R>;
  }

  async reload() {
    // As a person's F5 would; puppeteer's own reload waits for an event Firefox doesn't send for
    // extension pages. The mark proves the document is a fresh one.
    await this.page.evaluate(() => void ((window as unknown as { before?: boolean }).before = true));
    await this.page.evaluate(() => location.reload());
    await poll(
      async () =>
        (await this.page.evaluate(() => document.readyState === 'complete' && !(window as unknown as { before?: boolean }).before).catch(() => false)) ||
        undefined,
      10_000,
      () => 'a fresh page',
    );
  }

  async axe() {
    await this.page.evaluate(AXE_SOURCE);
    return axeResults(await this.page.evaluate(axeRun));
  }

  close() {
    return this.page.close();
  }
}

interface TabsGlobal {
  chrome: {
    tabs: {
      query(q: object): Promise<{ id: number; url?: string }[]>;
      remove(id: number): Promise<void>;
      getCurrent(): Promise<{ id: number }>;
      create(p: object): Promise<unknown>;
    };
  };
}

/** axe-core's run, in the page (the same rules as Chromium's, tests/e2e/axe.ts). */
function axeRun() {
  const { axe } = globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } };
  return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, resultTypes: ['violations'] }).then((result) => result.violations);
}

/** Waits for a tab that is not in `before` (puppeteer keeps one object per tab). */
async function newTabAfter(browser: Browser, before: Set<Page>, origin: string): Promise<PuppeteerTab> {
  const page = await poll(
    async () => (await browser.pages()).find((each) => !before.has(each)),
    10_000,
    () => 'a new tab',
  );
  return new PuppeteerTab(page, origin);
}

/**
 * One Firefox ESR with Steadfast for the test file: the flows of `./core-flows.ts` as Firefox runs
 * them. A test cannot `goto` a `moz-extension://` page, so Steadfast's pages are opened as
 * Steadfast itself opens them (`tabs.create`), from a page of its own kept for that: the privacy
 * page, which writes nothing.
 */
export function firefoxHarness(): Harness {
  let control: Page;
  const fixture = steadfastFirefoxFixture({
    setUp: async ({ app }) => {
      const before = new Set(await app.browser.pages());
      await app.options.evaluate((url) => (globalThis as unknown as TabsGlobal).chrome.tabs.create({ url }), `${app.origin}/privacy.html`);
      control = (await newTabAfter(app.browser, before, app.origin)).page;
      await waitForLocation(control, `${app.origin}/privacy.html`);
      await app.options.close();
    },
  });
  async function newTabBy(action: () => Promise<void>): Promise<PuppeteerTab> {
    const before = new Set(await fixture.app.browser.pages());
    await action();
    return newTabAfter(fixture.app.browser, before, fixture.app.origin);
  }
  const harness: Harness = {
    browserName: 'firefox',
    get server() {
      return fixture.server;
    },
    web: (host, path = '/') => `http://${host}:${fixture.server.port}${path}`,
    extensionUrl: (path) => `${fixture.app.origin}/${path}`,
    newTab: async () => new PuppeteerTab(await fixture.app.browser.newPage(), fixture.app.origin),
    async openPage(path) {
      const tab = await newTabBy(async () => {
        await control.evaluate((url) => (globalThis as unknown as TabsGlobal).chrome.tabs.create({ url }), harness.extensionUrl(path));
      });
      await tab.waitForPage(path);
      await poll(
        async () => ((await tab.page.evaluate(() => document.readyState).catch(() => '')) === 'complete' ? true : undefined),
        10_000,
        () => `${path} to load`,
      );
      return tab;
    },
    async tabOpenedBy(action) {
      // puppeteer does not see a tab that a link in an extension page opens (no BiDi context for
      // it reaches `browser.pages()` nor a 'popup' event, Firefox ESR 153). The browser's own tab
      // list proves the link opened it; the test then carries on in a tab opened at that address.
      const tabs = () => harness.inExtension(() => (globalThis as unknown as TabsGlobal).chrome.tabs.query({}), undefined);
      const before = new Set((await tabs()).map((tab) => tab.id));
      await action();
      const opened = await poll(
        async () => (await tabs()).find((tab) => !before.has(tab.id) && tab.url?.startsWith(fixture.app.origin)),
        10_000,
        () => 'the tab the link opens',
      );
      await harness.inExtension((id) => (globalThis as unknown as TabsGlobal).chrome.tabs.remove(id), opened.id);
      return harness.openPage(opened.url!.slice(fixture.app.origin.length + 1));
    },
    async download(_tab, action) {
      const before = new Set(readdirSync(fixture.app.downloads));
      await action();
      // Firefox writes a `.part` file first and renames it once the download is complete.
      // Firefox names the file before it has written it: read once it is whole (ends as JSON does).
      return poll(
        async () => {
          const name = readdirSync(fixture.app.downloads).find((file) => !before.has(file) && !file.endsWith('.part'));
          const text = name ? readFileSync(join(fixture.app.downloads, name), 'utf8') : '';
          return name && text.trimEnd().endsWith('}') ? { name, text } : undefined;
        },
        10_000,
        () => `a whole download in ${fixture.app.downloads}`,
      );
    },
    inExtension: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => control.evaluate(fn as (arg: unknown) => Promise<R>, arg as unknown) as Promise<R>,
    async closeTabs() {
      // A closed tab can linger in puppeteer's list for a moment: closing it again is no error.
      for (const page of await fixture.app.browser.pages()) if (page !== control) await page.close().catch(() => undefined);
      // And those puppeteer never saw (see tabOpenedBy).
      await harness.inExtension(async () => {
        const { tabs } = (globalThis as unknown as TabsGlobal).chrome;
        const own = await tabs.getCurrent();
        for (const tab of await tabs.query({})) if (tab.id !== own.id) await tabs.remove(tab.id);
      }, undefined);
    },
  };
  return harness;
}
