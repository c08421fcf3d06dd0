import { expect, test } from 'vitest';
import { openAddress, waitForLocation, waitForText } from './firefox';
import { steadfastFirefoxFixture } from './fixture';

// Issue 15, items 5 and 8 in Firefox ESR: a packed path rule (checked with Firefox's own
// `isRegexSupported` where it has one) pauses the odd ways of writing one address, with 0 requests.

const firefox = steadfastFirefoxFixture({ triggers: ['other.test/forum'], resetServer: true });

test('Firefox ESR checks a regex itself (isRegexSupported), as the rules rely on', async () => {
  const kind = await firefox.app.options.evaluate(
    () =>
      typeof (globalThis as unknown as { browser: { declarativeNetRequest: { isRegexSupported?: unknown } } }).browser.declarativeNetRequest.isRegexSupported,
  );
  console.info(`Firefox declarativeNetRequest.isRegexSupported: ${kind}`);
  expect(kind).toBe('function');
});

test.each(['//forum', '/%66orum', '/FORUM', '/forum;x=1', '/forum/'])(
  '%s reaches a host that is not a trigger as typed, and is paused at other.test with 0 requests',
  async (form) => {
    await firefox.inNewTab(async (page) => {
      await page.goto(`http://trigger.test:${firefox.server.port}${form}`);
      await waitForText(page, '#real-page', 'Real page');
      expect(firefox.server.targetsTo('trigger.test')).toContain(form);
      const url = `http://other.test:${firefox.server.port}${form}`;
      await openAddress(page, url);
      await waitForLocation(page, `${firefox.app.origin}/pause.html#${url}`);
      expect(firefox.server.requestsTo('other.test')).toBe(0);
    });
  },
);

test('/forums is not a trigger and loads', async () => {
  await firefox.inNewTab(async (page) => {
    await page.goto(`http://other.test:${firefox.server.port}/forums`);
    await waitForText(page, '#real-page', 'Real page');
    expect(firefox.server.targetsTo('other.test')).toContain('/forums');
  });
});
