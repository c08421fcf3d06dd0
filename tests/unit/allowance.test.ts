import { describe, expect, test } from 'vitest';
import { allowanceAlarm, buildAllowRule, endAllowance, grantAllowance, reconcileAllowances, ruleIdOfAlarm } from '../../lib/blocking/allowance';
import { buildTriggerRules } from '../../lib/blocking/build-rules';
import { PRIORITY_ALLOWANCE, PRIORITY_BLOCK, PRIORITY_PAUSE, SITE_BLOCK_RULE_ID, SITE_RULE_ID } from '../../lib/blocking/rule-ids';
import type { Trigger } from '../../lib/triggers/trigger';
import { FakeAlarms, FakeSessionRules } from '../fakes/session-rules';

const trigger = (host: string, mode: Trigger['mode']): Trigger => ({ id: host, kind: 'site', mode, display: host, host, addedAt: 0 });
const NOW = 1_800_000_000_000;

describe('grantAllowance', () => {
  test('lets a pause-mode site through in one tab for the chosen minutes, with an alarm to end it', async () => {
    const dnr = new FakeSessionRules();
    const alarms = new FakeAlarms();
    const result = await grantAllowance(
      { tabId: 7, url: 'https://www.site.test/a?b', minutes: 15, triggers: [trigger('site.test', 'pause')], waitOver: true, now: NOW },
      dnr,
      alarms,
    );
    expect(result).toEqual({ ok: true, ruleId: 10000, until: NOW + 15 * 60_000 });
    expect(dnr.rules).toEqual([
      {
        id: 10000,
        priority: PRIORITY_ALLOWANCE,
        action: { type: 'allow' },
        condition: { requestDomains: ['www.site.test'], tabIds: [7], resourceTypes: ['main_frame', 'sub_frame'] },
      },
    ]);
    expect(alarms.alarms.get(allowanceAlarm(10000))).toBe(NOW + 15 * 60_000);
  });

  test.each([
    ['a block-mode site', { url: 'https://site.test/', minutes: 5, mode: 'block' as const }, /Block/],
    ['a minute count it does not offer', { url: 'https://site.test/', minutes: 600, mode: 'pause' as const }, /5, 15 or 30/],
    ['a site no longer in the list', { url: 'https://other.test/', minutes: 5, mode: 'pause' as const }, /no longer/],
    ['a javascript: URL', { url: 'javascript:alert(1)', minutes: 5, mode: 'pause' as const }, /not a web address/],
  ])('refuses %s and changes nothing', async (_name, { url, minutes, mode }, message) => {
    const dnr = new FakeSessionRules();
    const alarms = new FakeAlarms();
    const result = await grantAllowance({ tabId: 1, url, minutes, triggers: [trigger('site.test', mode)], waitOver: true, now: NOW }, dnr, alarms);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
    expect(dnr.rules).toEqual([]);
    expect(alarms.alarms.size).toBe(0);
  });

  test('a second allowance for the same tab and site replaces the first', async () => {
    const dnr = new FakeSessionRules();
    const alarms = new FakeAlarms();
    const triggers = [trigger('site.test', 'pause')];
    await grantAllowance({ tabId: 3, url: 'https://site.test/', minutes: 5, triggers, waitOver: true, now: NOW }, dnr, alarms);
    await grantAllowance({ tabId: 4, url: 'https://site.test/', minutes: 5, triggers, waitOver: true, now: NOW }, dnr, alarms);
    await grantAllowance({ tabId: 3, url: 'https://site.test/', minutes: 30, triggers, waitOver: true, now: NOW }, dnr, alarms);
    expect(dnr.rules.map((r) => [r.id, r.condition.tabIds])).toEqual([
      [10001, [4]],
      [10002, [3]],
    ]);
    expect([...alarms.alarms.keys()].sort()).toEqual([allowanceAlarm(10001), allowanceAlarm(10002)]);
  });
});

test('an ended allowance is removed and names its tab', async () => {
  const dnr = new FakeSessionRules();
  const alarms = new FakeAlarms();
  await grantAllowance({ tabId: 9, url: 'https://site.test/', minutes: 5, triggers: [trigger('site.test', 'pause')], waitOver: true, now: NOW }, dnr, alarms);
  expect(ruleIdOfAlarm(allowanceAlarm(10000))).toBe(10000);
  expect(ruleIdOfAlarm('something-else')).toBeUndefined();
  expect(await endAllowance(10000, dnr)).toBe(9);
  expect(dnr.rules).toEqual([]);
});

test('at start-up, an allowance whose alarm is gone is removed', async () => {
  const dnr = new FakeSessionRules();
  const alarms = new FakeAlarms();
  const triggers = [trigger('site.test', 'pause')];
  await grantAllowance({ tabId: 1, url: 'https://site.test/', minutes: 5, triggers, waitOver: true, now: NOW }, dnr, alarms);
  await grantAllowance({ tabId: 2, url: 'https://site.test/', minutes: 5, triggers, waitOver: true, now: NOW }, dnr, alarms);
  await alarms.clear(allowanceAlarm(10000));
  expect(await reconcileAllowances(dnr, alarms)).toEqual([10000]);
  expect(dnr.rules.map((r) => r.id)).toEqual([10001]);
});

test('block-mode rules outrank allowances, which outrank pause-mode rules', async () => {
  const { rules } = await buildTriggerRules(
    [trigger('p.test', 'pause'), trigger('b.test', 'block'), { ...trigger('k', 'block'), kind: 'keyword', host: '', keyword: 'buy ket' }],
    'chrome-extension://x/pause.html',
  );
  const byId = new Map(rules.map((r) => [r.id, r]));
  expect(byId.get(SITE_RULE_ID)?.condition.requestDomains).toEqual(['p.test']);
  expect(byId.get(SITE_RULE_ID)?.priority).toBe(PRIORITY_PAUSE);
  expect(byId.get(SITE_BLOCK_RULE_ID)?.condition.requestDomains).toEqual(['b.test']);
  expect(byId.get(SITE_BLOCK_RULE_ID)?.priority).toBe(PRIORITY_BLOCK);
  expect(byId.get(2000)?.priority).toBe(PRIORITY_BLOCK);
  expect(PRIORITY_PAUSE).toBeLessThan(PRIORITY_ALLOWANCE);
  expect(PRIORITY_ALLOWANCE).toBeLessThan(PRIORITY_BLOCK);
});

test('where the browser compares hosts letter for letter (Firefox), "Continue anyway" also lets through the fully qualified name the pause rules now cover', () => {
  expect(buildAllowRule(10000, 7, 'site.test', true).condition.requestDomains).toEqual(['site.test', 'site.test.']);
  expect(buildAllowRule(10000, 7, 'site.test', false).condition.requestDomains).toEqual(['site.test']);
});
