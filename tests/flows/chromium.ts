import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { axeViolations } from '../e2e/axe';
import { steadfastFixture } from '../e2e/fixture';
import type { Harness, Tab } from './driver';

/** A Playwright page as a {@link Tab}. */
export class PlaywrightTab implements Tab {
  constructor(readonly page: Page) {}

  /** The form control labelled exactly `label` (a section may carry the same name). */
  private field(label: string) {
    return this.page.getByLabel(label, { exact: true }).and(this.page.locator('input, textarea, select'));
  }

  location() {
    return this.page.evaluate(() => location.href);
  }

  async waitForPage(path: string, timeout?: number) {
    const [pathname, hash] = path.split('#');
    await this.page.waitForURL((u) => u.protocol === 'chrome-extension:' && u.pathname === `/${pathname}` && (hash === undefined || u.hash === `#${hash}`), {
      timeout,
    });
  }

  async visit(url: string) {
    // A trigger's redirect into the extension, or an allowance ending, can abort what goto waits for.
    await this.page.goto(url, { waitUntil: 'commit' }).catch(() => undefined);
  }

  async waitForText(selector: string, text: string, timeout = 10_000) {
    const found = this.page.locator(selector, { hasText: text }).first();
    await found.waitFor({ timeout });
    return found.innerText();
  }

  async text(selector: string) {
    const first = this.page.locator(selector).first();
    return (await first.count()) ? first.innerText() : '';
  }

  count(selector: string) {
    return this.page.locator(selector).count();
  }

  clickButton(name: string, timeout?: number) {
    return this.page.getByRole('button', { name, exact: true }).first().click({ timeout });
  }

  clickLink(name: string) {
    return this.page.getByRole('link', { name, exact: true }).first().click();
  }

  linkHref(name: string) {
    return this.page.getByRole('link', { name, exact: true }).first().getAttribute('href');
  }

  click(selector: string) {
    return this.page.locator(selector).first().click();
  }

  fill(label: string, value: string) {
    return this.field(label).fill(value);
  }

  value(label: string) {
    return this.field(label).inputValue();
  }

  async select(label: string, value: string) {
    await this.field(label).selectOption(value);
  }

  check(label: string) {
    return this.field(label).check();
  }

  chooseFile(label: string, path: string) {
    return this.field(label).setInputFiles(path);
  }

  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return this.page.evaluate(fn as (arg: unknown) => Promise<R>, arg as unknown);
  }

  async reload() {
    await this.page.reload();
  }

  axe() {
    return axeViolations(this.page);
  }

  close() {
    return this.page.close();
  }
}

/**
 * One Chromium with Steadfast for the test file, the test server, and a clean slate before each
 * test ({@link resetSteadfast}): the flows of `./core-flows.ts` as Chromium runs them.
 */
export function chromiumHarness(): Harness {
  const fixture = steadfastFixture({ resetServer: true });
  return {
    browserName: 'chromium',
    get server() {
      return fixture.server;
    },
    web: (host, path = '/') => `http://${host}${path}`,
    extensionUrl: (path) => fixture.app.url(path),
    newTab: async () => new PlaywrightTab(await fixture.app.context.newPage()),
    async openPage(path) {
      const page = await fixture.app.context.newPage();
      await page.goto(fixture.app.url(path));
      return new PlaywrightTab(page);
    },
    async tabOpenedBy(action) {
      const [page] = await Promise.all([fixture.app.context.waitForEvent('page'), action()]);
      await page.waitForLoadState();
      return new PlaywrightTab(page);
    },
    async download(tab, action) {
      const [download] = await Promise.all([(tab as PlaywrightTab).page.waitForEvent('download'), action()]);
      return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
    },
    inExtension: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => fixture.app.worker.evaluate(fn as (arg: unknown) => Promise<R>, arg as unknown),
    async closeTabs() {
      // One blank tab stays, as in a person's browser.
      const blank = await fixture.app.context.newPage();
      for (const page of fixture.app.context.pages()) if (page !== blank) await page.close();
    },
  };
}
