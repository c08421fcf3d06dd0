import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildTriggerRules } from '../../lib/blocking/build-rules';
import { pauseOpenTabsWhere } from '../../lib/blocking/pause-open-tabs';
import { SITE_BLOCK_RULE_ID, SITE_RULE_ID } from '../../lib/blocking/rule-ids';
import { syncTriggerRules } from '../../lib/blocking/sync-rules';
import { ListIndex, listsCover, listTriggersFor, type Blocklist } from '../../lib/triggers/blocklist';
import { blocklistsItem, MAX_LISTS_BYTES, planImport, storedBytes } from '../../lib/triggers/blocklist-item';
import { importList } from '../../lib/triggers/edits';
import { MAX_LIST_DOMAINS, parseList, skippedSummary, type ParsedList } from '../../lib/triggers/parse-list';
import { matchTrigger } from '../../lib/triggers/match-trigger';
import { parseTrigger } from '../../lib/triggers/parse-trigger';
import type { Trigger } from '../../lib/triggers/trigger';
import { triggerListItem } from '../../lib/triggers/trigger-list';
import { FakeDynamicRules } from '../fakes/dnr';

const PAUSE = 'chrome-extension://abc/pause.html';

function parsed(text: string): ParsedList {
  const result = parseList(text);
  if (!result.ok) throw new Error(result.message);
  return result;
}

const site = (host: string, mode: Trigger['mode'] = 'pause'): Trigger => ({ id: host, kind: 'site', mode, display: host, host, addedAt: 0 });
const list = (id: string, domains: string[], mode: Blocklist['mode'] = 'pause', name = id): Blocklist => ({ id, name, mode, addedAt: 5, domains });

describe('parseList reads', () => {
  test.each([
    ['one site a line', 'example.com\nexample.org', ['example.com', 'example.org']],
    ['upper case, trailing dots, www.', 'EXAMPLE.COM\nexample.org.\nwww.example.net', ['example.com', 'example.org', 'example.net']],
    ['international names, as punycode', 'bücher.de\nWWW.Bücher.ch', ['xn--bcher-kva.de', 'xn--bcher-kva.ch']],
    ['pasted links, as their site', 'https://www.example.com/page?x=1#top\nhttp://example.org:8080/', ['example.com', 'example.org']],
    ['wildcards, as the site and its subdomains', '*.example.com', ['example.com']],
    ['comments, whole-line and trailing, and blank lines', '# A list\n\n  example.com   # trailing\n\t\n#example.org\n', ['example.com']],
    ['Windows and old Mac line ends, and a byte-order mark', '\uFEFFa.com\r\nb.com\rc.com', ['a.com', 'b.com', 'c.com']],
    [
      'hosts-file lines',
      '0.0.0.0 a.com\n127.0.0.1\tb.com\n::1 c.com\n0.0.0.0 d.com e.com  f.com # three',
      ['a.com', 'b.com', 'c.com', 'd.com', 'e.com', 'f.com'],
    ],
    ['a hosts line to any address', '10.0.0.2 router.example', ['router.example']],
  ])('%s', (_, text, domains) => {
    const result = parsed(text);
    expect(result.domains).toEqual(domains);
    expect(result.skippedCount).toBe(0);
  });

  test.each([
    ['localhost'],
    ['127.0.0.1 localhost\n127.0.0.1 localhost.localdomain\n127.0.0.1 local'],
    ['255.255.255.255 broadcasthost'],
    ['::1 localhost ip6-localhost ip6-loopback\nfe80::1%lo0 localhost\nff00::0 ip6-localnet\nff02::1 ip6-allnodes'],
    ['0.0.0.0'],
    ['0.0.0.0 0.0.0.0'],
    ['LOCALHOST.'],
  ])('skips what is this computer or the network, without a word: %j', (text) => {
    expect(parsed(text)).toMatchObject({ ok: true, domains: [], repeated: 0, skipped: [], skippedCount: 0 });
  });

  test('counts repeats, and sites inside another site of the list, once', () => {
    const result = parsed('m.a.com\na.com\nA.com\nwww.a.com\nx.a.com\nb.com\n0.0.0.0 b.com');
    expect(result.domains).toEqual(['a.com', 'b.com']);
    expect(result.repeated).toBe(5);
  });
});

describe('parseList skips lines that are not sites, with their line numbers', () => {
  test.each([
    ['exa mple', 'exa mple', /space/],
    ['exa!mple.com', 'exa!mple.com', /“!”/],
    ['example', 'example', /needs its ending/],
    ['example.com/forum', 'example.com/forum', /whole sites only, such as example\.com/],
    ['93.184.216.34', '93.184.216.34', /by name/],
    ['ftp://example.com', 'ftp://example.com', /web sites \(http and https\) only/],
    ['-bad-.com', '-bad-.com', /hyphen/],
  ])('%j', (line, text, reason) => {
    const result = parsed(`good.com\n# comment\n${line}\nother.com`);
    expect(result.domains).toEqual(['good.com', 'other.com']);
    expect(result.skippedCount).toBe(1);
    expect(result.skipped[0]).toMatchObject({ line: 3, text });
    expect(result.skipped[0]!.reason).toMatch(reason);
  });

  test('a hosts line keeps its good names and reports the bad one', () => {
    const result = parsed('0.0.0.0 good.com bad!host.com also.com');
    expect(result.domains).toEqual(['good.com', 'also.com']);
    expect(result.skipped).toMatchObject([{ line: 1, text: 'bad!host.com' }]);
  });

  test('names the first 20 and counts the rest', () => {
    const lines = Array.from({ length: 25 }, (_, i) => `bad${i} line`);
    const result = parsed(['ok.com', ...lines].join('\n'));
    expect(result.skipped).toHaveLength(20);
    expect(result.skippedCount).toBe(25);
    expect(result.skipped[0]!.line).toBe(2);
    const summary = skippedSummary(result);
    expect(summary).toMatch(/^25 lines were skipped because they are not whole sites: line 2 “bad0 line”, line 3 “bad1 line”, /);
    expect(summary).toMatch(/line 21 “bad19 line” and 5 more\.$/);
  });

  test('echoes hostile lines safely and briefly', () => {
    const result = parsed(`\u202Eevil\u202C.com\n${'x'.repeat(500)} y`);
    expect(result.skipped[0]!.text).not.toMatch(/[\u202E\u202C]/);
    expect(Array.from(result.skipped[1]!.text).length).toBeLessThanOrEqual(60);
  });

  test('one skipped line reads as one', () => {
    expect(skippedSummary(parsed('a.com\nexa mple'))).toBe('1 line was skipped because it is not a whole site: line 2 “exa mple”.');
    expect(skippedSummary(parsed('x y\na.com\nz w'))).toBe('2 lines were skipped because they are not whole sites: line 1 “x y” and line 3 “z w”.');
  });
});

describe('parseList limits', () => {
  test('takes exactly the limit', () => {
    const text = Array.from({ length: MAX_LIST_DOMAINS }, (_, i) => `site${i}.test`).join('\n');
    const result = parsed(text);
    expect(result.domains).toHaveLength(MAX_LIST_DOMAINS);
    expect(result.domains.at(-1)).toBe(`site${MAX_LIST_DOMAINS - 1}.test`);
  });

  test('refuses a list over the limit as a whole, saying how many it has', () => {
    const result = parseList('a.com\nb.com\nc.com\nd.com\nd.com', 3);
    expect(result).toEqual({
      ok: false,
      message: 'That list has 4 sites, and Steadfast takes up to 3 in one list. Split it into smaller lists and import each one. Nothing was added',
    });
    const big = parseList(Array.from({ length: MAX_LIST_DOMAINS + 1 }, (_, i) => `s${i}.test`).join('\n'));
    expect(big.ok ? '' : big.message).toMatch(/^That list has 100,001 sites, and Steadfast takes up to 100,000 in one list/);
  });

  test('refuses text far too large to be a list', () => {
    const result = parseList('a'.repeat(33 * 1024 * 1024));
    expect(result.ok).toBe(false);
  });
});

describe('planImport', () => {
  const request = (text: string, name = 'Gambling list') => ({ text, name, mode: 'block' as const });

  test('keeps every site of the list, and counts those already paused in the summary', () => {
    const result = planImport(
      request('example.com\nm.example.com\nx.com\nnew.com\nnew.com\nexa mple'),
      [site('example.com')],
      [list('old', ['x.com'])],
      7,
      () => 'id-1',
    );
    expect(result).toEqual({
      ok: true,
      list: { id: 'id-1', name: 'Gambling list', mode: 'block', addedAt: 7, domains: ['example.com', 'x.com', 'new.com'] },
      message:
        'Added 1 site from “Gambling list”. It was read as a list of sites, one a line. ' +
        '4 sites were already in your trigger sites or lists, or repeated, and count once. ' +
        '1 line was skipped because it is not a whole site: line 6 “exa mple”.',
    });
  });

  test('sites inside a trigger site count as already there', () => {
    const result = planImport(request('m.example.com\nb.com'), [site('example.com')], []);
    expect(result.ok && result.message).toBe(
      'Added 1 site from “Gambling list”. It was read as a list of sites, one a line. 1 site was already in your trigger sites or lists, or repeated, and counts once.',
    );
  });

  test('thousands are grouped as a person reads them', () => {
    const text = Array.from({ length: 1234 }, (_, i) => `s${i}.test`).join('\n');
    const result = planImport(request(text), [], []);
    expect(result.ok && result.message).toBe('Added 1,234 sites from “Gambling list”. It was read as a list of sites, one a line.');
  });

  test('a list whose sites are all paused already is still kept', () => {
    const result = planImport(request('a.com'), [site('a.com')], []);
    expect(result).toMatchObject({
      ok: true,
      message: 'Saved “Gambling list”. Its sites were all in your trigger sites or lists already. It was read as a list of sites, one a line.',
    });
  });

  test.each([
    ['', 'That list is empty. Paste one site a line, for example example.com'],
    ['# only a comment\n127.0.0.1 localhost', 'That list is empty. Paste one site a line, for example example.com'],
    ['exa mple', 'No sites could be read from that list, so nothing was added. 1 line was skipped because it is not a whole site: line 1 “exa mple”.'],
  ])('nothing to add: %j', (text, message) => {
    expect(planImport(request(text), [], [])).toEqual({ ok: false, message });
  });

  test('a list gets a name even when none was given, tidied and safe to show', () => {
    const named = (name: string) => {
      const result = planImport(request('a.com', name), [], [list('x', ['b.com'])]);
      return result.ok ? result.list.name : '';
    };
    expect(named('   ')).toBe('List 2');
    expect(named('  Drug   markets\n')).toBe('Drug markets');
    expect(named('\u202Eevil')).toBe('\uFFFDevil');
  });

  test('refuses what would not fit the browser storage, changing nothing', () => {
    const huge = list(
      'huge',
      Array.from({ length: 80_000 }, (_, i) => `${'x'.repeat(90)}${i}.test`),
    );
    expect(storedBytes(huge)).toBeGreaterThan(MAX_LISTS_BYTES);
    const result = planImport(request('a.com'), [], [huge]);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/more room than the browser gives Steadfast/) });
  });
});

describe('importList (storage)', () => {
  /** The time from the trusted clock, as the extension gives it (its own storage writes are not counted here). */
  const trusted = { now: async () => Date.UTC(2026, 5, 1) };
  test('adds the list in one write, beside the lists already there', async () => {
    await blocklistsItem.setValue([list('old', ['old.com'])]);
    await triggerListItem.setValue([site('t.com')]);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const result = await importList({ text: 'a.com\nb.com\nt.com', name: 'New', mode: 'pause' }, trusted);
    expect(result.ok && result.message).toBe(
      'Added 2 sites from “New”. It was read as a list of sites, one a line. 1 site was already in your trigger sites or lists, or repeated, and counts once.',
    );
    // One write carries the lists (the trusted clock may record the time it read, apart).
    expect(set.mock.calls.filter(([items]) => 'blocklists' in items)).toHaveLength(1);
    const stored = await blocklistsItem.getValue();
    expect(stored.map((l) => [l.name, l.mode, l.domains])).toEqual([
      ['old', 'pause', ['old.com']],
      ['New', 'pause', ['a.com', 'b.com', 't.com']],
    ]);
    set.mockRestore();
  });

  test('over the limit, nothing changes', async () => {
    await blocklistsItem.setValue([list('old', ['old.com'])]);
    const text = Array.from({ length: MAX_LIST_DOMAINS + 1 }, (_, i) => `s${i}.test`).join('\n');
    const result = await importList({ text, name: 'Too big', mode: 'block' });
    expect(result.ok).toBe(false);
    expect((await blocklistsItem.getValue()).map((l) => l.id)).toEqual(['old']);
  });

  test('a failed write (out of room) says so', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const result = await importList({ text: 'a.com', name: 'x', mode: 'pause' }, trusted);
    set.mockRestore();
    expect(result).toEqual({
      ok: false,
      message: 'The browser could not store that list: it may be out of room. Nothing was added',
    });
  });

  test('a fresh install has no lists', async () => {
    expect(await blocklistsItem.getValue()).toEqual([]);
  });
});

describe('list domains match as requestDomains do', () => {
  const lists = [list('p', ['example.com', 'shop.test']), list('b', ['shop.test', 'evil.test'], 'block', 'Hard list')];
  const index = new ListIndex(lists);

  test.each([
    ['http://example.com/', true],
    ['https://a.b.example.com/x?y', true],
    ['http://EXAMPLE.com./', true],
    ['http://notexample.com/', false],
    ['http://example.com.other.test/', false],
    ['http://com/', false],
    ['ftp://example.com/', false],
    ['not a url', false],
  ])('%s → %s', (url, covered) => {
    expect(listsCover(url, index)).toBe(covered);
    expect(listTriggersFor(url, lists).length > 0).toBe(covered);
  });

  test('each list that covers a site stands in as a site trigger, Block first', () => {
    const expected = [
      { id: 'list:b', kind: 'site', mode: 'block', display: 'shop.test', host: 'shop.test', addedAt: 5, listName: 'Hard list' },
      { id: 'list:p', kind: 'site', mode: 'pause', display: 'shop.test', host: 'shop.test', addedAt: 5, listName: 'p' },
    ];
    expect(listTriggersFor('https://m.shop.test/', index)).toEqual(expected);
    expect(listTriggersFor('https://m.shop.test/', lists)).toEqual(expected);
    expect(index.size).toBe(3);
  });

  test('a host name with `_` is matched like any other (issue 22)', () => {
    const underscored = [list('u', ['pills_direct.test', '_dmarc.x.test'])];
    const byIndex = new ListIndex(underscored);
    for (const [url, covered] of [
      ['http://pills_direct.test/', true],
      ['https://m.pills_direct.test/a', true],
      ['http://PILLS_DIRECT.test./', true],
      ['http://_dmarc.x.test/', true],
      ['http://pillsdirect.test/', false],
      ['http://pills-direct.test/', false],
      ['http://x.test/', false],
    ] as const) {
      expect([url, listsCover(url, byIndex), listTriggersFor(url, underscored).length > 0]).toEqual([url, covered, covered]);
    }
  });

  // How fast it is belongs to bench:big-list (BENCHMARKS.md), not to a timed test on a shared machine.
  test('lookups in 100,000 domains find every listed site and its subdomains, and nothing else', () => {
    const big = new ListIndex([
      list(
        'big',
        Array.from({ length: 100_000 }, (_, i) => `site${i}.test`),
      ),
    ]);
    const missed = Array.from({ length: 10_000 }, (_, i) => `https://www.site${i * 10}.test/page`).filter((url) => !listsCover(url, big));
    expect(missed).toEqual([]);
    expect(listsCover('https://notsite5.test/', big)).toBe(false);
    expect(listsCover('https://site5.test.evil.test/', big)).toBe(false);
    expect(listsCover('https://site99999.test/', big)).toBe(true);
    expect(listsCover('https://site100000.test/', big)).toBe(false);
  });
});

describe('rules with lists', () => {
  test('list domains join the site rule of their mode, each once with the site triggers', async () => {
    const { rules } = await buildTriggerRules([site('a.com'), site('b.com', 'block')], PAUSE, [
      list('1', ['a.com', 'c.com']),
      list('2', ['c.com', 'd.com']),
      list('3', ['b.com', 'e.com'], 'block'),
    ]);
    expect(rules.map((r) => [r.id, r.condition.requestDomains])).toEqual([
      [SITE_RULE_ID, ['a.com', 'c.com', 'd.com']],
      [SITE_BLOCK_RULE_ID, ['b.com', 'e.com']],
    ]);
  });

  test('a site with `_`, from a list or the single-site field, is in the site rule as written', async () => {
    const field = parseTrigger('https://My_Site.test/page', []);
    if (!field.ok) throw new Error(field.message);
    expect(matchTrigger('http://www.my_site.test/x', [field.trigger])).toBe(field.trigger);
    const { rules } = await buildTriggerRules([field.trigger], PAUSE, [list('1', parsed('0.0.0.0 pills_direct.test\n||a_b.test^').domains)]);
    expect(rules.map((r) => r.condition.requestDomains)).toEqual([['my_site.test', 'pills_direct.test', 'a_b.test']]);
  });

  test('lists alone make a rule; no lists, no change', async () => {
    expect((await buildTriggerRules([], PAUSE, [list('1', ['x.com'], 'block')])).rules.map((r) => r.id)).toEqual([SITE_BLOCK_RULE_ID]);
    expect(await buildTriggerRules([site('a.com')], PAUSE)).toEqual(await buildTriggerRules([site('a.com')], PAUSE, []));
  });

  test('100,000 list domains make one rule, in one atomic update', async () => {
    const domains = Array.from({ length: 100_000 }, (_, i) => `site${i}.test`);
    const dnr = new FakeDynamicRules();
    await syncTriggerRules([site('a.com')], PAUSE, dnr, [list('big', domains)]);
    expect(dnr.updates).toBe(1);
    expect(dnr.rules).toHaveLength(1);
    expect(dnr.rules[0]!.condition.requestDomains).toHaveLength(100_001);
    await syncTriggerRules([site('a.com')], PAUSE, dnr, []);
    expect(dnr.rules[0]!.condition.requestDomains).toEqual(['a.com']);
  });
});

test('tabs already open on a site of a new list move to the pause page', async () => {
  const index = new ListIndex([list('1', ['shop.test'])]);
  const update = vi.fn(async () => undefined);
  const query = async () => [
    { id: 1, url: 'https://m.shop.test/cart' },
    { id: 2, url: 'https://other.test/' },
    { id: 3, url: undefined },
  ];
  const moved = await pauseOpenTabsWhere((url) => listsCover(url, index), { query, update } as never, PAUSE);
  expect(moved).toBe(1);
  expect(update).toHaveBeenCalledWith(1, { url: `${PAUSE}#https://m.shop.test/cart` });
});
