import { describe, expect, test } from 'vitest';
import { buildTriggerRules, type Rule } from '../../lib/blocking/build-rules';
import { EXTRA_RULE_FIRST_ID, KEYWORD_RULE_FIRST_ID, PATH_RULE_FIRST_ID, SITE_RULE_ID } from '../../lib/blocking/rule-ids';
import { syncTriggerRules, type DynamicRules } from '../../lib/blocking/sync-rules';
import { matchTrigger } from '../../lib/triggers/match-trigger';
import type { Trigger } from '../../lib/triggers/trigger';
import { FakeDynamicRules } from '../fakes/dnr';

const PAUSE = 'chrome-extension://abc/pause.html';

function site(host: string): Trigger {
  return { id: host, kind: 'site', mode: 'pause', display: host, host, addedAt: 0 };
}
function path(host: string, p: string): Trigger {
  return { id: host + p, kind: 'path', mode: 'pause', display: host + p, host, path: p, addedAt: 0 };
}

function keyword(words: string): Trigger {
  return { id: words, kind: 'keyword', mode: 'pause', display: words, host: '', keyword: words, addedAt: 0 };
}

async function rulesOf(triggers: Trigger[], options: { copies?: boolean } = {}) {
  return (await buildTriggerRules(triggers, PAUSE, [], options)).rules;
}

const compiled = new Map<string, RegExp>();

/**
 * Applies a rule the way declarativeNetRequest would: its hosts (ignoring the dot of a fully
 * qualified name, as Chromium does: tests/e2e/host-forms.test.ts), then its regex (case-insensitive here).
 */
function redirectOf(rule: Rule, url: string, { literal = false } = {}) {
  const hostname = new URL(url).hostname;
  // Firefox compares the host letter for letter (lib/blocking/literal-domains.ts).
  const host = literal ? hostname : hostname.replace(/\.$/, '');
  const domains = rule.condition.requestDomains;
  if (domains && !domains.some((domain) => host === domain || host.endsWith(`.${domain}`))) return undefined;
  const source = rule.condition.regexFilter ?? '';
  let regex = compiled.get(source);
  if (!regex) compiled.set(source, (regex = new RegExp(source, 'i')));
  const match = regex.exec(url);
  if (!match) return undefined;
  return rule.action.redirect?.regexSubstitution?.replace('\\1', match[1] ?? '');
}

describe('buildTriggerRules', () => {
  test('no triggers, no rules', async () => {
    expect(await rulesOf([])).toEqual([]);
  });

  test('all site triggers share one redirect rule, without duplicates', async () => {
    const rules = await rulesOf([site('example.com'), site('xn--bcher-kva.de'), site('example.com')]);
    expect(rules).toHaveLength(1);
    expect(rules[0]?.id).toBe(SITE_RULE_ID);
    expect(rules[0]?.condition.requestDomains).toEqual(['example.com', 'xn--bcher-kva.de']);
    expect(rules[0]?.condition.resourceTypes).toEqual(['main_frame', 'sub_frame']);
    expect(rules[0]?.action.type).toBe('redirect');
  });

  test('the redirect keeps the whole original URL, query and all, in the fragment', async () => {
    const [rule] = await rulesOf([site('example.com')]);
    const url = 'https://www.example.com/a?b=1&c=2#d';
    expect(redirectOf(rule!, url)).toBe(`${PAUSE}#${url}`);
  });

  test('path triggers share a packed rule that matches each path and below, not its neighbours', async () => {
    const rules = await rulesOf([site('a.com'), path('example.com', '/forum'), path('b.org', '/x.y')]);
    expect(rules.map((r) => r.id)).toEqual([SITE_RULE_ID, PATH_RULE_FIRST_ID, EXTRA_RULE_FIRST_ID]);
    const paths = rules[1]!;
    expect(paths.condition.requestDomains?.sort()).toEqual(['b.org', 'example.com']);
    expect(redirectOf(paths, 'https://m.example.com/forum')).toBe(`${PAUSE}#https://m.example.com/forum`);
    expect(redirectOf(paths, 'http://example.com:8080/Forum/t?id=1')).toBeDefined();
    expect(redirectOf(paths, 'https://example.com/forum?x')).toBeDefined();
    expect(redirectOf(paths, 'https://example.com/forums')).toBeUndefined();
    expect(redirectOf(paths, 'https://example.com/shop/forum')).toBeUndefined();
    // One host's path never pauses another host.
    expect(redirectOf(paths, 'https://b.org/forum')).toBeUndefined();
    expect(redirectOf(paths, 'https://example.com/x.y')).toBeUndefined();
    // A dot in a path is literal, not "any character".
    expect(redirectOf(paths, 'https://b.org/xzy')).toBeUndefined();
    expect(redirectOf(paths, 'https://b.org/x.y/z')).toBeDefined();
  });

  test.each([
    ['https://forum.test//forum', true],
    ['https://forum.test/FORUM', true],
    ['https://forum.test/forum;x=1', true],
    ['https://forum.test/forum/', true],
    ['https://forum.test/%66orum', true],
    ['https://forum.test/for%75m', true],
    ['https://forum.test/F%4FRUM', true],
    ['https://forum.test/forum%2Fx', true],
    ['https://user@forum.test:8443/forum', true],
    ['https://forum.test./forum', true],
    ['https://FORUM.TEST.:8443/forum/late', true],
    ['https://m.forum.test./forum', true],
    ['https://forum.test.other.test/forum', false],
    // The fully qualified name, which no browser writes by itself, pauses any path of a host with
    // path triggers, as letters hidden in %-codes do.
    ['https://forum.test./daytime', true],
    ['https://other.test./forum', false],
    ['https://forum.test/forums', false],
    ['https://forum.test/foru', false],
    ['https://forum.test/shop/forum', false],
    ['https://forum.test/shop?go=/forum', false],
    ['https://forum.test/caf%C3%A9', false],
    ['https://forum.test/a%20b', false],
    ['https://other.test/%66orum', false],
    ['https://notforum.test/forum', false],
  ])('address form %s is paused: %s, by the rules and the pure matcher alike', async (url, paused) => {
    const trigger = path('forum.test', '/forum');
    const rules = await rulesOf([trigger]);
    expect(rules.some((rule) => redirectOf(rule, url) !== undefined)).toBe(paused);
    expect(matchTrigger(url, [trigger]) !== undefined).toBe(paused);
  });

  test('where the browser compares hosts letter for letter (Firefox), every rule also names each host with its trailing dot', async () => {
    const triggers = [site('example.com'), path('forum.test', '/forum')];
    const urls = [
      'https://example.com./',
      'https://m.example.com./a',
      'https://forum.test./forum',
      'https://forum.test./%66orum',
      'https://web.archive.org./web/2/https://example.com/',
    ];
    const literal = await buildTriggerRules(triggers, PAUSE, [], { copies: true, literalDomains: true });
    const plain = await buildTriggerRules(triggers, PAUSE, [], { copies: true, literalDomains: false });
    for (const url of urls) {
      expect(
        literal.rules.some((rule) => redirectOf(rule, url, { literal: true }) !== undefined),
        url,
      ).toBe(true);
      // Without it, such a browser lets the address through: the case this option exists for.
      expect(
        plain.rules.some((rule) => redirectOf(rule, url, { literal: true }) !== undefined),
        url,
      ).toBe(false);
    }
    // A name that merely ends like a trigger is still not one.
    expect(literal.rules.some((rule) => redirectOf(rule, 'https://notexample.com./', { literal: true }) !== undefined)).toBe(false);
    expect(literal.rules[0]?.condition.requestDomains).toEqual(['example.com', 'example.com.']);
  });

  test('letters hidden in %-codes are paused on a host with path triggers, even outside them (the rules cannot decode)', async () => {
    const forum = path('forum.test', '/forum');
    const rules = await rulesOf([forum]);
    for (const [url, paused] of [
      ['https://forum.test/%73hop', true],
      ['https://www.forum.test/a/%7Ex', true],
      ['https://forum.test/caf%C3%A9', false],
      ['https://other.test/%73hop', false],
    ] as const) {
      expect(
        rules.some((rule) => redirectOf(rule, url) !== undefined),
        url,
      ).toBe(paused);
      // The pure matcher agrees, and names the host's path trigger (for the pause page and "Continue").
      expect(matchTrigger(url, [forum]), url).toBe(paused ? forum : undefined);
    }
  });

  test.each([
    ['https://example-com.translate.goog/?_x_tr_sl=auto', 'example.com', true],
    ['https://www-example-com.translate.goog/a', 'example.com', true],
    ['https://my--site-example-com.translate.goog/', 'example.com', true],
    ['https://b--example-com.translate.goog/', 'example.com', false],
    ['https://notexample-com.translate.goog/', 'example.com', false],
    ['https://my--site-com.translate.goog/', 'my-site.com', true],
    ['https://web.archive.org/web/20240101000000/https://www.example.com/x', 'example.com', true],
    ['https://web.archive.org/web/2024*/example.com', 'example.com', true],
    ['https://web.archive.org/web/2/http://example.com:80/', 'example.com', true],
    ['https://web.archive.org./web/2/https://example.com/', 'example.com', true],
    ['https://archive.ph.:443/newest/https://example.com/', 'example.com', true],
    ['https://web.archive.org/web/2/https://example.com.evil.test/', 'example.com', false],
    ['https://web.archive.org/web/2/https://notexample.com/', 'example.com', false],
    ['https://archive.ph/newest/https://example.com/', 'example.com', true],
    ['https://archive.today/https://example.com', 'example.com', true],
    ['https://archive.ph/o/AbCd/https://m.example.com/a', 'example.com', true],
    ['https://archive.ph/AbCd1', 'example.com', false],
    ['https://archive.ph/https://notexample.com/', 'example.com', false],
    ['https://translate.google.com/?sl=auto&u=example.com', 'example.com', false],
    ['https://example-com.cdn.ampproject.org/c/s/example.com/a', 'example.com', true],
    ['https://www-example-com.cdn.ampproject.org/v/s/www.example.com/a?amp_js_v=0.1', 'example.com', true],
    ['https://example-com.cdn.ampproject.org/i/example.com/x.jpg', 'example.com', true],
    ['https://example-com.bing-amp.com/c/s/example.com/', 'example.com', true],
    ['https://x.cdn.ampproject.org/c/s/notexample.com/', 'example.com', false],
    ['https://x.cdn.ampproject.org/c/s/example.com.evil.test/', 'example.com', false],
    ['https://cdn.ampproject.org/v0.js', 'example.com', false],
  ])('copy %s of %s is paused: %s', async (url, host, paused) => {
    const trigger = site(host);
    const rules = await rulesOf([trigger], { copies: true });
    expect(rules.some((rule) => redirectOf(rule, url) !== undefined)).toBe(paused);
    expect(matchTrigger(url, [trigger]) !== undefined).toBe(paused);
    // With the setting off, neither the rules nor the matcher pause a copy.
    expect((await rulesOf([trigger])).some((rule) => redirectOf(rule, url) !== undefined)).toBe(false);
    expect(matchTrigger(url, [trigger], { copies: false })).toBeUndefined();
  });

  test('copies of a path trigger cover that path only', async () => {
    const trigger = path('forum.test', '/forum');
    const rules = await rulesOf([trigger], { copies: true });
    for (const [url, paused] of [
      ['https://forum-test.translate.goog/forum/x?_x_tr_sl=auto', true],
      ['https://forum-test.translate.goog/shop', false],
      ['https://web.archive.org/web/2024/https://forum.test/forum', true],
      ['https://web.archive.org/web/2024/https://forum.test/forums', false],
    ] as const) {
      expect(
        rules.some((rule) => redirectOf(rule, url) !== undefined),
        url,
      ).toBe(paused);
      expect(matchTrigger(url, [trigger]) !== undefined, url).toBe(paused);
    }
  });
});

describe('syncTriggerRules', () => {
  test('replaces the trigger rules in one update, and changes nothing when they already hold', async () => {
    const dnr = new FakeDynamicRules();
    await syncTriggerRules([site('a.com'), path('b.com', '/x')], PAUSE, dnr);
    await syncTriggerRules([site('a.com'), path('b.com', '/x')], PAUSE, dnr);
    expect(dnr.rules.map((r) => r.id)).toEqual([SITE_RULE_ID, PATH_RULE_FIRST_ID, EXTRA_RULE_FIRST_ID]);
    expect(dnr.updates).toBe(1);

    await syncTriggerRules([site('c.com')], PAUSE, dnr);
    expect(dnr.rules).toHaveLength(1);
    expect(dnr.rules[0]?.condition.requestDomains).toEqual(['c.com']);

    await syncTriggerRules([], PAUSE, dnr);
    expect(dnr.rules).toEqual([]);
  });

  test('leaves rules outside the trigger ranges alone', async () => {
    const dnr = new FakeDynamicRules();
    const foreign = { id: 5000, priority: 1, action: { type: 'block' as const }, condition: { urlFilter: 'x' } };
    dnr.rules = [foreign];
    await syncTriggerRules([site('a.com')], PAUSE, dnr);
    expect(dnr.rules.map((r) => r.id).sort()).toEqual([SITE_RULE_ID, 5000]);
  });

  test('heals: rules removed or changed behind its back come back, and only they are touched', async () => {
    const dnr = new FakeDynamicRules();
    const triggers = [site('a.com'), path('b.com', '/x'), keyword('buy ket')];
    await syncTriggerRules(triggers, PAUSE, dnr);
    const whole = structuredClone(dnr.rules);
    // Removed by someone else (another extension, a profile tool, developer tools).
    await dnr.updateDynamicRules({ removeRuleIds: [SITE_RULE_ID, KEYWORD_RULE_FIRST_ID] });
    // And one quietly weakened.
    const weakened = {
      ...whole.find((r) => r.id === PATH_RULE_FIRST_ID)!,
      condition: { ...whole.find((r) => r.id === PATH_RULE_FIRST_ID)!.condition, regexFilter: '^(nothing)$' },
    };
    await dnr.updateDynamicRules({ removeRuleIds: [PATH_RULE_FIRST_ID], addRules: [weakened] });
    // A stray rule in Steadfast's range that the list does not ask for.
    await dnr.updateDynamicRules({ addRules: [{ ...whole[0]!, id: 2999 }] });
    const before = dnr.updates;
    expect(await syncTriggerRules(triggers, PAUSE, dnr)).toEqual([]);
    expect(dnr.updates).toBe(before + 1);
    expect(dnr.rules.sort((a, b) => a.id - b.id)).toEqual(whole.sort((a, b) => a.id - b.id));
  });

  test('2,000 path triggers and 2,000 keyword triggers all hold, packed far under the limit of regex rules', async () => {
    const dnr = new FakeDynamicRules();
    const paths = Array.from({ length: 2000 }, (_, i) => path(`site${i % 40}.test`, `/topic-${i}`));
    const keywords = Array.from({ length: 2000 }, (_, i) => keyword(`word${i}`));
    expect(await syncTriggerRules([...paths, ...keywords], PAUSE, dnr)).toEqual([]);
    const regexRules = dnr.rules.filter((r) => r.condition.regexFilter !== undefined);
    // The triggers' own rules; the words' hidden spellings (an optional second net) take what room is left.
    const own = regexRules.filter((r) => r.id < EXTRA_RULE_FIRST_ID);
    expect(own.length).toBeLessThan(dnr.MAX_NUMBER_OF_REGEX_RULES);
    expect(regexRules.length).toBeLessThanOrEqual(dnr.MAX_NUMBER_OF_REGEX_RULES);
    console.info(`2,000 path + 2,000 keyword triggers → ${own.length} rules, ${regexRules.length} with hidden spellings (${dnr.checks} checks)`);
    for (const trigger of paths) {
      expect(dnr.rules.some((rule) => redirectOf(rule, `https://www.${trigger.host}${trigger.path}/page`))).toBe(true);
    }
    for (const trigger of keywords) {
      expect(dnr.rules.some((rule) => redirectOf(rule, `https://search.test/?q=${trigger.keyword}`))).toBe(true);
    }
    expect(dnr.rules.some((rule) => redirectOf(rule, 'https://search.test/?q=word20000'))).toBe(false);
  }, 60_000);

  test.each([
    ['https://search.test/?q=k%65tamine', true],
    ['https://search.test/?q=%4B%45%54%41MINE', true],
    ['https://search.test/?q=buy+k%65t', false],
    ['https://search.test/?q=buy%2Dket%5Fnow', true],
    ['https://search.test/?q=buy%2eket%2Enow', true],
    ['https://search.test/%6Betamine/shop', true],
    // A %-code next to a word is a boundary, for hidden and plain words alike.
    ['https://search.test/?q=k%65tamine%73', true],
    ['https://search.test/?q=%6Betchup', false],
    ['https://search.test/?q=k%2565tamine', false],
  ])('trigger words with letters hidden in codes: %s is paused: %s, by the rules and the pure matcher alike', async (url, paused) => {
    const words = [keyword('ketamine'), keyword('buy ket now')];
    const rules = await rulesOf(words);
    expect(rules.some((rule) => redirectOf(rule, url) !== undefined)).toBe(paused);
    expect(matchTrigger(url, words) !== undefined).toBe(paused);
  });

  test('a phrase with hidden letters is paused, and a hidden spelling the browser refuses takes no word out of force', async () => {
    const phrase = keyword('buy ket');
    expect((await rulesOf([phrase])).some((rule) => redirectOf(rule, 'https://x.test/?q=b%75y+k%45t') !== undefined)).toBe(true);
    // Room for the plain pattern, not for the hidden spelling: the word holds and nothing is reported.
    const dnr = new FakeDynamicRules({ maxRegexLength: 120 });
    expect(await syncTriggerRules([phrase], PAUSE, dnr)).toEqual([]);
    expect(dnr.rules.some((rule) => redirectOf(rule, 'https://x.test/?q=buy+ket'))).toBe(true);
    expect(dnr.rules.some((rule) => redirectOf(rule, 'https://x.test/?q=b%75y+k%45t'))).toBe(false);
  });

  test('one over-long pattern is named and never stops the others', async () => {
    const dnr = new FakeDynamicRules();
    const long = path('a.test', `/${'x'.repeat(200)}`);
    const short = path('a.test', '/forum');
    const notInForce = await syncTriggerRules([long, short, keyword('buy ket')], PAUSE, dnr);
    expect(notInForce).toEqual([{ id: long.id, display: long.display, part: 'trigger', reason: 'pattern' }]);
    expect(dnr.rules.some((rule) => redirectOf(rule, 'https://a.test/forum'))).toBe(true);
    expect(dnr.rules.some((rule) => redirectOf(rule, 'https://x.test/?q=buy+ket'))).toBe(true);
  });

  test('when the limit of regex rules is reached, the triggers left out are named', async () => {
    const dnr = new FakeDynamicRules({ maxRegexRules: 3 });
    const keywords = Array.from({ length: 200 }, (_, i) => keyword(`w${i}`));
    const notInForce = await syncTriggerRules([site('a.test'), ...keywords], PAUSE, dnr);
    expect(dnr.rules.filter((r) => r.condition.regexFilter !== undefined)).toHaveLength(3);
    const held = keywords.filter((k) => dnr.rules.some((rule) => redirectOf(rule, `https://s.test/?q=${k.keyword}`)));
    expect(held.length).toBeGreaterThan(0);
    expect(notInForce.map((n) => n.id).sort()).toEqual(
      keywords
        .filter((k) => !held.includes(k))
        .map((k) => k.id)
        .sort(),
    );
    expect(notInForce.every((n) => n.reason === 'limit' && n.part === 'trigger')).toBe(true);
  });

  test('a batch the browser refuses as a whole is applied rule by rule; the refused rule is named', async () => {
    const dnr = new FakeDynamicRules();
    dnr.refuse = (rule) => rule.condition.regexFilter?.includes('buy') === true;
    const notInForce = await syncTriggerRules([site('a.test'), path('b.test', '/x'), keyword('buy ket')], PAUSE, dnr);
    expect(notInForce).toEqual([{ id: 'buy ket', display: 'buy ket', part: 'trigger', reason: 'pattern' }]);
    expect(dnr.rules.map((r) => r.id).sort((a, b) => a - b)).toEqual([SITE_RULE_ID, PATH_RULE_FIRST_ID, EXTRA_RULE_FIRST_ID]);
  });

  test('without isRegexSupported (older browsers) the update itself decides', async () => {
    const dnr = new FakeDynamicRules();
    const bare: DynamicRules = { getDynamicRules: () => dnr.getDynamicRules(), updateDynamicRules: (o) => dnr.updateDynamicRules(o) };
    const long = keyword(`a ${'b'.repeat(140)}`);
    const notInForce = await syncTriggerRules([site('a.test'), long, keyword('buy ket')], PAUSE, bare);
    expect(notInForce.map((n) => n.id)).toEqual([long.id]);
    expect(dnr.rules.some((rule) => redirectOf(rule, 'https://x.test/?q=buy+ket'))).toBe(true);
    expect(dnr.rules.some((rule) => redirectOf(rule, 'https://a.test/'))).toBe(true);
  });
});

describe('pausePageUrl and isFromPausePage', () => {
  test('Chrome rules name the stable id, not the per-session dynamic host', async () => {
    const { pausePageUrl } = await import('../../lib/blocking/sync-rules');
    const runtime = { id: 'abcdef', getURL: (path: string) => `chrome-extension://0f1e-random${path}` };
    expect(pausePageUrl(runtime as never)).toBe('chrome-extension://abcdef/pause.html');
    const firefox = { id: 'steadfast@x', getURL: (path: string) => `moz-extension://uuid-1${path}` };
    expect(pausePageUrl(firefox as never)).toBe('moz-extension://uuid-1/pause.html');
  });

  test.each([
    [{ id: 'me', url: 'chrome-extension://me/pause.html#http://x.test/' }, true],
    [{ id: 'me', url: 'chrome-extension://0f1e-random/pause.html' }, true],
    [{ id: 'me', url: 'chrome-extension://me/options.html' }, false],
    [{ id: 'someone-else', url: 'chrome-extension://me/pause.html' }, false],
    [{ id: 'me' }, false],
    [{ url: 'https://evil.test/pause.html' }, false],
  ])('%j from the pause page: %s', async (sender, expected) => {
    const { isFromPausePage } = await import('../../lib/blocking/sync-rules');
    expect(isFromPausePage(sender, 'me')).toBe(expected);
  });
});
