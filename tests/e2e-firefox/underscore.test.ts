import { expect, test } from 'vitest';
import { addTriggerThroughOptions, openAddress, waitForLocation, waitForRuleFor, waitForText } from './firefox';
import { steadfastFirefoxFixture } from './fixture';

// Issue 22: a host name with `_` is a site like any other, in Firefox too: its declarativeNetRequest
// takes it in `requestDomains` (a refused update would leave every trigger site open), and it never loads.
const SITE = 'my_trigger.test';
const firefox = steadfastFirefoxFixture();

test('a site with `_` typed into My recovery gets its rule and never loads', async () => {
  // Firefox reaches the test server under that name: the 0 below is the rule's doing.
  const page = await firefox.app.browser.newPage();
  await page.goto(`http://${SITE}:${firefox.server.port}/before`);
  expect(await waitForText(page, '#real-page', SITE)).toBe(`Real page on ${SITE}`);
  firefox.server.reset();

  await addTriggerThroughOptions(firefox.app.options, `https://My_Trigger.test/page`);
  await waitForText(firefox.app.options, '.trigger-list', SITE);
  await waitForRuleFor(firefox.app.options, SITE);

  // The tab already open on it moves to the pause page, as for any trigger site.
  await waitForLocation(page, `${firefox.app.origin}/pause.html#http://${SITE}:${firefox.server.port}/before`);
  await page.close();

  // Opened afresh, the rule stops it before any request.
  const again = await firefox.app.browser.newPage();
  const url = `http://${SITE}:${firefox.server.port}/again`;
  await openAddress(again, url);
  await waitForLocation(again, `${firefox.app.origin}/pause.html#${url}`);
  await waitForText(again, '.paused-site', SITE);
  expect(firefox.server.requestsTo(SITE)).toBe(0);
  await again.close();
});
