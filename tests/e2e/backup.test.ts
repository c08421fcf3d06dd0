import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addTriggerThroughOptions, launchSteadfast, openNoting, removeProfile, waitForRuleFor, type Steadfast } from './browser';
import { TestServer } from './test-server';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert("steadfast")</script>';
const FIXTURES = join(import.meta.dirname, '../fixtures/backups');

let server: TestServer;
let app: Steadfast;
let second: Steadfast | undefined;
let exported = '';
const dialogs: string[] = [];

beforeAll(async () => {
  server = await new TestServer().start();
  app = await launchSteadfast(server.port);
});

afterAll(async () => {
  for (const each of [app, second]) {
    await each?.close();
    if (each) removeProfile(each.profile);
  }
  await server?.stop();
});

const open = (target: Steadfast, path: string): Promise<Page> => openNoting(target, path, dialogs);

/** Elements the hostile text would create if it were ever parsed as HTML. */
const injected = (page: Page) =>
  page.evaluate(() => ({
    images: document.querySelectorAll('img[src="x"], img[onerror]').length,
    scripts: [...document.scripts].filter((s) => s.textContent?.includes('alert')).length,
    handlers: document.querySelectorAll('[onerror], [onload]').length,
  }));
const nothingInjected = { images: 0, scripts: 0, handlers: 0 };

test('HTML and script typed into the plan show as text on "My recovery", the pause page and the popup', async () => {
  const options = await open(app, 'options.html');
  await addTriggerThroughOptions(app, 'trigger.test', options);
  await waitForRuleFor(app.worker, 'trigger.test');
  await options.getByLabel('My reasons (one a line)').fill(`${IMG}\n${SCRIPT}`);
  await options.getByRole('button', { name: 'Add an if-then step' }).click();
  await options.getByLabel('If (1)').fill(IMG);
  await options.getByLabel('then I will (1)').fill(SCRIPT);
  await options.getByLabel('My coping strategies (one a line)').fill(SCRIPT);
  await options.getByRole('button', { name: 'Add a support person' }).click();
  await options.getByLabel('Name (1)').fill(`Sam ${IMG}`);
  await options.getByLabel('Who they are to me (1)').fill(SCRIPT);
  await options.getByLabel('Phone (1)').fill('+44 7700 900123');
  await options.getByLabel('What they agreed to do (1)').fill(IMG);
  await options.getByLabel('If I have a setback').fill(`${SCRIPT} ${IMG}`);
  await options.getByLabel('Early warning signs').fill(IMG);
  await expect.poll(() => options.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);
  await options.reload();
  await expect.poll(() => options.getByLabel('If (1)').inputValue()).toBe(IMG);
  expect(await injected(options)).toEqual(nothingInjected);

  const pause = await open(app, 'options.html');
  await pause.goto('http://trigger.test/');
  await pause.waitForURL((u) => u.pathname === '/pause.html');
  await pause.locator('.plan').waitFor();
  const plan = await pause.locator('.plan').innerText();
  expect(plan).toContain(IMG);
  expect(plan).toContain(SCRIPT);
  expect(await pause.locator('body').innerText()).toContain(`Sam ${IMG}`);
  expect(await injected(pause)).toEqual(nothingInjected);

  const popup = await open(app, 'popup.html');
  await popup.getByRole('link', { name: "I'm having an urge" }).waitFor();
  await expect.poll(() => popup.locator('body').innerText()).toContain(`Sam ${IMG}`);
  expect(await injected(popup)).toEqual(nothingInjected);
  expect(dialogs).toEqual([]);
  for (const page of [options, pause, popup]) await page.close();
});

test('"Download a backup" saves one JSON file with the plan, triggers and history, without the network', async () => {
  const options = await open(app, 'options.html#backup');
  const requestsBefore = server.requestsTo('test');
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Download a backup' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^steadfast-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const path = await download.path();
  exported = readFileSync(path, 'utf8');
  const backup = JSON.parse(exported);
  expect(backup).toMatchObject({ format: 'steadfast-backup', version: 4 });
  expect(backup.data.triggers.map((t: { host: string }) => t.host)).toEqual(['trigger.test']);
  expect(backup.data.plan.reasons).toEqual([IMG, SCRIPT]);
  expect(backup.data.events.length).toBeGreaterThan(0);
  await expect.poll(() => options.getByRole('status').filter({ hasText: 'Your backup is downloading' }).count()).toBe(1);
  expect(server.requestsTo('test')).toBe(requestsBefore);
  await options.close();
});

const stored = (target: Steadfast) =>
  target.worker.evaluate(async () => {
    const local = (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<object> } } } }).chrome.storage.local;
    const all = (await local.get(null)) as Record<string, unknown>;
    // The trusted clock's bookkeeping (lib/time/trusted-clock.ts) moves on whenever a page reads
    // the time; it is not something a restore changes.
    delete all.latestTimeSeen;
    return JSON.stringify(all);
  });

test.each(['reject-proto-nested-in-plan.json', 'reject-truncated.json', 'reject-duplicate-event-ids.json'])(
  'importing %s shows why and changes nothing',
  async (name) => {
    const before = await stored(app);
    const options = await open(app, 'options.html#backup');
    await options.getByLabel('Choose a backup file').setInputFiles(join(FIXTURES, name));
    await expect.poll(() => options.getByRole('alert').innerText()).toMatch(/Nothing was changed\.$/);
    expect(await options.getByRole('button', { name: 'Replace everything' }).count()).toBe(0);
    expect(await stored(app)).toBe(before);
    await options.close();
  },
);

test('restoring the backup in a fresh browser with "Replace everything" brings the plan and triggers back', async () => {
  // The first browser closes first: a Chromium started while another one runs can answer every
  // i18n.getMessage with "" for the whole session (seen with headless Chromium 156, Nov 2026), and
  // every page would show catalogue keys instead of words. One browser at a time, as in real life.
  await app.close();
  second = await launchSteadfast(server.port);
  const options = await open(second, 'options.html#backup');
  await options.getByLabel('Choose a backup file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect.poll(() => options.getByText(/This backup holds 1 trigger site, a plan, 1 support person/).count()).toBe(1);
  await options.getByRole('button', { name: 'Replace everything' }).click();
  await expect.poll(() => options.getByRole('status').filter({ hasText: 'Your backup is restored.' }).count()).toBe(1);
  await expect.poll(() => options.getByLabel('If (1)').inputValue()).toBe(IMG);
  expect(await options.getByLabel('My reasons (one a line)').inputValue()).toBe(`${IMG}\n${SCRIPT}`);
  expect(await options.getByLabel('Name (1)').inputValue()).toBe(`Sam ${IMG}`);
  await waitForRuleFor(second.worker, 'trigger.test');
  expect(await injected(options)).toEqual(nothingInjected);
  expect(dialogs).toEqual([]);
  await options.close();
});
