import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { closeAll, launchSteadfast, type Steadfast } from './browser';
import { historyEvents } from './history';
import { fillRecovery } from './pages';
import { TestServer } from './test-server';

/*
 * Pages that survive failures (issue 18, part 3), in Chromium: the extension's own pages are made
 * to meet a broken IndexedDB or a broken storage.local before any of their scripts run.
 */

let server: TestServer;
let app: Steadfast;
let setup: Page;

beforeAll(async () => {
  server = await new TestServer().start();
  app = await launchSteadfast(server.port);
  setup = await app.context.newPage();
  await fillRecovery(app, setup);
});

afterAll(() => closeAll(app, server));

/** A tab whose extension pages find `indexedDB.open` refusing, as with a broken or locked profile. */
async function tabWithBrokenIndexedDb(): Promise<Page> {
  const page = await app.context.newPage();
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
  const page = await app.context.newPage();
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
  await popup.goto(app.url('popup.html'));
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
  expect(
    await page.evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<unknown> } } } }).chrome.storage.local.get('plan').then(
        () => 'read',
        () => 'refused',
      ),
    ),
  ).toBe('refused');
  await page.getByText(/could not read some of what you saved just now/).waitFor();
  expect(await page.getByRole('link', { name: 'Get help now' }).first().getAttribute('href')).toBe('/help.html');
  expect(await page.getByRole('link', { name: "I'm not safe" }).first().getAttribute('href')).toBe('/crisis.html');
  expect(await page.getByRole('link', { name: 'Take me away' }).count()).toBe(1);
  // A coping prompt still shows: the built-in ones need no storage.
  await page.locator('.coping li').first().waitFor();
  await page.close();
});
