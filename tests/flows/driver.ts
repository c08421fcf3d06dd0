import type { TestServer } from '../e2e/test-server';

/**
 * What a flow does in a browser, the same in Chromium (Playwright, `./chromium.ts`) and Firefox ESR
 * (puppeteer over WebDriver BiDi, `./firefox.ts`). A flow (`./core-flows.ts`) is written once
 * against these two interfaces; each project's thin test file runs it in its own browser.
 *
 * Elements are found as a person finds them: buttons and links by their name, fields by their
 * label, and only what a person reads by a CSS selector (`.plan`, `.paused-site`).
 */
export interface Tab {
  /** Where the tab really is (`location.href`). */
  location(): Promise<string>;
  /** Waits until the tab shows Steadfast's page `path` (`pause.html`, `options.html#plan`: with a hash, that too). */
  waitForPage(path: string, timeoutMs?: number): Promise<void>;
  /** What typing `url` into the address bar does: a top-level navigation, not waited on. */
  visit(url: string): Promise<void>;
  /** Waits until the visible text of the first `selector` has `text` in it; returns that whole text. */
  waitForText(selector: string, text: string, timeoutMs?: number): Promise<string>;
  /** The visible text of the first `selector`, or '' when there is none. */
  text(selector: string): Promise<string>;
  /** How many elements match `selector`. */
  count(selector: string): Promise<number>;
  /** Clicks the button whose accessible name is exactly `name`. */
  clickButton(name: string, timeoutMs?: number): Promise<void>;
  /** Clicks the (first) link whose accessible name is exactly `name`. */
  clickLink(name: string): Promise<void>;
  /** The `href` of the first link named exactly `name`, as written. */
  linkHref(name: string): Promise<string | null>;
  /** Clicks the first element matching `selector` (a `<summary>`, a list's own button). */
  click(selector: string): Promise<void>;
  /** Writes `value` into the field labelled `label` (exactly), in place of what was there. */
  fill(label: string, value: string): Promise<void>;
  /** The value of the field labelled `label`. */
  value(label: string): Promise<string>;
  /** Chooses `value` in the drop-down labelled `label`. */
  select(label: string, value: string): Promise<void>;
  /** Ticks the checkbox or radio button labelled `label`. */
  check(label: string): Promise<void>;
  /** Chooses `path` in the file field labelled `label`. */
  chooseFile(label: string, path: string): Promise<void>;
  /** Runs `fn` in the page. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Reloads the page, as F5 would, and waits for a fresh document. */
  reload(): Promise<void>;
  /** Every axe-core WCAG 2 A/AA violation on the page, one line each. */
  axe(): Promise<string[]>;
  close(): Promise<void>;
}

export interface Harness {
  readonly browserName: 'chromium' | 'firefox';
  /** The test server for every `*.test` site, counting the requests that reach each host. */
  readonly server: TestServer;
  /**
   * The address of `path` on `host` as the browser reaches the test server (Firefox needs the
   * port; Chromium maps `*.test` to it). Firefox resolves only the names in its `TEST_HOSTS`.
   */
  web(host: string, path?: string): string;
  /** `chrome-extension://…/path` or `moz-extension://…/path`. */
  extensionUrl(path: string): string;
  /** A new blank tab. */
  newTab(): Promise<Tab>;
  /** Steadfast's page `path` in a new tab, waited on until it has loaded. */
  openPage(path: string): Promise<Tab>;
  /** Runs `action` and returns the tab it opened (a link with `target="_blank"`). */
  tabOpenedBy(action: () => Promise<void>): Promise<Tab>;
  /** Runs `action` in `tab` and returns the file it downloaded. */
  download(tab: Tab, action: () => Promise<void>): Promise<{ name: string; text: string }>;
  /**
   * Runs `fn` with Steadfast's own privileges (Chromium: its service worker; Firefox: one of its
   * pages), where `chrome.*` and its IndexedDB are: for a test's set-up and for reading what is
   * stored, never for what a person does.
   */
  inExtension<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Closes every tab a test opened (Steadfast's own held pages stay). */
  closeTabs(): Promise<void>;
}

/** The dynamic rules as the browser holds them (only for use inside {@link Harness.inExtension}). */
export interface ChromeApis {
  chrome: {
    declarativeNetRequest: { getDynamicRules(): Promise<{ id: number; priority?: number; condition: object }[]> };
    storage: { local: { get(keys: string | null): Promise<Record<string, unknown>>; set(items: object): Promise<void>; clear(): Promise<void> } };
    runtime: { sendMessage(message: object): Promise<{ ok: boolean; message?: string }> };
    alarms: { create(name: string, info: object): Promise<void> | void; get(name: string): Promise<unknown>; getAll(): Promise<{ name: string }[]> };
  };
}
