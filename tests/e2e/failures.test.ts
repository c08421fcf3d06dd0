import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { steadfastFixture } from './fixture';
import { historyEvents } from './history';
import { fillRecovery } from './pages';

/*
 * Pages that survive failures (issue 18, part 3), in Chromium: the extension's own pages are made
 * to meet a broken IndexedDB or a broken storage.local before any of their scripts run.
 */

const fixture = steadfastFixture();
let setup: Page;

beforeAll(async () => {
  setup = await fixture.app.context.newPage();
  await fillRecovery(fixture.app, setup);
});

/** A tab whose extension pages find `indexedDB.open` refusing, as with a broken or locked profile. */
async function tabWithBrokenIndexedDb(): Promise<Page> {
  const page = await fixture.app.context.newPage();
  await page.addInitScript(() => {
    if (location.protocol !== 'chrome-extension:') return;
    indexedDB.open = () => {
      throw new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
    };
  });
  return page;
}

/** A tab whose extension pages find every read of `storage.local` rejected. */
async function tabWithBrokenStorage(): Promise<Page> {
  const page = await fixture.app.context.newPage();
  await page.addInitScript(() => {
    if (location.protocol !== 'chrome-extension:') return;
    const local = (globalThis as unknown as { chrome: { storage: { local: { get: unknown } } } }).chrome.storage.local;
    local.get = () => Promise.reject(new Error('IO error: Local Extension Settings/000003.log: No space left on device'));
  });
  return page;
}

async function openPause(page: Page) {
  await page.goto('http://trigger.test/late-night');
  await page.waitForURL((u) => u.pathname === '/pause.html');
}

const proveIndexedDbBroken = (page: Page) =>
  page.evaluate(() => {
    try {
      indexedDB.open('probe');
      return 'opened';
    } catch (error) {
      return (error as Error).name;
    }
  });

const proveStorageBroken = (page: Page) =>
  page.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<unknown> } } } }).chrome.storage.local.get('plan').then(
      () => 'read',
      () => 'refused',
    ),
  );

test('with IndexedDB broken, the pause page still shows the plan, the support people and all the help', async () => {
  const page = await tabWithBrokenIndexedDb();
  await openPause(page);
  expect(await proveIndexedDbBroken(page)).toBe('UnknownError');
  await page.getByText(/could not open your history just now/).waitFor();
  await page.locator('.plan').waitFor();
  expect(await page.locator('.plan').innerText()).toContain('call Sam and go for a walk by the river');
  await page.getByRole('link', { name: 'Call Sam' }).waitFor();
  expect(await page.getByRole('link', { name: 'Get help now' }).first().getAttribute('href')).toBe('/help.html');
  expect(await page.getByRole('link', { name: "I'm not safe" }).first().getAttribute('href')).toBe('/crisis.html');
  expect(await page.getByRole('link', { name: 'Take me away' }).count()).toBe(1);
  // The streak comes from the history: it is not guessed.
  expect(await page.locator('.pause-streak').count()).toBe(0);
  await page.close();
});

test('with IndexedDB broken, the popup does not thank for a check-in it could not save, and offers to try again', async () => {
  const before = (await historyEvents(setup)).filter((e) => e.type === 'checkin').length;
  const popup = await tabWithBrokenIndexedDb();
  await popup.goto(fixture.app.url('popup.html'));
  expect(await proveIndexedDbBroken(popup)).toBe('UnknownError');
  await popup.getByText(/could not open your history just now/).waitFor();
  await popup.getByText('Daily check-in').click();
  await popup.getByLabel('Okay').check();
  await popup.getByRole('button', { name: 'Save check-in' }).click();
  await popup.getByText('That could not be saved just now. Please try again.').waitFor();
  expect(await popup.getByText(/Thank you for checking in/).count()).toBe(0);
  await popup.getByRole('button', { name: 'Try saving again' }).click();
  await popup.getByText('That could not be saved just now. Please try again.').waitFor();
  expect(await popup.getByText(/Thank you for checking in/).count()).toBe(0);
  expect((await historyEvents(setup)).filter((e) => e.type === 'checkin').length).toBe(before);
  // Help is still one click away.
  expect(await popup.getByRole('link', { name: 'Get help now' }).count()).toBeGreaterThan(0);
  await popup.close();
});

test('with storage.local unreadable, the pause page says so kindly and keeps the help and the way out', async () => {
  const page = await tabWithBrokenStorage();
  await openPause(page);
  expect(await proveStorageBroken(page)).toBe('refused');
  await page.getByText(/could not read some of what you saved just now/).waitFor();
  expect(await page.getByRole('link', { name: 'Get help now' }).first().getAttribute('href')).toBe('/help.html');
  expect(await page.getByRole('link', { name: "I'm not safe" }).first().getAttribute('href')).toBe('/crisis.html');
  expect(await page.getByRole('link', { name: 'Take me away' }).count()).toBe(1);
  // A coping prompt still shows: the built-in ones need no storage.
  await page.locator('.coping li').first().waitFor();
  await page.close();
});

/*
 * Every other page, with each failure: it says what went wrong in plain words where it reads what
 * failed, and still shows the help it can. `help` is what the page shows whatever fails (for the
 * help and crisis pages, every entry a working page shows); `words` what it says for each failure
 * (none: the page does not read that store, and shows no notice).
 */
const STORAGE_WORDS = /could not read some of what you saved just now/;
const PAGES: { file: string; help: string; words: { storage?: RegExp; history?: RegExp } }[] = [
  { file: 'help.html', help: '.help-list li', words: { storage: STORAGE_WORDS } },
  { file: 'crisis.html', help: '.crisis-regions a[href^="tel:"]:visible', words: { storage: /Your plan couldn.t be read just now/ } },
  { file: 'welcome.html', help: '.page-shell a', words: { storage: STORAGE_WORDS } },
  { file: 'coping.html', help: '.coping-tool-list li', words: { storage: STORAGE_WORDS } },
  { file: 'progress.html', help: '.page-shell a', words: { storage: STORAGE_WORDS, history: /Your history could not be opened just now/ } },
  // The weekly review reads only the history (storage only for the trusted time, which falls back to the wall clock).
  { file: 'review.html', help: '.page-shell a', words: { history: /could not open your history just now/ } },
  { file: 'privacy.html', help: 'dl.permissions dt', words: {} },
  { file: 'lockin.html', help: '#lockin-what', words: {} },
];
const BROKEN = {
  storage: { open: tabWithBrokenStorage, prove: proveStorageBroken, proof: 'refused' },
  history: { open: tabWithBrokenIndexedDb, prove: proveIndexedDbBroken, proof: 'UnknownError' },
};

/** What a page shows of its help once drawn (the crisis page's numbers once put in the person's order). */
async function helpShown(page: Page, file: string, selector: string): Promise<string[]> {
  if (file === 'crisis.html') await page.locator('#crisis-region > *').first().waitFor();
  await page.locator(selector).first().waitFor();
  return page.locator(selector).allInnerTexts();
}

test.each(PAGES.flatMap((p) => (['storage', 'history'] as const).map((broken) => ({ ...p, broken }))))(
  'with $broken broken, $file says so in plain words and still shows its help',
  async ({ file, help, words, broken }) => {
    const working = await fixture.app.context.newPage();
    await working.goto(fixture.app.url(file));
    const expected = await helpShown(working, file, help);
    expect(expected.length).toBeGreaterThan(0);
    await working.close();

    const page = await BROKEN[broken].open();
    await page.goto(fixture.app.url(file));
    expect(await BROKEN[broken].prove(page)).toBe(BROKEN[broken].proof);
    const said = words[broken];
    if (said) await page.getByText(said).first().waitFor();
    expect(await helpShown(page, file, help)).toEqual(expected);
    expect(await page.locator('.page-shell a.help-link').getAttribute('href')).toBe('/help.html');
    expect(await page.locator('.page-shell a.crisis-link').getAttribute('href')).toBe('/crisis.html');
    // Help is never covered by words meant for another failure, nor a notice for nothing.
    if (!said) expect(await page.locator('.problem-notice, [role="alert"]:not(:empty)').allInnerTexts()).toEqual([]);
    await page.close();
  },
);
