import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { closeAll, dynamicRules, launchSteadfast, waitForRuleFor, type Steadfast } from './browser';
import { TestServer } from './test-server';

let server: TestServer;
let app: Steadfast;
let options: Page;

interface Chrome {
  chrome: {
    storage: { local: { set(v: object): Promise<void>; get(k: string): Promise<Record<string, unknown>> } };
    alarms: { create(name: string, info: object): Promise<void> };
  };
}

/** Time passes (injected): every waiting change is due now, and the cooling-off alarm fires. */
function timePasses(worker: Worker) {
  return worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as Chrome;
    const { pending } = (await chrome.storage.local.get('pending')) as { pending: { effectiveAt: number }[] };
    await chrome.storage.local.set({ pending: pending.map((p) => ({ ...p, effectiveAt: Date.now() - 1 })) });
    await chrome.alarms.create('cooling-off', { when: Date.now() + 50 });
  });
}

/** Whether the background's cooling-off alarm is set. */
function coolingOffAlarm(worker: Worker) {
  return worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { alarms: { get(name: string): Promise<unknown> } } };
    return (await chrome.alarms.get('cooling-off')) !== undefined;
  });
}

beforeAll(async () => {
  server = await new TestServer().start();
  app = await launchSteadfast(server.port);
  // A trigger the person added two days ago, in Block mode.
  await app.worker.evaluate(() =>
    (globalThis as unknown as Chrome).chrome.storage.local.set({
      triggers: [{ id: 'old', kind: 'site', mode: 'block', display: 'old.test', host: 'old.test', addedAt: Date.now() - 2 * 86_400_000 }],
      triggers$: { v: 2 },
    }),
  );
  await waitForRuleFor(app.worker, 'old.test');
  options = await app.context.newPage();
  await options.goto(app.url('options.html'));
  await options.locator('.trigger-list li', { hasText: 'old.test' }).waitFor();
});

afterAll(() => closeAll(app, server));

async function expectStillPaused() {
  const page = await app.context.newPage();
  await page.goto('http://old.test/');
  await page.waitForURL((u) => u.pathname === '/pause.html');
  await page.close();
  expect(server.requestsTo('old.test')).toBe(0);
}

test('removing an older trigger waits out the cooling-off, shows the time left, and can be cancelled', async () => {
  await options.getByRole('button', { name: 'Remove old.test' }).click();
  const item = options.locator('.trigger-list li', { hasText: 'old.test' });
  await expect.poll(() => item.innerText()).toMatch(/removing in 1 d\b/);
  expect(await options.locator('.cooling-off-note').innerText()).toContain('tell someone you trust');
  await expectStillPaused();
  await options.getByRole('button', { name: /^Cancel: removing in/ }).click();
  await expect.poll(() => item.innerText()).not.toMatch(/removing/);
  await timePasses(app.worker);
  // The background has looked: with nothing waiting, it clears its cooling-off alarm.
  await expect.poll(() => coolingOffAlarm(app.worker)).toBe(false);
  await expectStillPaused();
});

test('switching Block to Pause waits too; the delay can only get longer meanwhile', async () => {
  await options.getByLabel('When old.test opens').selectOption('pause');
  const item = options.locator('.trigger-list li', { hasText: 'old.test' });
  await expect.poll(() => item.innerText()).toMatch(/switching to Pause in 1 d\b/);
  expect(await options.getByLabel('When old.test opens').inputValue()).toBe('block');
  expect((await dynamicRules(app.worker)).find((rule) => rule.id === 2)?.condition.requestDomains).toEqual(['old.test']);

  const delay = options.getByLabel('Delay before a loosening change happens (hours)');
  await delay.fill('2');
  await options.getByRole('button', { name: 'Save delay' }).click();
  await expect.poll(() => options.locator('#cooling-off-hours-error').innerText()).toContain('can only get longer');
  await delay.fill('48');
  await options.getByRole('button', { name: 'Save delay' }).click();
  await options.getByText('Saved. Changes that loosen your protection now wait 48 hours.').waitFor();
});

test('when the cooling-off is over, the change happens by itself and the site follows', async () => {
  await options.getByRole('button', { name: 'Remove old.test' }).click();
  await expect.poll(() => options.locator('.trigger-list li', { hasText: 'old.test' }).innerText()).toMatch(/removing in 2 d\b/);
  await timePasses(app.worker);
  await expect.poll(() => options.locator('.trigger-list li', { hasText: 'old.test' }).count(), { timeout: 10_000 }).toBe(0);
  await expect.poll(async () => JSON.stringify(await dynamicRules(app.worker))).not.toContain('old.test');
  const page = await app.context.newPage();
  await page.goto('http://old.test/');
  await page.locator('#real-page').waitFor();
  expect(server.requestsTo('old.test')).toBeGreaterThan(0);
});
