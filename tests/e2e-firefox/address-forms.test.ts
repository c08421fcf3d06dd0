import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { TestServer } from '../e2e/test-server';
import { addTriggerThroughOptions, launchSteadfastInFirefox, openAddress, waitForLocation, waitForRuleFor, waitForText, type SteadfastFirefox } from './firefox';

// Issue 15, items 5 and 8 in Firefox ESR: a packed path rule (checked with Firefox's own
// `isRegexSupported` where it has one) pauses the odd ways of writing one address, with 0 requests.

let server: TestServer;
let app: SteadfastFirefox;

beforeAll(async () => {
  server = await new TestServer().start();
  app = await launchSteadfastInFirefox();
  await addTriggerThroughOptions(app.options, 'other.test/forum');
  await waitForText(app.options, '.trigger-list', 'other.test/forum');
  await waitForRuleFor(app.options, 'other.test');
});
afterAll(async () => {
  await app?.close();
  await server?.stop();
});
beforeEach(() => server.reset());

async function inNewTab(visit: (page: Page) => Promise<void>): Promise<void> {
  const page = await app.browser.newPage();
  try {
    await visit(page);
  } finally {
    await page.close();
  }
}

test('Firefox ESR checks a regex itself (isRegexSupported), as the rules rely on', async () => {
  const kind = await app.options.evaluate(
    () => typeof (globalThis as unknown as { browser: { declarativeNetRequest: { isRegexSupported?: unknown } } }).browser.declarativeNetRequest.isRegexSupported,
  );
  console.info(`Firefox declarativeNetRequest.isRegexSupported: ${kind}`);
  expect(kind).toBe('function');
});

test.each(['//forum', '/%66orum', '/FORUM', '/forum;x=1', '/forum/'])('%s reaches a host that is not a trigger as typed, and is paused at other.test with 0 requests', async (form) => {
  await inNewTab(async (page) => {
    await page.goto(`http://trigger.test:${server.port}${form}`);
    await waitForText(page, '#real-page', 'Real page');
    expect(server.targetsTo('trigger.test')).toContain(form);
    const url = `http://other.test:${server.port}${form}`;
    await openAddress(page, url);
    await waitForLocation(page, `${app.origin}/pause.html#${url}`);
    expect(server.requestsTo('other.test')).toBe(0);
  });
});

test('/forums is not a trigger and loads', async () => {
  await inNewTab(async (page) => {
    await page.goto(`http://other.test:${server.port}/forums`);
    await waitForText(page, '#real-page', 'Real page');
    expect(server.targetsTo('other.test')).toContain('/forums');
  });
});
