import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { dynamicRules, reloadExtension } from './browser';
import { steadfastFixture } from './fixture';

// Issue 15, item 5: rules that heal and never fail silently. 2,000 path triggers and 2,000 keyword
// triggers are packed into regex rules that Chromium's own `isRegexSupported` accepts, and every
// one of them pauses; rules removed behind Steadfast's back come back at the next start.

const COUNT = 2000;
const SLOW = 120_000;
const steadfast = steadfastFixture({ options: true, resetServer: true });

interface Outcome {
  chrome: {
    declarativeNetRequest: {
      testMatchOutcome(request: { url: string; type: string }): Promise<{ matchedRules: { ruleId: number }[] }>;
      getDynamicRules(): Promise<{ id: number; condition: { regexFilter?: string } }[]>;
      updateDynamicRules(options: { removeRuleIds: number[] }): Promise<void>;
    };
  };
}

interface Storage {
  chrome: { storage: { local: { set(items: object): Promise<void>; get(key: string): Promise<object> } } };
}

const paths = Array.from({ length: COUNT }, (_, i) => ({
  id: `p${i}`,
  kind: 'path',
  mode: 'pause',
  display: `site${i % 50}.test/topic-${i}`,
  host: `site${i % 50}.test`,
  path: `/topic-${i}`,
  addedAt: 0,
}));
const keywords = Array.from({ length: COUNT }, (_, i) => ({
  id: `k${i}`,
  kind: 'keyword',
  mode: 'pause',
  display: `late word${i}`,
  host: '',
  keyword: `late word${i}`,
  addedAt: 0,
}));
const urls = [
  ...paths.map((t) => `http://www.${t.host}${t.path}/page?x=1`),
  ...keywords.map((t) => `http://search.test/find?q=${t.keyword?.replace(' ', '+')}`),
];

/** How many of `list` Chromium's own rule matcher would send to the pause page (no network). */
function pausedCount(list: string[]): Promise<number> {
  return steadfast.app.worker.evaluate(async (all) => {
    const dnr = (globalThis as unknown as Outcome).chrome.declarativeNetRequest;
    let count = 0;
    for (const url of all) if ((await dnr.testMatchOutcome({ url, type: 'main_frame' })).matchedRules.length > 0) count += 1;
    return count;
  }, list);
}

async function expectPaused(page: Page, url: string) {
  await page.goto(url);
  await page.waitForURL((u) => u.pathname === '/pause.html');
  expect(new URL(page.url()).hash).toBe(`#${url}`);
}

test(
  '2,000 path and 2,000 keyword triggers all pause, packed into regex rules Chromium accepts; copies with no room left are named',
  async () => {
    // The precondition: with no triggers, none of these addresses is paused.
    expect(await pausedCount(urls.slice(0, 5))).toBe(0);
    await steadfast.options.evaluate(
      (triggers) => (globalThis as unknown as Storage).chrome.storage.local.set({ triggers, triggers$: { v: 2 } }),
      [...paths, ...keywords],
    );
    await expect.poll(() => pausedCount([urls.at(-1)!, urls[COUNT - 1]!]), { timeout: 60_000, interval: 250 }).toBe(2);
    expect(await pausedCount(urls)).toBe(urls.length);
    const rules = await dynamicRules(steadfast.app.worker);
    const regexRules = rules.filter((rule) => (rule as { condition: { regexFilter?: string } }).condition.regexFilter);
    const ranges = [1000, 2000, 3000].map((first) => regexRules.filter((rule) => rule.id >= first && rule.id < first + 1000).length);
    console.info(
      `Chromium: ${COUNT} path + ${COUNT} keyword triggers → ${regexRules.length} regex rules (paths ${ranges[0]}, keywords ${ranges[1]}, others ${ranges[2]})`,
    );
    expect(regexRules.length).toBeLessThanOrEqual(1000);
    expect(ranges[0]! + ranges[1]!).toBeLessThan(400);
    // Every trigger itself is in force. Copies on translation and archive services (on by default)
    // fill what is left of Chromium's 1,000 regex rules; those that find no room are named.
    const { ruleStatus } = (await steadfast.options.evaluate(() => (globalThis as unknown as Storage).chrome.storage.local.get('ruleStatus'))) as {
      ruleStatus: { notInForce: { part: string; reason: string }[] };
    };
    expect(ruleStatus.notInForce.filter((entry) => entry.part === 'trigger')).toEqual([]);
    expect(ruleStatus.notInForce.every((entry) => entry.part === 'copies' && entry.reason === 'limit')).toBe(true);
    console.info(`copies named as not paused: ${ruleStatus.notInForce.length}`);
    // And for real: the first and last of each kind end on the pause page, 0 requests at the site.
    const page = await steadfast.app.context.newPage();
    for (const url of [urls[0]!, urls[COUNT - 1]!, urls[COUNT]!, urls.at(-1)!]) await expectPaused(page, url);
    expect(steadfast.server.requestsTo('site0.test') + steadfast.server.requestsTo('site49.test') + steadfast.server.requestsTo('search.test')).toBe(0);
    // Neighbours still load.
    await page.goto('http://site0.test/topic-0x');
    await page.locator('#real-page').waitFor();
    await page.close();
  },
  SLOW,
);

test(
  'rules removed behind Steadfast’s back come back at its next start',
  async () => {
    const before = await dynamicRules(steadfast.app.worker);
    expect(before.length).toBeGreaterThan(2);
    await steadfast.app.worker.evaluate(
      async (ids) => {
        await (globalThis as unknown as Outcome).chrome.declarativeNetRequest.updateDynamicRules({ removeRuleIds: ids });
      },
      before.map((rule) => rule.id),
    );
    expect(await dynamicRules(steadfast.app.worker)).toEqual([]);
    expect(await pausedCount([urls[0]!])).toBe(0);
    await reloadExtension(steadfast.app);
    await expect.poll(async () => (await dynamicRules(steadfast.app.worker)).length, { timeout: 60_000, interval: 250 }).toBe(before.length);
    expect(await pausedCount(urls)).toBe(urls.length);
  },
  SLOW,
);
