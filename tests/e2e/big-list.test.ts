import type { Worker } from 'playwright-core';
import { expect, test } from 'vitest';
import { steadfastFixture } from './fixture';
import { expectLoads, expectPaused } from './navigate';

// Issue 5, "Big lists": a 100,000-site list imported through "My recovery" becomes one Chrome rule
// that Chrome accepts, and a site from the end of the list never loads.

const SIZE = 100_000;
/** Each step moves 2 MB through storage and a 100,000-domain rule through Chrome: slow on a busy machine. */
const BIG_TIMEOUT = 180_000;
const steadfast = steadfastFixture({ options: true, resetServer: true });

interface Chrome {
  chrome: { declarativeNetRequest: { getDynamicRules(): Promise<{ id: number; condition: { requestDomains?: string[] } }[]> } };
}

/**
 * Whether dynamic rule `id` pauses `host`, asked inside the service worker so that 100,000
 * domains are not copied over the DevTools protocol on every poll.
 */
function ruleHas(worker: Worker, id: number, host: string): Promise<boolean> {
  return worker.evaluate(
    async ([ruleId, name]) => {
      const rules = await (globalThis as unknown as Chrome).chrome.declarativeNetRequest.getDynamicRules();
      return rules.some((rule) => rule.id === ruleId && (rule.condition.requestDomains ?? []).includes(name as string));
    },
    [id, host] as const,
  );
}

async function waitForRule(id: number, host: string, present = true, timeout = 30_000) {
  await expect.poll(() => ruleHas(steadfast.app.worker, id, host), { timeout, interval: 100 }).toBe(present);
}

test(
  'a 100,000-site list from a file: one rule Chrome accepts; a site from its end never loads; others do',
  async () => {
    const lines = ['# Big list, as published', '127.0.0.1 localhost', '::1 ip6-localhost', 'exa mple'];
    for (let i = 0; i < SIZE; i += 1) lines.push(i % 2 ? `0.0.0.0 site${i}.test` : `site${i}.test # ${i}`);
    lines.push('bad!name.test');
    await steadfast.options.bringToFront();
    await steadfast.options.getByLabel('Choose a list file').setInputFiles({
      name: 'Big list.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(lines.join('\n')),
    });
    await expect.poll(() => steadfast.options.getByLabel('List name', { exact: true }).inputValue()).toBe('Big list');
    await steadfast.options.getByRole('button', { name: 'Import', exact: true }).click();
    const status = steadfast.options.locator('#import-list [role="status"]');
    await expect.poll(() => status.innerText(), { timeout: 60_000 }).toMatch(/^Added 100,000 sites from “Big list”\./);
    expect(await status.innerText()).toContain('2 lines were skipped because they are not whole sites: line 4 “exa mple” and line 100005 “bad!name.test”.');
    expect(await steadfast.options.getByRole('list', { name: 'Imported lists' }).innerText()).toContain('Big list · 100,000 sites');

    // One rule holds them all, and Chrome took it: the last site is in it.
    await waitForRule(1, `site${SIZE - 1}.test`);
    const sizes = await steadfast.app.worker.evaluate(async () =>
      (await (globalThis as unknown as Chrome).chrome.declarativeNetRequest.getDynamicRules()).map((r) => [r.id, r.condition.requestDomains?.length]),
    );
    expect(sizes).toEqual([[1, SIZE]]);

    const page = await steadfast.app.context.newPage();
    await expectPaused(page, steadfast.server, `http://site${SIZE - 1}.test/some/page?x=1`, `site${SIZE - 1}.test`);
    // The list's name comes once the page has read the lists (after the calm first paint).
    await expect
      .poll(() => page.locator('.paused-site').innerText())
      .toBe(`Steadfast paused site${SIZE - 1}.test (from your list “Big list”) for you, as you asked.`);
    await expectPaused(page, steadfast.server, 'http://www.site50001.test/', 'site50001.test');
    await expectLoads(page, steadfast.server, `http://site${SIZE}.test/`, `site${SIZE}.test`);
    await expectLoads(page, steadfast.server, 'http://notinlist.test/', 'notinlist.test');
    await page.close();
  },
  BIG_TIMEOUT,
);

test(
  'a list in Pause mode lets a person continue in that tab; in Block mode it does not',
  async () => {
    const page = await steadfast.app.context.newPage();
    await expectPaused(page, steadfast.server, 'http://site7.test/', 'site7.test');
    const ask = () =>
      page.evaluate(() =>
        (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ ok: boolean; message?: string }> } } }).chrome.runtime.sendMessage({
          type: 'steadfast:continue',
          url: 'http://site7.test/',
          minutes: 5,
        }),
      );
    expect(await page.locator('.continue-anyway').count()).toBe(1);
    await steadfast.options.getByLabel('When a site from Big list opens').selectOption('block');
    await waitForRule(2, 'site7.test');
    expect(await ruleHas(steadfast.app.worker, 1, 'site7.test')).toBe(false);
    expect(await ask()).toEqual({ ok: false, message: 'You set this to Block, so there is no way through from here.' });

    await steadfast.options.getByLabel('When a site from Big list opens').selectOption('pause');
    await waitForRule(1, 'site7.test');
    // The background grants "Continue" once it has itself seen the pause wait (30 s) pass in this tab.
    await expect.poll(async () => (await ask()).ok, { timeout: 60_000, interval: 2_000 }).toBe(true);
    await expectLoads(page, steadfast.server, 'http://site7.test/', 'site7.test');
    await page.close();
  },
  BIG_TIMEOUT,
);

test(
  'a pasted list: lines that are not sites are named; a tab already open on a listed site moves to the pause page',
  async () => {
    const open = await steadfast.app.context.newPage();
    await expectLoads(open, steadfast.server, 'http://already-open.test/reading', 'already-open.test');
    // Press Import where a person would: in the tab in front (a background tab's timers are throttled).
    await steadfast.options.bringToFront();
    await steadfast.options.getByLabel('Paste a list of sites').fill('already-open.test\nexa mple\n\nWWW.Pasted.test.\nsite3.test');
    await steadfast.options.getByLabel('List name', { exact: true }).fill('Pasted');
    await steadfast.options.getByRole('button', { name: 'Import', exact: true }).click();
    const status = steadfast.options.locator('#import-list [role="status"]');
    await expect
      .poll(() => status.innerText(), { timeout: 30_000 })
      .toBe(
        'Added 2 sites from “Pasted”. It was read as a list of sites, one a line. ' +
          '1 site was already in your trigger sites or lists, or repeated, and counts once. ' +
          '1 line was skipped because it is not a whole site: line 2 “exa mple”.',
      );
    await open.waitForURL((u) => u.pathname === '/pause.html', { timeout: 10_000 });
    await expect.poll(() => open.locator('.paused-site').innerText()).toContain('from your list “Pasted”');
    await open.close();
  },
  BIG_TIMEOUT,
);

test(
  'removing a list lets its sites load again; a list over 100,000 sites changes nothing',
  async () => {
    await steadfast.options.getByRole('button', { name: 'Remove Big list' }).click();
    await waitForRule(1, `site${SIZE - 1}.test`, false);
    const page = await steadfast.app.context.newPage();
    await expectLoads(page, steadfast.server, `http://site${SIZE - 1}.test/`, `site${SIZE - 1}.test`);
    await page.close();

    await steadfast.options.bringToFront();
    const tooMany = Array.from({ length: SIZE + 1 }, (_, i) => `more${i}.test`).join('\n');
    await steadfast.options.getByLabel('Choose a list file').setInputFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.from(tooMany) });
    await steadfast.options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => steadfast.options.locator('#import-list [role="alert"]').innerText(), { timeout: 60_000 })
      .toMatch(/^That list has 100,001 sites, and Steadfast takes up to 100,000 in one list\./);
    expect(await steadfast.options.getByRole('list', { name: 'Imported lists' }).innerText()).not.toContain('huge');
  },
  BIG_TIMEOUT,
);
