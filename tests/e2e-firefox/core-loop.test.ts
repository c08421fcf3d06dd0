import type { Page } from 'puppeteer-core';
import { describe, expect, test } from 'vitest';
import { META_KEY, readPart, splitIntoChunks, type SyncMeta } from '../../lib/sync/chunks';
import { steadfastFirefoxFixture } from './fixture';
import { controlLabelled, poll, hasHostAccess, locationOf, openAddress, waitForLocation, waitForRuleFor, waitForText, writeReasons } from './firefox';

// The core loop of Steadfast in Firefox ESR, against the Firefox MV3 build: a trigger added in
// "My recovery" never loads, not even one request; the pause page shows the site and the plan.
const TRIGGER = 'trigger.test';
const REASON = 'To be there for my daughter';
const firefox = steadfastFirefoxFixture({
  setUp: ({ app }) => writeReasons(app.options, REASON),
  // What the person typed is shown normalised, and the rule follows without reloading anything.
  triggers: [{ typed: 'https://www.Trigger.test/some/page?x=1', listed: TRIGGER }],
  resetServer: true,
});

test('the welcome opens on install and leads to My recovery, and Firefox has granted the host access the redirect needs', async () => {
  expect(await locationOf(firefox.app.options)).toBe(`${firefox.app.origin}/options.html`);
  // Firefox MV3 host permissions are optional; without them the redirect is silently ignored.
  expect(await hasHostAccess(firefox.app.options), 'Firefox did not grant <all_urls> on install').toBe(true);
});

describe('a trigger site never loads; the pause page shows instead', () => {
  test.each([
    ['the bare site', '/', ''],
    ['with www, a path and a query', '/x?y=1', 'www.'],
  ])('%s', async (_name, path, sub) => {
    const url = `http://${sub}${TRIGGER}:${firefox.server.port}${path}`;
    await firefox.inNewTab(async (page) => {
      await openAddress(page, url);
      // The address the person was heading to travels whole in the fragment.
      await waitForLocation(page, `${firefox.app.origin}/pause.html#${url}`);
      await waitForText(page, '.paused-site', TRIGGER);
      expect(await page.$eval('.site-name', (el) => el.textContent)).toBe(TRIGGER);
      if (path !== '/') await waitForText(page, '.paused-address', `${sub}${TRIGGER}/x`);
      // Their own plan is there, in their words.
      await waitForText(page, 'body', REASON);
      expect(firefox.server.requestsTo(TRIGGER)).toBe(0);
    });
  });

  test('by clicking a link on another site', async () => {
    const url = `http://www.${TRIGGER}:${firefox.server.port}/from-a-link`;
    await firefox.inNewTab(async (page) => {
      await page.goto(`http://other.test:${firefox.server.port}/link?to=${encodeURIComponent(url)}`);
      await page.click('#go');
      await waitForLocation(page, `${firefox.app.origin}/pause.html#${url}`);
      await waitForText(page, '.paused-site', TRIGGER);
      expect(firefox.server.requestsTo(TRIGGER)).toBe(0);
      expect(firefox.server.requestsToExactly('other.test')).toBeGreaterThan(0);
    });
  });
});

test('a site that is not a trigger loads normally', async () => {
  await firefox.inNewTab(async (page) => {
    await page.goto(`http://other.test:${firefox.server.port}/?q=${TRIGGER}`);
    expect(await waitForText(page, '#real-page', 'other.test')).toBe('Real page on other.test');
    expect(await locationOf(page)).toBe(`http://other.test:${firefox.server.port}/?q=${TRIGGER}`);
    expect(firefox.server.requestsToExactly('other.test')).toBeGreaterThan(0);
    expect(firefox.server.requestsTo(TRIGGER)).toBe(0);
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
  const before = await outcomes(firefox.app.options);
  const page = await firefox.app.browser.newPage();
  await openAddress(page, `http://${TRIGGER}:${firefox.server.port}/closing`);
  await waitForText(page, '.paused-site', TRIGGER);
  // The visit is written once the page has read the person's plan and streak.
  await poll(
    async () => ((await outcomes(firefox.app.options)).length > before.length ? true : undefined),
    10_000,
    () => 'the visit to be written',
  );
  await page.close();
  const closedBefore = before.filter((o) => o === 'closed').length;
  await poll(
    async () => ((await outcomes(firefox.app.options)).filter((o) => o === 'closed').length > closedBefore ? true : undefined),
    10_000,
    () => 'the visit to be recorded as closed',
  );
  expect(firefox.server.requestsTo(TRIGGER)).toBe(0);
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
  const toggle = await controlLabelled(firefox.app.options, 'Sync my trigger sites, plan and settings across my browsers');
  expect(await toggle.evaluate((box) => (box as HTMLInputElement).checked)).toBe(false);
  expect(await readSync(firefox.app.options)).toEqual({});
  await toggle.click();
  const hosts = await poll(
    async () => syncedTriggers(await readSync(firefox.app.options))?.map((e) => e.trigger.host),
    10_000,
    () => 'the trigger list in storage.sync',
  );
  expect(hosts).toEqual([TRIGGER]);

  // Another browser's change, as Firefox Sync would deliver it: a site added there.
  const all = await readSync(firefox.app.options);
  const meta = all[META_KEY] as SyncMeta;
  const entries = [
    ...syncedTriggers(all)!,
    {
      trigger: { id: 'from-laptop', kind: 'site', mode: 'block', display: 'elsewhere.test', host: 'elsewhere.test', addedAt: Date.now() },
      changedAt: Date.now(),
    },
  ];
  const { info, items } = splitIntoChunks('triggers', JSON.stringify(entries));
  await firefox.app.options.evaluate((next) => (globalThis as unknown as SyncGlobal).browser.storage.sync.set(next), {
    ...items,
    [META_KEY]: { ...meta, parts: { ...meta.parts, triggers: info } },
  });
  await waitForText(firefox.app.options, '.trigger-list', 'elsewhere.test');
  await waitForRuleFor(firefox.app.options, 'elsewhere.test');
});

// Firefox lets a person take that access back (about:addons, Permissions); the rule then stops
// redirecting without a word (proven with extensions.originControls.grantByDefault set to false:
// the trigger site loads). My recovery must say so and offer to ask again. Last: it withdraws access.
test('My recovery says plainly when host access is withdrawn, and offers to ask for it again', async () => {
  await firefox.app.options.evaluate(() =>
    (globalThis as unknown as { browser: { permissions: { remove(p: { origins: string[] }): Promise<boolean> } } }).browser.permissions.remove({
      origins: ['<all_urls>'],
    }),
  );
  expect(await hasHostAccess(firefox.app.options)).toBe(false);
  await waitForText(firefox.app.options, '.host-access', "Steadfast can't pause sites right now");
  await waitForText(firefox.app.options, '.host-access button', 'Allow Steadfast on all sites');
});
