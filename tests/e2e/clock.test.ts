/*
 * Time cannot be bent (issue 15, item 2), in a whole browser whose clock moves while it runs:
 * libfaketime (tests/e2e/browser.ts, `movableClock`) sets the wall clock every Chromium process
 * reads, pages, service worker and browser alike, and leaves the monotonic clock alone, as a person
 * setting the computer's clock would.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addTriggerThroughOptions, closeAll, dynamicRules, launchSteadfast, movableClock, waitForRuleFor, type Steadfast } from './browser';
import { browserDay } from './history';
import { TestServer } from './test-server';

const DAY = 86_400_000;
const HOUR = 3_600_000;

let server: TestServer;
let app: Steadfast;
let clockDir: string;
let clockFile: string;

interface Chrome {
  chrome: {
    storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
    alarms: { create(name: string, info: object): void };
  };
}

/** Sets the whole browser's clock `offset` ("+0", "+1h", "-30d") from the real time. */
const setClock = (offset: string) => writeFileSync(clockFile, `${offset}\n`);

/** The wall clock a page sees, next to the real one. */
const pageClock = (page: Page) => page.evaluate(() => Date.now());
const workerClock = (worker: Worker) => worker.evaluate(() => Date.now());

const pending = (worker: Worker) =>
  worker.evaluate(async () => {
    const { pending } = (await (globalThis as unknown as Chrome).chrome.storage.local.get('pending')) as { pending?: { effectiveAt: number }[] };
    return pending ?? [];
  });

beforeAll(async () => {
  clockDir = mkdtempSync(join(tmpdir(), 'steadfast-clock-'));
  clockFile = join(clockDir, 'offset');
  setClock('+0');
  server = await new TestServer().start();
  app = await launchSteadfast(server.port, undefined, { env: movableClock(clockFile) });
});

afterAll(async () => {
  await closeAll(app, server);
  rmSync(clockDir, { recursive: true, force: true });
});

async function dayCount(popup: Page): Promise<string> {
  await popup.goto(app.url('popup.html'));
  await popup.locator('.streak-number').waitFor();
  return popup.locator('.streak-number').innerText();
}

test('a clock set back 30 days makes no old trigger fresh and moves no day count; set forward 2 days, it ends no cooling-off', async () => {
  // A streak started ten days ago, and a trigger added now.
  const popup = await app.context.newPage();
  await popup.goto(app.url('popup.html'));
  await popup.getByLabel('My current streak started on').fill(await browserDay(popup, -10));
  await popup.getByRole('button', { name: 'Save start day' }).click();
  await expect.poll(() => popup.locator('.streak-number').innerText()).toBe('10 days');
  const options = await addTriggerThroughOptions(app, 'old.test');
  await waitForRuleFor(app.worker, 'old.test');

  // An hour passes (by the clock): the trigger is no longer fresh.
  setClock('+1h');
  await expect.poll(async () => (await pageClock(popup)) - Date.now()).toBeGreaterThan(HOUR - 60_000);
  expect(await dayCount(popup)).toBe('10 days');

  // The clock goes back 30 days. Precondition: the pages and the background really see it.
  setClock('-30d');
  await expect.poll(async () => Date.now() - (await pageClock(popup))).toBeGreaterThan(29 * DAY);
  expect(Date.now() - (await workerClock(app.worker))).toBeGreaterThan(29 * DAY);
  expect(await popup.evaluate(() => performance.now())).toBeLessThan(10 * 60_000);

  // The old trigger cannot go at once: its removal waits out the cooling-off, counted from the latest time seen.
  await options.reload();
  await options.getByRole('button', { name: 'Remove old.test' }).click();
  const item = options.locator('.trigger-list li', { hasText: 'old.test' });
  // A day from the latest time seen, not 31 days from the wall clock's.
  await expect.poll(() => item.innerText()).toMatch(/removing in (1 d\b|23 h)/);
  const [waiting] = await pending(app.worker);
  expect(waiting!.effectiveAt - Date.now()).toBeGreaterThan(23 * HOUR);
  expect(JSON.stringify(await dynamicRules(app.worker))).toContain('old.test');
  // The day count has not moved back.
  expect(await dayCount(popup)).toBe('10 days');

  // The clock goes forward to 2 days from now while the browser runs. Precondition: it did.
  setClock('+2d');
  await expect.poll(async () => (await pageClock(popup)) - Date.now()).toBeGreaterThan(2 * DAY - 60_000);
  expect((await workerClock(app.worker)) - Date.now()).toBeGreaterThan(2 * DAY - 60_000);
  // The background saw the jump and moved the change on by it: it still ends a day after it was asked for.
  await expect.poll(async () => (await pending(app.worker))[0]!.effectiveAt - (await workerClock(app.worker)), { timeout: 30_000 }).toBeGreaterThan(23 * HOUR);
  // Even when its alarm is made to fire now, it stays waiting; the trigger stays in force.
  await app.worker.evaluate(() => (globalThis as unknown as Chrome).chrome.alarms.create('cooling-off', { when: Date.now() + 50 }));
  await options.reload();
  await expect.poll(() => options.locator('.trigger-list li', { hasText: 'old.test' }).innerText()).toMatch(/removing in 23 h|removing in 1 d\b/);
  expect(await pending(app.worker)).toHaveLength(1);
  const page = await app.context.newPage();
  await page.goto('http://old.test/').catch(() => undefined);
  await page.waitForURL((u) => u.pathname === '/pause.html');
  expect(server.requestsTo('old.test')).toBe(0);
  await page.close();
  await popup.close();
});

test('a clock set back 30 days during "Continue anyway" ends it, instead of the browser\'s alarm waiting 30 days more', async () => {
  setClock('+0');
  const options = await addTriggerThroughOptions(app, 'allow.test');
  await options.getByLabel('When allow.test opens').selectOption('pause');
  await waitForRuleFor(app.worker, 'allow.test');
  const page = await app.context.newPage();
  await page.goto('http://allow.test/reading');
  await page.waitForURL((u) => u.pathname === '/pause.html');
  await page.getByRole('button', { name: 'Continue for 5 minutes' }).click({ timeout: 45_000 });
  await page.locator('#real-page').waitFor();
  const loaded = server.requestsTo('allow.test');
  expect(loaded).toBeGreaterThan(0);

  setClock('-30d');
  // Precondition: the background's clock really went back.
  await expect.poll(async () => Date.now() - (await workerClock(app.worker))).toBeGreaterThan(29 * DAY);
  // The background sees it within its next look at the clock and pauses the tab again.
  await page.waitForURL((u) => u.pathname === '/pause.html', { timeout: 30_000 });
  await page.goto('http://allow.test/reading').catch(() => undefined);
  await page.waitForURL((u) => u.pathname === '/pause.html');
  expect(server.requestsTo('allow.test')).toBe(loaded);
  await page.close();
  await options.close();
});
