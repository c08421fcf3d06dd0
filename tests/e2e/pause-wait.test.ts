/*
 * The pause wait is the background's (issue 15, item 7): "Continue" is granted only once the
 * background itself saw the wait pass in that tab. A message sent early, as an edited pause page
 * would send it, is refused and lets nothing through.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addTriggerThroughOptions, closeAll, launchSteadfast, waitForRuleFor, type Steadfast } from './browser';
import { TestServer } from './test-server';

let server: TestServer;
let app: Steadfast;

interface Chrome {
  chrome: { runtime: { sendMessage(m: object): Promise<{ ok: boolean; message?: string }> } };
}

const askToContinue = (page: Page, url: string) =>
  page.evaluate((address) => (globalThis as unknown as Chrome).chrome.runtime.sendMessage({ type: 'steadfast:continue', url: address, minutes: 5 }), url);

beforeAll(async () => {
  server = await new TestServer().start();
  app = await launchSteadfast(server.port);
  const options = await addTriggerThroughOptions(app, 'wait.test');
  await options.getByLabel('When wait.test opens').selectOption('pause');
  await waitForRuleFor(app.worker, 'wait.test');
  await options.close();
});

afterAll(() => closeAll(app, server));

test('"Continue" asked for before the wait is over, straight from the pause page, is refused and lets nothing through', async () => {
  const page = await app.context.newPage();
  await page.goto('http://wait.test/now');
  await page.waitForURL((u) => u.pathname === '/pause.html');
  // Precondition: the page's own countdown is running, so the wait is not over.
  await page.getByRole('timer').waitFor();
  const reply = await askToContinue(page, 'http://wait.test/now');
  expect(reply).toEqual({ ok: false, message: 'The pause is not over yet. Stay with it a little longer; the choice will be here when it ends.' });
  await page.goto('http://wait.test/now').catch(() => undefined);
  await page.waitForURL((u) => u.pathname === '/pause.html');
  expect(server.requestsTo('wait.test')).toBe(0);

  // A tab where the background never saw a pause page cannot ask at all: its pause page must be shown first.
  const other = await app.context.newPage();
  await other.goto(app.url('pause.html'));
  expect((await askToContinue(other, 'http://wait.test/now')).ok).toBe(false);
  await other.close();
  await page.close();
});
