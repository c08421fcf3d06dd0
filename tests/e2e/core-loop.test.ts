import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { closeAll, addTriggerThroughOptions, launchSteadfast, waitForRuleFor, type Steadfast } from './browser';
import { TestServer } from './test-server';

const TRIGGER = 'trigger.test';
let server: TestServer;
let app: Steadfast;
let page: Page;

beforeAll(async () => {
  server = await new TestServer().start();
  app = await launchSteadfast(server.port);
  const options = await addTriggerThroughOptions(app, 'https://www.Trigger.test/some/page?x=1');
  // What the person typed is shown normalised, and the rule follows without reloading anything.
  await options.locator('.trigger-list li', { hasText: TRIGGER }).waitFor();
  const ms = await waitForRuleFor(app.worker, TRIGGER);
  console.log(`rule for ${TRIGGER} in place ${ms} ms after "Add" was pressed`);
  await options.close();
  page = await app.context.newPage();
});

afterAll(() => closeAll(app, server));

beforeEach(() => server.reset());

async function expectPaused(shownHost = TRIGGER) {
  await page.waitForURL((url) => url.protocol === 'chrome-extension:' && url.pathname === '/pause.html');
  await expect.poll(() => page.locator('.paused-site').innerText()).toContain(shownHost);
  expect(server.requestsTo(TRIGGER)).toBe(0);
}

describe('a trigger site never loads; the pause page shows instead', () => {
  test.each([
    ['the bare site by http', 'http://trigger.test/'],
    ['the site by https', 'https://trigger.test/'],
    ['with www', 'http://www.trigger.test/'],
    ['a mobile subdomain', 'http://m.trigger.test/page'],
    ['a deeper subdomain', 'http://a.b.trigger.test/'],
    ['in capitals', 'http://WWW.TRIGGER.TEST/Some/Page'],
    ['with a query and fragment', 'http://trigger.test/search?q=a&b=c#top'],
  ])('%s: %s', async (_name, url) => {
    await page.goto(url);
    await expectPaused();
    // The address the person was heading to travels whole in the fragment and is shown as text.
    const heading = new URL(url);
    expect(page.url()).toContain(`/pause.html#${heading.origin}${heading.pathname}${heading.search}`);
    if (heading.pathname !== '/') {
      expect(await page.locator('.paused-address').innerText()).toContain(`${heading.hostname}${heading.pathname}`);
    }
  });

  test('through a redirect from another site', async () => {
    await page.goto(`http://other.test/redirect?to=${encodeURIComponent('http://trigger.test/landing')}`);
    await expectPaused();
    expect(server.requestsToExactly('other.test')).toBe(1);
  });

  test('by clicking a link on another site', async () => {
    await page.goto(`http://other.test/link?to=${encodeURIComponent('http://www.trigger.test/x')}`);
    await page.click('#go');
    await expectPaused();
  });

  test('in a frame on another site: the page loads, the frame is paused', async () => {
    await page.goto(`http://other.test/frame?to=${encodeURIComponent('http://trigger.test/embedded')}`);
    await expect.poll(() => page.frames().some((f) => f.url().includes('/pause.html#http://trigger.test/embedded'))).toBe(true);
    const frame = page.frames().find((f) => f.url().includes('/pause.html'))!;
    await expect.poll(() => frame.locator('.paused-site').innerText()).toContain(TRIGGER);
    expect(await page.locator('#real-page').innerText()).toContain('other.test');
    expect(server.requestsTo(TRIGGER)).toBe(0);
  });
});

describe('sites that only contain the name are left alone', () => {
  test.each([
    ['nottrigger.test', 'http://nottrigger.test/'],
    ['trigger.test.evil.test', 'http://trigger.test.evil.test/'],
    ['other.test', `http://other.test/?q=trigger.test`],
  ])('%s loads normally', async (host, url) => {
    await page.goto(url);
    await expect.poll(() => page.locator('#real-page').innerText()).toBe(`Real page on ${host}`);
    expect(server.requestsToExactly(host)).toBeGreaterThan(0);
  });
});
