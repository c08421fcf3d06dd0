import { afterAll, beforeAll, expect, test } from 'vitest';
import { TestServer } from '../e2e/test-server';
import { addTriggerThroughOptions, launchSteadfastInFirefox, openAddress, waitForLocation, waitForRuleFor, waitForText, type SteadfastFirefox } from './firefox';

// Issue 22: a host name with `_` is a site like any other, in Firefox too: its declarativeNetRequest
// takes it in `requestDomains` (a refused update would leave every trigger site open), and it never loads.
const SITE = 'my_trigger.test';
let server: TestServer;
let app: SteadfastFirefox;

beforeAll(async () => {
  server = await new TestServer().start();
  app = await launchSteadfastInFirefox();
});

afterAll(async () => {
  await app?.close();
  await server?.stop();
});

test('a site with `_` typed into My recovery gets its rule and never loads', async () => {
  // Firefox reaches the test server under that name: the 0 below is the rule's doing.
  const page = await app.browser.newPage();
  await page.goto(`http://${SITE}:${server.port}/before`);
  expect(await waitForText(page, '#real-page', SITE)).toBe(`Real page on ${SITE}`);
  server.reset();

  await addTriggerThroughOptions(app.options, `https://My_Trigger.test/page`);
  await waitForText(app.options, '.trigger-list', SITE);
  await waitForRuleFor(app.options, SITE);

  const url = `http://${SITE}:${server.port}/again`;
  await openAddress(page, url);
  await waitForLocation(page, `${app.origin}/pause.html#${url}`);
  await waitForText(page, '.paused-site', SITE);
  expect(server.requestsTo(SITE)).toBe(0);
  await page.close();
});
