import { describe, expect, test } from 'vitest';
import { buildTriggerRules } from '../../lib/blocking/build-rules';
import { PATH_RULE_FIRST_ID, SITE_RULE_ID } from '../../lib/blocking/rule-ids';
import { syncTriggerRules } from '../../lib/blocking/sync-rules';
import type { Trigger } from '../../lib/triggers/trigger';
import { FakeDynamicRules } from '../fakes/dnr';

const PAUSE = 'chrome-extension://abc/pause.html';

function site(host: string): Trigger {
  return { id: host, kind: 'site', mode: 'pause', display: host, host, addedAt: 0 };
}
function path(host: string, p: string): Trigger {
  return { id: host + p, kind: 'path', mode: 'pause', display: host + p, host, path: p, addedAt: 0 };
}

/** Applies a rule's regex the way declarativeNetRequest would (case-insensitive here). */
function redirectOf(rule: { condition: { regexFilter?: string }; action: { redirect?: { regexSubstitution?: string } } }, url: string) {
  const match = new RegExp(rule.condition.regexFilter ?? '', 'i').exec(url);
  if (!match) return undefined;
  return rule.action.redirect?.regexSubstitution?.replace('\\1', match[1] ?? '');
}

describe('buildTriggerRules', () => {
  test('no triggers, no rules', () => {
    expect(buildTriggerRules([], PAUSE)).toEqual([]);
  });

  test('all site triggers share one redirect rule, without duplicates', () => {
    const rules = buildTriggerRules([site('example.com'), site('xn--bcher-kva.de'), site('example.com')], PAUSE);
    expect(rules).toHaveLength(1);
    expect(rules[0]?.id).toBe(SITE_RULE_ID);
    expect(rules[0]?.condition.requestDomains).toEqual(['example.com', 'xn--bcher-kva.de']);
    expect(rules[0]?.condition.resourceTypes).toEqual(['main_frame', 'sub_frame']);
    expect(rules[0]?.action.type).toBe('redirect');
  });

  test('the redirect keeps the whole original URL, query and all, in the fragment', () => {
    const [rule] = buildTriggerRules([site('example.com')], PAUSE);
    const url = 'https://www.example.com/a?b=1&c=2#d';
    expect(redirectOf(rule!, url)).toBe(`${PAUSE}#${url}`);
  });

  test('a path trigger gets its own rule that matches the path and below, not its neighbours', () => {
    const rules = buildTriggerRules([site('a.com'), path('example.com', '/forum'), path('b.org', '/x.y')], PAUSE);
    expect(rules.map((r) => r.id)).toEqual([SITE_RULE_ID, PATH_RULE_FIRST_ID, PATH_RULE_FIRST_ID + 1]);
    const forum = rules[1]!;
    expect(forum.condition.requestDomains).toEqual(['example.com']);
    expect(redirectOf(forum, 'https://m.example.com/forum')).toBe(`${PAUSE}#https://m.example.com/forum`);
    expect(redirectOf(forum, 'http://example.com:8080/Forum/t?id=1')).toBeDefined();
    expect(redirectOf(forum, 'https://example.com/forum?x')).toBeDefined();
    expect(redirectOf(forum, 'https://example.com/forums')).toBeUndefined();
    expect(redirectOf(forum, 'https://example.com/shop/forum')).toBeUndefined();
    // A dot in a path is literal, not "any character".
    expect(redirectOf(rules[2]!, 'https://b.org/xzy')).toBeUndefined();
    expect(redirectOf(rules[2]!, 'https://b.org/x.y/z')).toBeDefined();
  });
});

describe('syncTriggerRules', () => {
  test('replaces the trigger rules in one update and is idempotent', async () => {
    const dnr = new FakeDynamicRules();
    await syncTriggerRules([site('a.com'), path('b.com', '/x')], PAUSE, dnr);
    await syncTriggerRules([site('a.com'), path('b.com', '/x')], PAUSE, dnr);
    expect(dnr.rules.map((r) => r.id)).toEqual([SITE_RULE_ID, PATH_RULE_FIRST_ID]);
    expect(dnr.updates).toBe(2);

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
