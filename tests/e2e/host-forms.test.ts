import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { addTriggerThroughOptions, waitForRuleFor } from './browser';
import { steadfastFixture } from './fixture';

// The ways of writing a trigger site's host that a browser still sends to that site: a trailing
// dot (the fully qualified name), capitals, credentials before the host, a subdomain. Each form is
// first sent to a host that is not a trigger and shown to reach the server as that host; the same
// form of the trigger's host is then paused with no request at all.

const steadfast = steadfastFixture({ options: true, resetServer: true });
let page: Page;

beforeAll(async () => {
  const { app, options } = steadfast;
  await addTriggerThroughOptions(app, 'dealer.test', options);
  await options.getByRole('status').filter({ hasText: 'dealer.test' }).waitFor();
  await addTriggerThroughOptions(app, 'board.test/late', options);
  await waitForRuleFor(app.worker, 'dealer.test');
  await waitForRuleFor(app.worker, 'board.test');
  page = await app.context.newPage();
});

const FORMS: [string, (host: string) => string, (host: string) => string][] = [
  ['a trailing dot', (h) => `http://${h}./`, (h) => `${h}.`],
  ['a trailing dot and capitals', (h) => `http://${h.toUpperCase()}./`, (h) => `${h}.`],
  ['credentials', (h) => `http://someone:secret@${h}/`, (h) => h],
  ['a subdomain with a trailing dot', (h) => `http://m.${h}./`, (h) => `m.${h}.`],
];

test.each(FORMS)('%s: reaches a host that is not a trigger, and is paused at the trigger with 0 requests', async (_, form, seenAs) => {
  await page.goto(form('plain.test'));
  await page.locator('#real-page').waitFor();
  expect(steadfast.server.requestsToExactly(seenAs('plain.test'))).toBeGreaterThan(0);
  steadfast.server.reset();
  await page.goto(form('dealer.test'));
  await page.waitForURL((u) => u.pathname === '/pause.html');
  expect(steadfast.server.requestsTo('dealer.test') + steadfast.server.requestsToExactly(seenAs('dealer.test'))).toBe(0);
});

test.each(FORMS)('%s, on a path trigger: reaches a host that is not a trigger, and is paused at the trigger with 0 requests', async (_, form, seenAs) => {
  await page.goto(`${form('plain.test')}late`);
  await page.locator('#real-page').waitFor();
  expect(steadfast.server.requestsToExactly(seenAs('plain.test'))).toBeGreaterThan(0);
  steadfast.server.reset();
  await page.goto(`${form('board.test')}late`);
  await page.waitForURL((u) => u.pathname === '/pause.html');
  expect(steadfast.server.requestsTo('board.test') + steadfast.server.requestsToExactly(seenAs('board.test'))).toBe(0);
});

test("the archive at its fully qualified name: another site's copy reaches the archive as typed, the trigger's copy is paused with 0 requests", async () => {
  const [archive, other, copy] = ['web.archive.org.', '/web/2024/https://plain.test/', '/web/2024/https://dealer.test/'];
  await page.goto(`http://${archive}${other}`);
  await page.locator('#real-page').waitFor();
  expect(steadfast.server.targetsTo(archive)).toContain(other);
  steadfast.server.reset();
  await page.goto(`http://${archive}${copy}`);
  await page.waitForURL((u) => u.pathname === '/pause.html');
  expect(new URL(page.url()).hash).toBe(`#http://${archive}${copy}`);
  expect(steadfast.server.requestsTo('web.archive.org') + steadfast.server.requestsToExactly('web.archive.org.')).toBe(0);
});
