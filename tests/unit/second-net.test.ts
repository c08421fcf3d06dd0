import { describe, expect, test } from 'vitest';
import { buildAllowRule } from '../../lib/blocking/allowance';
import type { Tabs } from '../../lib/blocking/pause-open-tabs';
import { belongsOnPausePage, secondNet, type TriggerLookup } from '../../lib/blocking/second-net';
import { ListIndex, type Blocklist } from '../../lib/triggers/blocklist';
import type { Trigger } from '../../lib/triggers/trigger';
import { FakeSessionRules } from '../fakes/session-rules';

const PAUSE = 'chrome-extension://abc/pause.html';
const site = (host: string, mode: Trigger['mode'] = 'pause'): Trigger => ({ id: host, kind: 'site', mode, display: host, host, addedAt: 0 });
const path = (host: string, p: string, mode: Trigger['mode'] = 'pause'): Trigger => ({
  id: host + p,
  kind: 'path',
  mode,
  display: host + p,
  host,
  path: p,
  addedAt: 0,
});
const keyword = (words: string): Trigger => ({ id: words, kind: 'keyword', mode: 'pause', display: words, host: '', keyword: words, addedAt: 0 });
const list = (domains: string[], mode: Trigger['mode'] = 'pause'): Blocklist => ({ id: 'l', name: 'A list', mode, addedAt: 0, domains });

const lookup = (triggers: Trigger[], lists: Blocklist[] = []): TriggerLookup => ({ triggers, lists: new ListIndex(lists) });

/** Open tabs in memory; `update` moves a tab, as the browser would. */
class FakeTabs implements Tabs {
  updates: [number, string][] = [];
  constructor(public open: { id?: number; url?: string }[] = []) {}
  async query() {
    return structuredClone(this.open);
  }
  async update(tabId: number, { url }: { url: string }) {
    this.updates.push([tabId, url]);
    const tab = this.open.find((t) => t.id === tabId);
    if (tab) tab.url = url;
    return tab;
  }
}

function net(triggers: Trigger[], { tabs = new FakeTabs(), rules = new FakeSessionRules(), lists = [] as Blocklist[] } = {}) {
  let lookups = 0;
  let sessionReads = 0;
  const sessionRules = {
    getSessionRules: () => {
      sessionReads += 1;
      return rules.getSessionRules();
    },
  };
  const subject = secondNet(
    async () => {
      lookups += 1;
      return lookup(triggers, lists);
    },
    { tabs, sessionRules, pauseUrl: PAUSE },
  );
  return { subject, tabs, rules, counts: () => ({ lookups, sessionReads }) };
}

describe('belongsOnPausePage', () => {
  const none: never[] = [];

  test.each([
    ['a path trigger reached in the page (pushState)', 'https://forum.test/late-night', [path('forum.test', '/late-night')]],
    ['a path trigger below it, any case', 'https://www.forum.test/Late-Night/thread?id=1', [path('forum.test', '/late-night')]],
    ['a keyword trigger in a query set with replaceState', 'https://search.test/?q=buy+ket', [keyword('buy ket')]],
    ['a site trigger', 'http://m.site.test/', [site('site.test')]],
  ])('pauses %s', (_name, url, triggers) => {
    expect(belongsOnPausePage(url, 1, lookup(triggers), none)).toBe(true);
  });

  test('pauses a copy of a trigger on a translation or archive service, unless the person turned that off', () => {
    const copy = 'https://forum-test.translate.goog/late-night?_x_tr_sl=auto';
    const triggers = [path('forum.test', '/late-night')];
    expect(belongsOnPausePage(copy, 1, lookup(triggers), none)).toBe(true);
    expect(belongsOnPausePage(copy, 1, { ...lookup(triggers), copies: false }, none)).toBe(false);
  });

  test('pauses every spelling of a path the rules catch', () => {
    for (const url of ['https://forum.test//late-night', 'https://forum.test/%6cate-night', 'https://forum.test/LATE-NIGHT;x=1']) {
      expect(belongsOnPausePage(url, 1, lookup([path('forum.test', '/late-night')]), none)).toBe(true);
    }
  });

  test('pauses a domain of an imported list, found in its index', () => {
    expect(belongsOnPausePage('https://a.shop.test/cart', 1, lookup([], [list(['shop.test'])]), none)).toBe(true);
    expect(belongsOnPausePage('https://notshop.test/', 1, lookup([], [list(['shop.test'])]), none)).toBe(false);
  });

  test.each([
    ['another path on the site', 'https://forum.test/daytime'],
    ['a longer name sharing the start', 'https://forum.test/late-nights'],
    ['another site', 'https://notforum.test/late-night'],
  ])('leaves %s alone', (_name, url) => {
    expect(belongsOnPausePage(url, 1, lookup([path('forum.test', '/late-night')]), none)).toBe(false);
  });

  test.each([
    ['its own pause page, which carries the address in its fragment', `${PAUSE}#https://site.test/`],
    ['its own pages in Firefox', 'moz-extension://0a1b/pause.html#https://site.test/'],
    ['a browser page', 'chrome://newtab/'],
    ['a page of source', 'view-source:https://site.test/'],
    ['a data: address', 'data:text/html,site.test buy ket'],
    ['no address at all', ''],
  ])('never acts on %s', (_name, url) => {
    expect(belongsOnPausePage(url, 1, lookup([site('site.test'), keyword('buy ket')]), none)).toBe(false);
  });

  test('a live "Continue anyway" lets that tab through to that host and its subdomains, and no other tab', () => {
    const rules = [buildAllowRule(10000, 7, 'site.test')];
    const known = lookup([site('site.test')]);
    expect(belongsOnPausePage('https://site.test/a', 7, known, rules)).toBe(false);
    expect(belongsOnPausePage('https://www.site.test/b', 7, known, rules)).toBe(false);
    expect(belongsOnPausePage('https://site.test/a', 8, known, rules)).toBe(true);
  });

  test('an allowance for another host, or a session rule that is not an allowance, lets nothing through', () => {
    const known = lookup([site('site.test'), site('other.test')]);
    expect(belongsOnPausePage('https://other.test/', 7, known, [buildAllowRule(10000, 7, 'site.test')])).toBe(true);
    const notAllowance = { ...buildAllowRule(10000, 7, 'site.test'), action: { type: 'block' as const } };
    expect(belongsOnPausePage('https://site.test/', 7, known, [notAllowance])).toBe(true);
    expect(belongsOnPausePage('https://site.test/', 7, known, [{ ...buildAllowRule(10000, 7, 'site.test'), id: 5 }])).toBe(true);
  });

  test('never lets a Block-mode trigger through, even with an allowance for the tab and host', () => {
    const rules = [buildAllowRule(10000, 7, 'site.test')];
    expect(belongsOnPausePage('https://site.test/x', 7, lookup([site('site.test'), path('site.test', '/x', 'block')]), rules)).toBe(true);
    expect(belongsOnPausePage('https://site.test/', 7, lookup([site('site.test')], [list(['site.test'], 'block')]), rules)).toBe(true);
  });
});

describe('secondNet', () => {
  test('moves a tab that reached a trigger to pause.html#<the address>', async () => {
    const { subject, tabs } = net([path('forum.test', '/late-night')]);
    expect(await subject.tabReached(4, 'https://forum.test/late-night?x=1&y=2#top')).toBe(true);
    expect(tabs.updates).toEqual([[4, `${PAUSE}#https://forum.test/late-night?x=1&y=2#top`]]);
  });

  test("a trigger opened in Firefox's Reader View (about:reader?url=…) moves to pause.html#<the address it shows>", async () => {
    const { subject, tabs } = net([path('forum.test', '/late-night')]);
    const shown = 'https://forum.test/late-night?x=1&y=2';
    expect(await subject.tabReached(4, `about:reader?url=${encodeURIComponent(shown)}`)).toBe(true);
    expect(tabs.updates).toEqual([[4, `${PAUSE}#${shown}`]]);
    // Reader View of a page that is no trigger, and reader addresses that show no web page, stay.
    expect(await subject.tabReached(5, `about:reader?url=${encodeURIComponent('https://forum.test/daytime')}`)).toBe(false);
    expect(await subject.tabReached(6, 'about:reader?url=javascript%3Aalert(1)')).toBe(false);
    expect(await subject.tabReached(7, 'about:reader')).toBe(false);
    expect(tabs.updates).toHaveLength(1);
  });

  test('an address that is no trigger is left alone without reading the allowances', async () => {
    const { subject, tabs, counts } = net([path('forum.test', '/late-night')]);
    expect(await subject.tabReached(4, 'https://forum.test/daytime')).toBe(false);
    expect(tabs.updates).toEqual([]);
    expect(counts()).toEqual({ lookups: 1, sessionReads: 0 });
  });

  test('never loops: the pause page it sends a tab to is not checked again', async () => {
    const { subject, tabs, counts } = net([site('site.test')]);
    await subject.tabReached(4, 'https://site.test/');
    const [[, pause]] = tabs.updates as [[number, string]];
    // The browser reports the tab's new address; the net does nothing with it, not even a lookup.
    expect(await subject.tabReached(4, pause)).toBe(false);
    expect(tabs.updates).toHaveLength(1);
    expect(counts().lookups).toBe(1);
  });

  test('one change reported twice while the tab is on its way moves it once', async () => {
    let release: () => void = () => undefined;
    const tabs = new FakeTabs();
    const slow: Tabs = {
      query: () => tabs.query(),
      update: async (id, props) => {
        await new Promise<void>((resolve) => (release = resolve));
        return tabs.update(id, props);
      },
    };
    const { subject } = net([site('site.test')], { tabs: slow as FakeTabs });
    const first = subject.tabReached(4, 'https://site.test/a');
    await expect.poll(() => subject.tabReached(4, 'https://site.test/a')).toBe(false);
    release();
    expect(await first).toBe(true);
    expect(tabs.updates).toHaveLength(1);
    // Once there, a later return to the trigger (Back) moves it again.
    const again = subject.tabReached(4, 'https://site.test/a');
    await expect.poll(() => (release(), tabs.updates.length)).toBe(2);
    expect(await again).toBe(true);
  });

  test('a sweep and a report of the same tab at the same time move it once', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const tabs = new FakeTabs([{ id: 4, url: 'https://site.test/a' }]);
    const slow: Tabs = { query: () => tabs.query(), update: async (id, props) => gate.then(() => tabs.update(id, props)) };
    const { subject } = net([site('site.test')], { tabs: slow as FakeTabs });
    const swept = subject.sweep();
    const reported = subject.tabReached(4, 'https://site.test/a');
    release();
    expect([await swept, await reported]).toEqual([1, false]);
    expect(tabs.updates).toHaveLength(1);
  });

  test('respects a live allowance for that tab, and pauses again once it is gone', async () => {
    const rules = new FakeSessionRules();
    await rules.updateSessionRules({ addRules: [buildAllowRule(10000, 4, 'site.test')] });
    const { subject, tabs } = net([site('site.test')], { rules });
    expect(await subject.tabReached(4, 'https://site.test/next')).toBe(false);
    expect(await subject.tabReached(5, 'https://site.test/next')).toBe(true);
    await rules.updateSessionRules({ removeRuleIds: [10000] });
    expect(await subject.tabReached(4, 'https://site.test/next')).toBe(true);
    expect(tabs.updates.map(([id]) => id)).toEqual([5, 4]);
  });

  test('a trigger added a moment ago counts: the lists are asked afresh each time', async () => {
    const triggers: Trigger[] = [];
    const tabs = new FakeTabs();
    const subject = secondNet(async () => lookup(triggers), { tabs, sessionRules: new FakeSessionRules(), pauseUrl: PAUSE });
    expect(await subject.tabReached(1, 'https://site.test/')).toBe(false);
    triggers.push(site('site.test'));
    expect(await subject.tabReached(1, 'https://site.test/')).toBe(true);
  });

  test('the sweep at start moves every open tab at a trigger (restored tabs), except one a live allowance lets through', async () => {
    const rules = new FakeSessionRules();
    await rules.updateSessionRules({ addRules: [buildAllowRule(10000, 3, 'forum.test')] });
    const tabs = new FakeTabs([
      { id: 1, url: 'https://forum.test/late-night/1' },
      { id: 2, url: 'https://forum.test/daytime' },
      { id: 3, url: 'https://forum.test/late-night/2' },
      { id: 4, url: 'https://shop.test/' },
      { id: 5, url: undefined },
      { id: 6, url: `${PAUSE}#https://forum.test/late-night` },
    ]);
    const { subject, counts } = net([path('forum.test', '/late-night')], { tabs, rules, lists: [list(['shop.test'])] });
    expect(await subject.sweep()).toBe(2);
    expect(tabs.updates).toEqual([
      [1, `${PAUSE}#https://forum.test/late-night/1`],
      [4, `${PAUSE}#https://shop.test/`],
    ]);
    expect(counts().sessionReads).toBe(1);
  });
});
