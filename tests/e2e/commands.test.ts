/*
 * The command layer in a real browser: two "My recovery" pages writing at once lose nothing (the
 * Web Lock is shared by every page of the extension), and a backup edited by hand cannot remove a
 * trigger at once through "Replace everything".
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { emptyPlan } from '../../lib/plan/plan';
import { addTriggerThroughOptions, closeAll, launchSteadfast, waitForRuleFor, type Steadfast } from './browser';
import { TestServer } from './test-server';

let server: TestServer;
let app: Steadfast;

interface Chrome {
  chrome: { storage: { local: { set(v: object): Promise<void>; get(k: string | null): Promise<Record<string, unknown>> } } };
}
type StoredTrigger = { host: string; mode: string; addedAt: number };

const storedTriggers = (): Promise<StoredTrigger[]> =>
  app.worker.evaluate(async () => ((await (globalThis as unknown as Chrome).chrome.storage.local.get('triggers')).triggers ?? []) as StoredTrigger[]);

/** The Web Lock's holders and waiters for the configuration, as the browser reports them to a page. */
const configLock = (page: Page) =>
  page.evaluate(async () => {
    const state = await navigator.locks.query();
    const named = (list: LockInfo[] | undefined) => (list ?? []).filter((l) => l.name === 'steadfast:config').length;
    return { held: named(state.held), waiting: named(state.pending) };
  });

async function openOptions(): Promise<Page> {
  const page = await app.context.newPage();
  await page.goto(app.url('options.html'));
  await page.getByRole('textbox', { name: /trigger site/i }).waitFor();
  return page;
}

beforeAll(async () => {
  server = await new TestServer().start();
  app = await launchSteadfast(server.port);
});

afterAll(() => closeAll(app, server));

test('two "My recovery" pages adding trigger sites at once lose none of them', async () => {
  const [first, second] = [await openOptions(), await openOptions()];

  // Precondition: both pages really contend for one lock shared across pages. The test holds it
  // from a third page; both Adds must then wait on it (a per-page queue would not wait at all).
  const holder = await openOptions();
  await holder.evaluate(() => {
    const w = window as unknown as { release?: () => void };
    void navigator.locks.request('steadfast:config', () => new Promise<void>((resolve) => (w.release = resolve)));
  });
  await expect.poll(() => configLock(holder)).toEqual({ held: 1, waiting: 0 });
  await first.getByRole('textbox', { name: /trigger site/i }).fill('one.test');
  await second.getByRole('textbox', { name: /trigger site/i }).fill('two.test');
  await Promise.all([first, second].map((page) => page.getByRole('button', { name: 'Add', exact: true }).click()));
  await expect.poll(() => configLock(holder)).toEqual({ held: 1, waiting: 2 });
  expect(await storedTriggers()).toEqual([]);
  await holder.evaluate(() => (window as unknown as { release: () => void }).release());
  await expect.poll(async () => (await storedTriggers()).map((t) => t.host).sort()).toEqual(['one.test', 'two.test']);

  // And freely, as a person with two windows would: five more from each page, each pair at once.
  // Each page's field empties once its add is stored; the next is typed after that, as a person would.
  const typedAndStored = async (page: Page, site: string) => {
    await addTriggerThroughOptions(app, site, page);
    await expect.poll(() => page.getByRole('textbox', { name: /trigger site/i }).inputValue()).toBe('');
  };
  for (let i = 0; i < 5; i += 1) {
    await Promise.all([typedAndStored(first, `a${i}.test`), typedAndStored(second, `b${i}.test`)]);
  }
  const all = ['one.test', 'two.test', ...[0, 1, 2, 3, 4].flatMap((i) => [`a${i}.test`, `b${i}.test`])].sort();
  await expect.poll(async () => (await storedTriggers()).map((t) => t.host).sort()).toEqual(all);
  for (const page of [first, second]) {
    await expect.poll(() => page.locator('#triggers .trigger-list li').count()).toBe(all.length);
  }
  await waitForRuleFor(app.worker, 'b4.test');
  for (const page of [first, second, holder]) await page.close();
});

test('restoring an edited backup with "Replace everything" leaves the removed trigger in force, shown as a waiting change', async () => {
  const twoDaysAgo = Date.now() - 2 * 86_400_000;
  await app.worker.evaluate(
    (addedAt) =>
      (globalThis as unknown as Chrome).chrome.storage.local.set({
        triggers: [{ id: 'old', kind: 'site', mode: 'block', display: 'old.test', host: 'old.test', addedAt }],
        triggers$: { v: 2 },
        pending: [],
      }),
    twoDaysAgo,
  );
  await waitForRuleFor(app.worker, 'old.test');

  // Edited by hand: old.test taken out, and a trigger "added just now" to look fresh.
  const now = Date.now();
  const edited = {
    format: 'steadfast-backup',
    version: 1,
    exportedAt: new Date(now - 60_000).toISOString(),
    data: {
      triggers: [{ id: 'new', kind: 'site', mode: 'pause', display: 'new.test', host: 'new.test', addedAt: now - 1000 }],
      blocklists: [],
      plan: { ...emptyPlan(), reasons: ['Edited'] },
      settings: { waitSeconds: 10, coolingOffHours: 1 },
      streak: null,
      helpRegion: null,
      myServices: [],
      events: [],
    },
  };
  const options = await app.context.newPage();
  await options.goto(app.url('options.html#backup'));
  await options
    .getByLabel('Choose a backup file')
    .setInputFiles({ name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) });
  await expect
    .poll(() => options.locator('.backup-preview').innerText())
    .toContain('1 trigger site not in the backup stays until your 24-hour cooling-off is over');
  await options.getByRole('button', { name: 'Replace everything' }).click();
  await expect.poll(() => options.getByRole('status').filter({ hasText: 'Your backup is restored.' }).innerText()).toMatch(/3 changes that loosen/);

  // Still in force: the rule holds, the site never loads, and the list says it is waiting.
  await waitForRuleFor(app.worker, 'old.test');
  const item = options.locator('#triggers .trigger-list li', { hasText: 'old.test' });
  await expect.poll(() => item.innerText()).toMatch(/removing in 1 d\b/);
  expect(await options.getByLabel('When old.test opens').inputValue()).toBe('block');
  const settings = options.locator('#settings');
  await expect.poll(() => settings.innerText()).toMatch(/Wait 10 seconds/i);
  const pause = await app.context.newPage();
  await pause.goto('http://old.test/');
  await pause.waitForURL((u) => u.pathname === '/pause.html');
  expect(server.requestsTo('old.test')).toBe(0);
  // The file's own date was not taken: old.test keeps its date; new.test is dated by this device.
  const triggers = await storedTriggers();
  expect(triggers.find((t) => t.host === 'old.test')?.addedAt).toBe(twoDaysAgo);
  expect(triggers.find((t) => t.host === 'new.test')?.addedAt).toBeGreaterThanOrEqual(now);
  await pause.close();
  await options.close();
});

test('a backup with a date in the future is refused, naming the field, and nothing changes', async () => {
  // Everything but the latest time seen, which reading the trusted clock may raise (lib/time/trusted-clock.ts).
  const config = () =>
    app.worker.evaluate(async () => {
      const { latestTimeSeen: _time, ...rest } = await (globalThis as unknown as Chrome).chrome.storage.local.get(null);
      return JSON.stringify(rest);
    });
  const before = await config();
  const options = await app.context.newPage();
  await options.goto(app.url('options.html#backup'));
  const future = {
    format: 'steadfast-backup',
    version: 1,
    exportedAt: new Date(Date.now() - 60_000).toISOString(),
    data: {
      triggers: [{ id: 'f', kind: 'site', mode: 'pause', display: 'f.test', host: 'f.test', addedAt: Date.now() + 365 * 86_400_000 }],
      plan: emptyPlan(),
      settings: { waitSeconds: 30, coolingOffHours: 24 },
      streak: null,
      helpRegion: null,
      myServices: [],
      events: [],
    },
  };
  await options
    .getByLabel('Choose a backup file')
    .setInputFiles({ name: 'future.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(future)) });
  await expect.poll(() => options.getByRole('alert').innerText()).toMatch(/date in the future: data\.triggers\.0\.addedAt is .*Nothing was changed\.$/);
  expect(await options.getByRole('button', { name: 'Replace everything' }).count()).toBe(0);
  expect(await config()).toBe(before);
  await options.close();
});
