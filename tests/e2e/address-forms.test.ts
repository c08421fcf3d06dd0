import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { addTriggerThroughOptions, closeAll, dynamicRules, launchSteadfast, waitForRuleFor, type Steadfast } from './browser';
import { TestServer } from './test-server';

// Issue 15, item 8: the odd ways of writing one address all pause the path trigger
// `forum.test/forum` before any request leaves the browser, and so do copies of a trigger site on
// translation, cache and archive services (a setting, on by default). Each test first proves that the
// same odd form, sent to a host that is not a trigger, reaches the server exactly as typed.

let server: TestServer;
let app: Steadfast;
let page: Page;

beforeAll(async () => {
  server = await new TestServer().start();
  app = await launchSteadfast(server.port);
  const options = await addTriggerThroughOptions(app, 'forum.test/forum');
  await addTriggerThroughOptions(app, 'copycat.test', options);
  await waitForRuleFor(app.worker, 'forum.test');
  await waitForRuleFor(app.worker, 'copycat-test');
  page = await app.context.newPage();
});
afterAll(() => closeAll(app, server));
beforeEach(() => server.reset());

async function expectReachesAsTyped(url: string) {
  await page.goto(url);
  await page.locator('#real-page').waitFor();
  const { host, pathname, search } = new URL(url);
  const typed = url.slice(url.indexOf(host) + host.length);
  console.info(`raw request to ${host}: ${server.targetsTo(host).join(' ')}`);
  expect(server.targetsTo(host)).toContain(typed);
  expect(`${pathname}${search}`).toBe(typed);
}

async function expectPaused(url: string, host: string) {
  await page.goto(url);
  await page.waitForURL((u) => u.pathname === '/pause.html');
  expect(new URL(page.url()).hash).toBe(`#${url}`);
  expect(server.requestsTo(host)).toBe(0);
}

const FORMS = ['//forum', '/%66orum', '/FORUM', '/forum;x=1', '/forum/', '/f%6Frum/late', '//FORUM//late'];

test.each(FORMS)('%s: reaches a host that is not a trigger exactly as typed, and is paused at forum.test with 0 requests', async (form) => {
  await expectReachesAsTyped(`http://plain.test${form}`);
  server.reset();
  await expectPaused(`http://forum.test${form}`, 'forum.test');
});

test('the browser accepted a copy rule for the path trigger on every copy service', async () => {
  // Chromium refuses a pattern over its regex memory limit; a copy pattern that cost too much
  // would leave every path trigger's copies unpaused, and named so in the popup.
  const rules = (await dynamicRules(app.worker)) as { condition: { requestDomains?: string[]; regexFilter?: string } }[];
  for (const service of ['translate.goog', 'web.archive.org', 'archive.ph', 'bing-amp.com']) {
    const holding = rules.filter(({ condition }) => condition.requestDomains?.includes(service) && condition.regexFilter?.includes('forum'));
    expect(holding.length, service).toBeGreaterThan(0);
  }
});

test('no false positives: /forums and /foru load at forum.test', async () => {
  for (const path of ['/forums', '/foru']) {
    await page.goto(`http://forum.test${path}`);
    await page.locator('#real-page').waitFor();
  }
  expect(server.targetsTo('forum.test').filter((target) => target !== '/favicon.ico')).toEqual(['/forums', '/foru']);
});

test.each([
  ['http://other-test.translate.goog/?_x_tr_sl=auto', 'http://copycat-test.translate.goog/?_x_tr_sl=auto', 'copycat-test.translate.goog'],
  ['http://www-other-test.translate.goog/a', 'http://www-copycat-test.translate.goog/a', 'www-copycat-test.translate.goog'],
  ['http://web.archive.org/web/2024/https://other.test/', 'http://web.archive.org/web/2024/https://copycat.test/', 'web.archive.org'],
  ['http://archive.ph/newest/https://other.test/x', 'http://archive.ph/newest/https://copycat.test/x', 'archive.ph'],
  // Bing's AMP cache: Google's (cdn.ampproject.org) is on the browser's HTTPS-only list, which this
  // plain-HTTP server cannot answer; the one pattern covers both (tests/unit/blocking.test.ts).
  ['http://other-test.bing-amp.com/c/s/other.test/x', 'http://copycat-test.bing-amp.com/c/s/copycat.test/x', 'copycat-test.bing-amp.com'],
])('a copy: %s reaches the server as typed; %s is paused with 0 requests', async (other, copy, host) => {
  await expectReachesAsTyped(other);
  server.reset();
  await expectPaused(copy, host);
});
