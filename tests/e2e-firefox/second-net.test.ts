import { expect, test } from 'vitest';
import { SINGLE_PAGE_FORUM } from '../e2e/sites';
import { locationOf, openAddress, waitForLocation, waitForText } from './firefox';
import { steadfastFirefoxFixture } from './fixture';

// The second net (lib/blocking/second-net.ts) in Firefox ESR: a path trigger reached inside a
// single-page site (history.pushState, no request the rules could catch) ends on the pause page.

const firefox = steadfastFirefoxFixture({
  setUp: async ({ server }) => void server.serve('/spa', { body: SINGLE_PAGE_FORUM }),
  triggers: ['other.test/late-night'],
});

test('a path trigger reached by pushState on a single-page site ends on the pause page within a second', async () => {
  const page = await firefox.app.browser.newPage();
  try {
    const spa = `http://other.test:${firefox.server.port}/spa`;
    await openAddress(page, spa);
    await waitForLocation(page, spa);
    await waitForText(page, '#real-page', 'Forum');
    const before = firefox.server.requestsSeenAt('other.test');

    // The link is clicked in the page, which says when: puppeteer's own click over BiDi takes most
    // of a second here before the page sees it, which is no part of what a person waits.
    const start = await page.evaluate(() => {
      (document.getElementById('late') as HTMLAnchorElement).click();
      return Date.now();
    });
    const trigger = `http://other.test:${firefox.server.port}/late-night`;
    await waitForLocation(page, `${firefox.app.origin}/pause.html#${trigger}`);
    // When the browser started the pause page, not when the test's polling noticed it.
    const moved = Math.round((await page.evaluate(() => performance.timeOrigin)) - start);
    // The precondition: the address changed in the page, with no request the rules could catch.
    expect(firefox.server.requestsSeenAt('other.test')).toEqual(before);
    await waitForText(page, '.paused-site', 'other.test');
    console.log(`Firefox, pushState to a path trigger: sent to the pause page after ${moved} ms`);
    expect(moved).toBeLessThan(1_000);
    expect(await locationOf(page)).toBe(`${firefox.app.origin}/pause.html#${trigger}`);
  } finally {
    await page.close();
  }
});
