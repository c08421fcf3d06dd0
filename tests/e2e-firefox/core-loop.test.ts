import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { META_KEY, readPart, splitIntoChunks, type SyncMeta } from '../../lib/sync/chunks';
import { TestServer } from '../e2e/test-server';
import {
  controlLabelled,
  poll,
  addTriggerThroughOptions,
  hasHostAccess,
  launchSteadfastInFirefox,
  linkNamed,
  locationOf,
  openAddress,
  waitForLocation,
  waitForRuleFor,
  waitForText,
  writeReasons,
  type SteadfastFirefox,
} from './firefox';

// The core loop of Steadfast in Firefox ESR, against the Firefox MV3 build: a trigger added in
// "My recovery" never loads, not even one request; the pause page shows the site and the plan.
const TRIGGER = 'trigger.test';
const REASON = 'To be there for my daughter';
let server: TestServer;
let app: SteadfastFirefox;

beforeAll(async () => {
  // Firefox resolves the test hosts to 127.0.0.1, so the addresses carry the server's port.
  server = await new TestServer().start();
  const started = Date.now();
  app = await launchSteadfastInFirefox();
  console.log(`Firefox ESR started, Steadfast installed and My recovery open (from the welcome) in ${Date.now() - started} ms`);
  await writeReasons(app.options, REASON);
  await addTriggerThroughOptions(app.options, 'https://www.Trigger.test/some/page?x=1');
  // What the person typed is shown normalised, and the rule follows without reloading anything.
  await waitForText(app.options, '.trigger-list', TRIGGER);
  const ms = await waitForRuleFor(app.options, TRIGGER);
  console.log(`rule for ${TRIGGER} in place ${ms} ms after it was listed`);
});

afterAll(async () => {
  await app?.close();
  await server?.stop();
});

beforeEach(() => server.reset());

/** A fresh tab for each visit, closed afterwards, so no test starts on another's pause page. */
async function inNewTab(visit: (page: Page) => Promise<void>): Promise<void> {
  const page = await app.browser.newPage();
  try {
    await visit(page);
  } finally {
    await page.close();
  }
}

test('the welcome opens on install and leads to My recovery, and Firefox has granted the host access the redirect needs', async () => {
  expect(await locationOf(app.options)).toBe(`${app.origin}/options.html`);
  // Firefox MV3 host permissions are optional; without them the redirect is silently ignored.
  expect(await hasHostAccess(app.options), 'Firefox did not grant <all_urls> on install').toBe(true);
});


describe('a trigger site never loads; the pause page shows instead', () => {
  test.each([
    ['the bare site', '/', ''],
    ['with www, a path and a query', '/x?y=1', 'www.'],
  ])('%s', async (_name, path, sub) => {
    const url = `http://${sub}${TRIGGER}:${server.port}${path}`;
    await inNewTab(async (page) => {
      await openAddress(page, url);
      // The address the person was heading to travels whole in the fragment.
      await waitForLocation(page, `${app.origin}/pause.html#${url}`);
      await waitForText(page, '.paused-site', TRIGGER);
      expect(await page.$eval('.site-name', (el) => el.textContent)).toBe(TRIGGER);
      if (path !== '/') await waitForText(page, '.paused-address', `${sub}${TRIGGER}/x`);
      // Their own plan is there, in their words.
      await waitForText(page, 'body', REASON);
      expect(server.requestsTo(TRIGGER)).toBe(0);
    });
  });

  test('by clicking a link on another site', async () => {
    const url = `http://www.${TRIGGER}:${server.port}/from-a-link`;
    await inNewTab(async (page) => {
      await page.goto(`http://other.test:${server.port}/link?to=${encodeURIComponent(url)}`);
      await page.click('#go');
      await waitForLocation(page, `${app.origin}/pause.html#${url}`);
      await waitForText(page, '.paused-site', TRIGGER);
      expect(server.requestsTo(TRIGGER)).toBe(0);
      expect(server.requestsToExactly('other.test')).toBeGreaterThan(0);
    });
  });
});

test('a site that is not a trigger loads normally', async () => {
  await inNewTab(async (page) => {
    await page.goto(`http://other.test:${server.port}/?q=${TRIGGER}`);
    expect(await waitForText(page, '#real-page', 'other.test')).toBe('Real page on other.test');
    expect(await locationOf(page)).toBe(`http://other.test:${server.port}/?q=${TRIGGER}`);
    expect(server.requestsToExactly('other.test')).toBeGreaterThan(0);
    expect(server.requestsTo(TRIGGER)).toBe(0);
  });
});

/** The outcomes of every pause-page visit in the history, read from one of Steadfast's pages. */
const outcomes = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('steadfast-history');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('events').objectStore('events').index('by-type').getAll('intervention');
          all.onsuccess = () => resolve(all.result.map((e: { outcome: string }) => e.outcome));
          all.onerror = () => reject(all.error);
        };
      }),
  );

test('closing the pause page counts as turning back: the visit is recorded as closed', async () => {
  const before = await outcomes(app.options);
  const page = await app.browser.newPage();
  await openAddress(page, `http://${TRIGGER}:${server.port}/closing`);
  await waitForText(page, '.paused-site', TRIGGER);
  // The visit is written once the page has read the person's plan and streak.
  await poll(async () => ((await outcomes(app.options)).length > before.length ? true : undefined), 10_000, () => 'the visit to be written');
  await page.close();
  const closedBefore = before.filter((o) => o === 'closed').length;
  await poll(
    async () => ((await outcomes(app.options)).filter((o) => o === 'closed').length > closedBefore ? true : undefined),
    10_000,
    () => 'the visit to be recorded as closed',
  );
  expect(server.requestsTo(TRIGGER)).toBe(0);
});

test('Progress draws the history in Firefox: the risk table counts every pause page shown', async () => {
  // Reached as a person would, from My recovery; and back again whatever happens, for the tests after.
  const page = app.options;
  await (await linkNamed(page, 'My progress')).click();
  await waitForLocation(page, `${app.origin}/progress.html`);
  try {
    await page.waitForSelector('main[data-complete="true"]');
    expect(await page.$$eval('[role="grid"] [data-day]', (cells) => cells.length)).toBeGreaterThanOrEqual(365);
    // What the history holds, read from the extension's own IndexedDB (upgraded to its current version).
    // A visit whose tab closed at once may not have been written; every one that was must be counted.
    const shown = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('steadfast-history');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction('events').objectStore('events').index('by-type').count('intervention');
            count.onsuccess = () => resolve(count.result);
            count.onerror = () => reject(count.error);
          };
        }),
    );
    expect(shown).toBeGreaterThanOrEqual(1);
    await page.click('[aria-labelledby="risk-title"] summary');
    await page.waitForSelector('[aria-labelledby="risk-title"] table');
    const counted = await page.$$eval('[aria-labelledby="risk-title"] table tbody td', (cells) => cells.reduce((sum, td) => sum + Number(td.textContent), 0));
    expect(counted).toBe(shown);
  } finally {
    await page.evaluate(() => location.assign('/options.html'));
    await waitForLocation(page, `${app.origin}/options.html`);
  }
});

interface SyncGlobal {
  browser: { storage: { sync: { get(keys: null): Promise<Record<string, unknown>>; set(items: object): Promise<void> } } };
}
const readSync = (page: Page) => page.evaluate(() => (globalThis as unknown as SyncGlobal).browser.storage.sync.get(null));

/** The trigger entries in `storage.sync`, as Steadfast chunks them (lib/sync/chunks.ts). */
function syncedTriggers(all: Record<string, unknown>): { trigger: { host: string }; changedAt: number }[] | undefined {
  const read = readPart((all[META_KEY] as SyncMeta | undefined)?.parts.triggers, 'triggers', all);
  return read.status === 'ok' ? (read.value as { trigger: { host: string }; changedAt: number }[]) : undefined;
}

test('sync in Firefox: off until turned on; then storage.sync holds the triggers, and one added in another browser is listed and gets its rule here', async () => {
  const toggle = await controlLabelled(app.options, 'Sync my trigger sites, plan and settings across my browsers');
  expect(await toggle.evaluate((box) => (box as HTMLInputElement).checked)).toBe(false);
  expect(await readSync(app.options)).toEqual({});
  await toggle.click();
  const hosts = await poll(
    async () => syncedTriggers(await readSync(app.options))?.map((e) => e.trigger.host),
    10_000,
    () => 'the trigger list in storage.sync',
  );
  expect(hosts).toEqual([TRIGGER]);

  // Another browser's change, as Firefox Sync would deliver it: a site added there.
  const all = await readSync(app.options);
  const meta = all[META_KEY] as SyncMeta;
  const entries = [...syncedTriggers(all)!, { trigger: { id: 'from-laptop', kind: 'site', mode: 'block', display: 'elsewhere.test', host: 'elsewhere.test', addedAt: Date.now() }, changedAt: Date.now() }];
  const { info, items } = splitIntoChunks('triggers', JSON.stringify(entries));
  await app.options.evaluate(
    (next) => (globalThis as unknown as SyncGlobal).browser.storage.sync.set(next),
    { ...items, [META_KEY]: { ...meta, parts: { ...meta.parts, triggers: info } } },
  );
  await waitForText(app.options, '.trigger-list', 'elsewhere.test');
  await waitForRuleFor(app.options, 'elsewhere.test');
});

// Firefox lets a person take that access back (about:addons, Permissions); the rule then stops
// redirecting without a word (proven with extensions.originControls.grantByDefault set to false:
// the trigger site loads). My recovery must say so and offer to ask again. Last: it withdraws access.
test('My recovery says plainly when host access is withdrawn, and offers to ask for it again', async () => {
  await app.options.evaluate(() =>
    (globalThis as unknown as { browser: { permissions: { remove(p: { origins: string[] }): Promise<boolean> } } }).browser.permissions.remove({
      origins: ['<all_urls>'],
    }),
  );
  expect(await hasHostAccess(app.options)).toBe(false);
  await waitForText(app.options, '.host-access', "Steadfast can't pause sites right now");
  await waitForText(app.options, '.host-access button', 'Allow Steadfast on all sites');
});
