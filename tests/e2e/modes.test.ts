import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { addTriggerThroughOptions, waitForRuleFor } from './browser';
import { steadfastFixture } from './fixture';
import { historyEvents } from './history';

const steadfast = steadfastFixture({ options: true });

async function paused(page: Page, url: string) {
  await page.goto(url);
  await page.waitForURL((u) => u.pathname === '/pause.html');
  await page.locator('.plan').waitFor();
}

test('pause mode: a wait, then continue in this tab only; other tabs stay paused; it pauses again after', async () => {
  const wait = steadfast.options.getByLabel('Wait before “Continue anyway” (seconds)');
  await wait.fill('5');
  await steadfast.options.getByRole('button', { name: 'Save wait' }).click();
  await expect.poll(() => steadfast.options.locator('#wait-seconds-error').innerText()).toMatch(/from 10 to 300/);
  // A shorter wait loosens protection, so it waits out the cooling-off…
  await wait.fill('10');
  await steadfast.options.getByRole('button', { name: 'Save wait' }).click();
  await steadfast.options.getByText(/A shorter wait takes effect in 1 d\b/).waitFor();
  // …which the test brings forward by setting the stored value, as the change would when due.
  await steadfast.app.worker.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
      settings: { waitSeconds: 10, coolingOffHours: 24 },
      pending: [],
    }),
  );
  await addTriggerThroughOptions(steadfast.app, 'pause.test', steadfast.options);
  await waitForRuleFor(steadfast.app.worker, 'pause.test');

  const first = await steadfast.app.context.newPage();
  await paused(first, 'http://pause.test/reading');
  const started = Date.now();
  expect(await first.getByRole('timer').innerText()).toMatch(/continue in \d+ seconds/);
  expect(await first.getByRole('button', { name: /Continue for/ }).count()).toBe(0);
  await first.getByRole('button', { name: 'Continue for 5 minutes' }).click({ timeout: 15_000 });
  expect(Date.now() - started).toBeGreaterThanOrEqual(9_000);
  await first.locator('#real-page').waitFor();
  expect(first.url()).toBe('http://pause.test/reading');
  const loaded = steadfast.server.requestsTo('pause.test');
  expect(loaded).toBeGreaterThan(0);
  await expect.poll(async () => (await historyEvents(steadfast.options)).filter((e) => e.type === 'intervention').map((e) => e.outcome)).toEqual(['continued']);

  // Only in that tab.
  const second = await steadfast.app.context.newPage();
  await paused(second, 'http://pause.test/other');
  expect(steadfast.server.requestsTo('pause.test')).toBe(loaded);

  // When the time is up (brought forward here), the first tab is paused again, and stays so.
  await steadfast.app.worker.evaluate(async () => {
    const alarms = (globalThis as unknown as { chrome: { alarms: { getAll(): Promise<{ name: string }[]>; create(n: string, i: object): void } } }).chrome
      .alarms;
    for (const alarm of await alarms.getAll()) if (alarm.name.startsWith('allowance:')) alarms.create(alarm.name, { when: Date.now() + 50 });
  });
  await first.waitForURL((u) => u.pathname === '/pause.html', { timeout: 10_000 });
  await paused(first, 'http://pause.test/reading');
  expect(steadfast.server.requestsTo('pause.test')).toBe(loaded);
  await first.close();
  await second.close();
});

test('block mode: no way through, not even by asking the background directly', async () => {
  await addTriggerThroughOptions(steadfast.app, 'block.test', steadfast.options);
  await steadfast.options.getByLabel('When block.test opens').selectOption('block');
  await waitForRuleFor(steadfast.app.worker, 'block.test');
  await expect
    .poll(async () =>
      JSON.stringify(
        await steadfast.app.worker.evaluate(() =>
          (
            globalThis as unknown as { chrome: { declarativeNetRequest: { getDynamicRules(): Promise<unknown> } } }
          ).chrome.declarativeNetRequest.getDynamicRules(),
        ),
      ),
    )
    .toMatch(/"id":2,"priority":200/);
  const page = await steadfast.app.context.newPage();
  await paused(page, 'http://block.test/');
  expect(await page.locator('.block-note').innerText()).toContain('no way through');
  expect(await page.locator('.continue-anyway').count()).toBe(0);
  const reply = await page.evaluate(() =>
    (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ ok: boolean; message?: string }> } } }).chrome.runtime.sendMessage({
      type: 'steadfast:continue',
      url: 'http://block.test/',
      minutes: 5,
    }),
  );
  expect(reply).toEqual({ ok: false, message: 'You set this to Block, so there is no way through from here.' });
  await page.goto('http://block.test/again').catch(() => undefined);
  await page.waitForURL((u) => u.pathname === '/pause.html');
  expect(steadfast.server.requestsTo('block.test')).toBe(0);
  await page.close();
});

test('trigger words pause any address containing them, and leave other words alone', async () => {
  await steadfast.options.getByRole('textbox', { name: 'Trigger words' }).fill('Buy Ket');
  await steadfast.options.getByRole('button', { name: 'Add words' }).click();
  await steadfast.options.locator('#keywords .trigger-list li', { hasText: 'buy ket' }).waitFor();
  await expect
    .poll(async () =>
      JSON.stringify(
        await steadfast.app.worker.evaluate(() =>
          (
            globalThis as unknown as { chrome: { declarativeNetRequest: { getDynamicRules(): Promise<unknown> } } }
          ).chrome.declarativeNetRequest.getDynamicRules(),
        ),
      ),
    )
    .toContain('"id":2000');
  const page = await steadfast.app.context.newPage();
  for (const url of ['http://search.test/?q=buy+ket', 'http://search.test/?q=where%20to%20BUY%20KET', 'http://search.test/buy-ket']) {
    await paused(page, url);
    expect(await page.locator('.paused-site').innerText()).toContain('a page with buy ket in its address');
  }
  expect(steadfast.server.requestsTo('search.test')).toBe(0);
  await page.goto('http://search.test/?q=basket+of+ketchup');
  await page.locator('#real-page').waitFor();
  expect(steadfast.server.requestsTo('search.test')).toBeGreaterThan(0);
  await page.close();
});
