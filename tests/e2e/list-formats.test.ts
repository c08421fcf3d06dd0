import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { addTriggerThroughOptions, dynamicRules } from './browser';
import { steadfastFixture } from './fixture';
import { expectLoads, expectPaused } from './navigate';

// Issue 22: a list in any common blocklist format, imported through "My recovery" as a person
// would (a chosen file, or pasted), pauses its sites; a host name with `_` is a site like any other.

const FIXTURES = join(import.meta.dirname, '../fixtures/lists');
/** What every fixture names (tests/fixtures/lists/README.md). */
const SITES = ['k-market.test', 'party-supplies.test', 'pills_direct.test', 'vendor.test', 'late-night.test', 'gamble-now.test', 'market.dark-pharma.test'];
const ADBLOCK = 'It was read as an AdGuard, uBlock Origin or Adblock Plus list.';

const steadfast = steadfastFixture({ options: true, resetServer: true });

/** The domains of the site rule (Pause mode), as Chrome holds it. */
async function pausedDomains(): Promise<string[]> {
  return (await dynamicRules(steadfast.app.worker)).find((rule) => rule.id === 1)?.condition.requestDomains ?? [];
}

/** Which of the fixtures' sites the site rule holds, sorted. */
const pausedSites = async () => (await pausedDomains()).filter((domain) => SITES.includes(domain)).sort();

/** Imports a fixture the way a person would; returns the summary the page shows. */
async function importFixture(file: string, how: 'file' | 'paste', name: string): Promise<string> {
  const text = readFileSync(join(FIXTURES, file), 'utf8');
  await steadfast.options.bringToFront();
  if (how === 'file') {
    await steadfast.options.getByLabel('Choose a list file').setInputFiles({ name: file, mimeType: 'text/plain', buffer: Buffer.from(text) });
    await expect.poll(() => steadfast.options.getByLabel('List name', { exact: true }).inputValue()).toBe(name);
  } else {
    await steadfast.options.getByLabel('Paste a list of sites').fill(text);
    await steadfast.options.getByLabel('List name', { exact: true }).fill(name);
  }
  await steadfast.options.getByRole('button', { name: 'Import', exact: true }).click();
  const status = steadfast.options.locator('#import-list [role="status"]');
  await expect.poll(() => status.innerText(), { timeout: 30_000 }).toMatch(/^Added /);
  return status.innerText();
}

async function removeListThroughPage(name: string) {
  await steadfast.options.bringToFront();
  // Imported moments ago, so it goes at once (no cooling-off).
  await steadfast.options.getByRole('button', { name: `Remove ${name}` }).click();
  await expect.poll(pausedSites).toEqual([]);
}

describe('one list per format, each pausing the same sites', () => {
  test.each([
    ['plain.txt', 'file', 'plain', 'It was read as a list of sites, one a line.', 1, 'http://www.k-market.test/today'],
    ['hosts.txt', 'paste', 'Hosts', 'It was read as a hosts file.', 1, 'http://pills_direct.test/'],
    ['adguard.txt', 'paste', 'AdGuard', ADBLOCK, 5, 'http://party-supplies.test/'],
    ['ublock.txt', 'file', 'ublock', ADBLOCK, 5, 'http://gamble-now.test/promo'],
    ['adblockplus.txt', 'file', 'adblockplus', ADBLOCK, 2, 'http://m.market.dark-pharma.test/'],
    ['dnsmasq.conf', 'file', 'dnsmasq', 'It was read as a dnsmasq list.', 2, 'http://shop.vendor.test/'],
  ] as const)('%s (%s) → %s', async (file, how, name, readAs, skipped, sample) => {
    expect(await pausedSites()).toEqual([]);
    const summary = await importFixture(file, how, name);
    expect(summary.startsWith(`Added 7 sites from “${name}”. ${readAs} `)).toBe(true);
    expect(summary).toContain(
      `${skipped} line${skipped === 1 ? ' was' : 's were'} skipped because ${skipped === 1 ? 'it is not a whole site' : 'they are not whole sites'}: line `,
    );
    expect(await steadfast.options.getByRole('list', { name: 'Imported lists' }).innerText()).toContain(`${name} · 7 sites`);

    // Chrome took the rule with every site, the one with `_` included.
    await expect.poll(pausedSites).toEqual([...SITES].sort());
    const host = new URL(sample).hostname;
    const page = await steadfast.app.context.newPage();
    await expectPaused(page, steadfast.server, sample, host);
    await expect.poll(() => page.locator('.paused-site').innerText()).toContain(`(from your list “${name}”)`);

    // Without the list the same address reaches the test server: the 0 above was the list's doing.
    await removeListThroughPage(name);
    await expectLoads(page, steadfast.server, sample, host);
    await page.close();
  });

  test('a list in none of these formats changes nothing and says why', async () => {
    await steadfast.options.bringToFront();
    await steadfast.options.getByLabel('Paste a list of sites').fill('{"sites": ["k-market.test"]}\n<html>');
    await steadfast.options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => steadfast.options.locator('#import-list [role="alert"]').innerText())
      .toMatch(/^No sites could be read from that list, so nothing was added\. 2 lines were skipped because they are not whole sites: line 1 /);
    expect(await pausedSites()).toEqual([]);
    await steadfast.options.getByLabel('Paste a list of sites').fill('');
  });
});

test('a site with `_` typed into the single-site field is paused; Chrome accepts it in requestDomains', async () => {
  const page = await steadfast.app.context.newPage();
  await expectLoads(page, steadfast.server, 'http://my_trigger.test/', 'my_trigger.test');
  steadfast.server.reset();
  await addTriggerThroughOptions(steadfast.app, 'https://My_Trigger.test/some/page', steadfast.options);
  await steadfast.options.locator('.trigger-list li', { hasText: 'my_trigger.test' }).waitFor();
  await expect.poll(pausedDomains).toContain('my_trigger.test');
  // The tab already open on it moves to the pause page, as for any trigger site.
  await page.waitForURL((u) => u.pathname === '/pause.html');
  await expectPaused(page, steadfast.server, 'http://my_trigger.test/again', 'my_trigger.test');
  await expectPaused(page, steadfast.server, 'http://sub.my_trigger.test/', 'my_trigger.test');
  await page.close();
});
