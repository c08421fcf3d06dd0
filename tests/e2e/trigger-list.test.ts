import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { closeAll, addTriggerThroughOptions, dynamicRules, launchSteadfast, waitForRuleFor, type Steadfast } from './browser';
import { TestServer } from './test-server';

let server: TestServer;
let app: Steadfast;
let options: Page;

beforeAll(async () => {
  server = await new TestServer().start();
  app = await launchSteadfast(server.port);
  options = await app.context.newPage();
  await options.goto(app.url('options.html'));
  await addTriggerThroughOptions(app, 'kept.test', options);
  await options.locator('.trigger-list li', { hasText: 'kept.test' }).waitFor();
});

afterAll(() => closeAll(app, server));

beforeEach(() => server.reset());

const listed = () => options.locator('.trigger-list li .trigger-name').allInnerTexts();

async function expectLoads(page: Page, url: string, host: string) {
  await page.goto(url);
  await page.locator('#real-page').waitFor();
  expect(server.requestsToExactly(host)).toBeGreaterThan(0);
}

async function expectPaused(page: Page, url: string, host: string) {
  await page.goto(url);
  await page.waitForURL((u) => u.pathname === '/pause.html');
  expect(server.requestsTo(host)).toBe(0);
}

describe('bad input gets a clear message next to the field and changes nothing', () => {
  test.each([
    ['', /type a site/i],
    ['   ', /type a site/i],
    ['exa mple.com', /space/i],
    ['http://', /web address|site/i],
    ['localhost', /dot|example\.com/i],
    ['chrome://settings', /http/i],
    // 5 × 60-letter labels: 304 characters, over the 253 a host may have.
    [`${['a', 'b', 'c', 'd', 'e'].map((c) => c.repeat(60)).join('.')}.test`, /long/i],
    ['kept.test', /already/i],
    ['www.KEPT.test', /already/i],
    ['m.kept.test', /already/i],
  ])('%j', async (input, message) => {
    const before = await listed();
    const rulesBefore = await dynamicRules(app.worker);
    await addTriggerThroughOptions(app, input, options);
    const alert = options.getByRole('alert');
    await alert.waitFor({ timeout: 5_000 });
    await expect.poll(() => alert.innerText()).toMatch(message);
    // The message is tied to the field for screen readers.
    expect(await options.getByRole('textbox', { name: /trigger site/i }).getAttribute('aria-invalid')).toBe('true');
    expect(await listed()).toEqual(before);
    expect(await dynamicRules(app.worker)).toEqual(rulesBefore);
  });
});

test('what a person types is normalised and shown that way', async () => {
  await addTriggerThroughOptions(app, 'EXAMPLE.test.', options);
  await options.locator('.trigger-list li', { hasText: 'example.test' }).waitFor();
  expect(await options.locator('#triggers-error').innerText()).toBe('');
  expect(await listed()).toContain('example.test');
  expect(await options.getByRole('textbox', { name: /trigger site/i }).inputValue()).toBe('');
});

test('an internationalised name is shown as typed and matched in punycode', async () => {
  await addTriggerThroughOptions(app, 'Bücher.test', options);
  await options.locator('.trigger-list li', { hasText: 'bücher.test' }).waitFor();
  await waitForRuleFor(app.worker, 'xn--bcher-kva.test');
  const page = await app.context.newPage();
  await expectPaused(page, 'http://www.bücher.test/', 'xn--bcher-kva.test');
  await expect.poll(() => page.locator('.paused-site').innerText()).toContain('bücher.test');
  await page.close();
});

test('a path trigger pauses that part of a site only', async () => {
  await addTriggerThroughOptions(app, 'path.test/forum', options);
  await options.locator('.trigger-list li', { hasText: 'path.test/forum' }).waitFor();
  await waitForRuleFor(app.worker, 'path.test');
  const page = await app.context.newPage();
  await expectPaused(page, 'http://path.test/forum', 'path.test');
  await expectPaused(page, 'http://www.path.test/Forum/thread?id=1', 'path.test');
  await expectLoads(page, 'http://path.test/forums', 'path.test');
  await expectLoads(page, 'http://path.test/shop', 'path.test');
  await page.close();
});

test('a site open in a tab when it becomes a trigger moves to the pause page', async () => {
  const page = await app.context.newPage();
  await expectLoads(page, 'http://open.test/reading', 'open.test');
  await addTriggerThroughOptions(app, 'open.test', options);
  await page.waitForURL((u) => u.pathname === '/pause.html', { timeout: 5_000 });
  expect(page.url()).toContain('#http://open.test/reading');
  await page.close();
});

test('removing a trigger lets the site load again, at once, without reloading anything', async () => {
  const page = await app.context.newPage();
  await addTriggerThroughOptions(app, 'gone.test', options);
  await waitForRuleFor(app.worker, 'gone.test');
  await expectPaused(page, 'http://gone.test/', 'gone.test');
  await options.getByRole('button', { name: 'Remove gone.test' }).click();
  await expect.poll(async () => JSON.stringify(await dynamicRules(app.worker))).not.toContain('gone.test');
  await expectLoads(page, 'http://gone.test/', 'gone.test');
  // The others stay.
  await expectPaused(page, 'http://kept.test/', 'kept.test');
  await page.close();
});
