import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { META_KEY, readPart, splitIntoChunks, type SyncMeta } from '../../lib/sync/chunks';
import { addTriggerThroughOptions, closeAll, dynamicRules, launchSteadfast, waitForRuleFor, type Steadfast } from './browser';
import { TestServer } from './test-server';

let server: TestServer;
let app: Steadfast;
let options: Page;

interface Chrome {
  chrome: { storage: { sync: { get(k: null): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } };
}

const readSync = (worker: Worker) => worker.evaluate(() => (globalThis as unknown as Chrome).chrome.storage.sync.get(null));
/** Writes `storage.sync` from the service worker, as the browser's sync delivers another browser's change. */
const deliver = (worker: Worker, items: Record<string, unknown>) =>
  worker.evaluate((each) => (globalThis as unknown as Chrome).chrome.storage.sync.set(each), items);

interface Entry {
  trigger: { host: string; mode: string };
  changedAt: number;
  removedAt?: number;
}
const syncedTriggers = (all: Record<string, unknown>): Entry[] | undefined => {
  const meta = all[META_KEY] as SyncMeta | undefined;
  const read = readPart(meta?.parts.triggers, 'triggers', all);
  return read.status === 'ok' ? (read.value as Entry[]) : undefined;
};

/** The synced items with the trigger part replaced by `entries`, as another browser would write them. */
function withTriggers(all: Record<string, unknown>, entries: unknown): Record<string, unknown> {
  const meta = all[META_KEY] as SyncMeta;
  const { info, items } = splitIntoChunks('triggers', JSON.stringify(entries));
  return { ...items, [META_KEY]: { ...meta, parts: { ...meta.parts, triggers: info } } };
}

beforeAll(async () => {
  server = await new TestServer().start();
  app = await launchSteadfast(server.port);
  options = await addTriggerThroughOptions(app, 'trigger.test');
  await waitForRuleFor(app.worker, 'trigger.test');
});

afterAll(() => closeAll(app, server));

test('sync is off until turned on in "My recovery"; then storage.sync holds the triggers', async () => {
  const toggle = options.getByRole('checkbox', { name: 'Sync my trigger sites, plan and settings across my browsers' });
  await expect.poll(() => toggle.isChecked()).toBe(false);
  await expect.poll(async () => options.locator('#sync [role="status"]').textContent()).toContain('Sync is off');
  expect(await readSync(app.worker)).toEqual({});

  await toggle.check();
  await expect.poll(async () => syncedTriggers(await readSync(app.worker))?.map((e) => e.trigger.host)).toEqual(['trigger.test']);
  await expect.poll(async () => options.locator('#sync [role="status"]').textContent()).toMatch(/Sync is on\. Last synced at/);
});

test('a trigger added in another browser shows in "My recovery" and is blocked here', async () => {
  const all = await readSync(app.worker);
  const entries = syncedTriggers(all)!;
  const added = {
    trigger: { id: 'from-laptop', kind: 'site', mode: 'block', display: 'other.test', host: 'other.test', addedAt: Date.now() },
    changedAt: Date.now(),
  };
  await deliver(app.worker, withTriggers(all, [...entries, added]));

  await options.locator('#triggers .trigger-list li', { hasText: 'other.test' }).waitFor();
  await waitForRuleFor(app.worker, 'other.test');
  const page = await app.context.newPage();
  await page.goto('http://other.test/');
  await expect.poll(() => new URL(page.url()).pathname).toBe('/pause.html');
  await page.close();
});

test('a hostile trigger from another browser is ignored with a message, and changes nothing here', async () => {
  const all = await readSync(app.worker);
  const entries = syncedTriggers(all)!;
  const hostile = { trigger: { id: 'x', kind: 'site', mode: 'pause', display: 'evil', host: 'EVIL HOST/*', addedAt: Date.now() }, changedAt: Date.now() };
  const before = JSON.stringify(await dynamicRules(app.worker));
  await deliver(app.worker, withTriggers(all, [...entries.map((e) => ({ ...e, trigger: { ...e.trigger, mode: 'pause' }, changedAt: Date.now() })), hostile]));

  await expect.poll(async () => options.locator('#sync [role="status"]').textContent()).toContain('could not be read safely');
  expect(JSON.stringify(await dynamicRules(app.worker))).toBe(before);
  await expect.poll(async () => options.locator('#triggers .trigger-list li').allTextContents()).toHaveLength(2);
  expect((await options.locator('#triggers .trigger-list li').allTextContents()).join(' ')).not.toContain('evil');
  // Steadfast writes its own merge back over what it could not read.
  await expect
    .poll(async () =>
      syncedTriggers(await readSync(app.worker))
        ?.map((e) => e.trigger.host)
        .sort(),
    )
    .toEqual(['other.test', 'trigger.test']);
});
