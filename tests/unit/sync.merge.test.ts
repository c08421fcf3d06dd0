import { describe, expect, test } from 'vitest';
import { emptyPlan } from '../../lib/plan/plan';
import { defaultSettings } from '../../lib/settings/settings-item';
import { applyMerged } from '../../lib/sync/apply';
import { localDoc, type LocalConfig } from '../../lib/sync/local-doc';
import { mergeFields, mergeTriggerEntries, TOMBSTONE_DAYS } from '../../lib/sync/merge';
import type { TriggerEntry } from '../../lib/sync/sync-doc';
import { applyDue, coolingOffMs } from '../../lib/triggers/cooling-off';
import type { Trigger, TriggerMode } from '../../lib/triggers/trigger';

const T0 = Date.UTC(2026, 10, 1);
const DAY = 86_400_000;
const site = (host: string, mode: TriggerMode = 'block', id = host): Trigger => ({ id, kind: 'site', mode, display: host, host, addedAt: T0 });
const entry = (trigger: Trigger, changedAt: number, removedAt?: number): TriggerEntry =>
  removedAt === undefined ? { trigger, changedAt } : { trigger, changedAt, removedAt };
/** What the merged set says about each host: its mode, or "removed". */
const outcome = (entries: TriggerEntry[]) => Object.fromEntries(entries.map((e) => [e.trigger.host, e.removedAt === undefined ? e.trigger.mode : 'removed']));

describe("merging two browsers' triggers", () => {
  test.each<[string, TriggerEntry[], TriggerEntry[], Record<string, string>]>([
    ['add here, add there: both kept', [entry(site('a.test'), T0 + 1)], [entry(site('b.test'), T0 + 2)], { 'a.test': 'block', 'b.test': 'block' }],
    [
      'the same site added on both, with different ids: one',
      [entry(site('a.test', 'block', 'x'), T0 + 1)],
      [entry(site('a.test', 'block', 'y'), T0 + 2)],
      { 'a.test': 'block' },
    ],
    ['removed there after it was added here: removed', [entry(site('a.test'), T0 + 1)], [entry(site('a.test'), T0 + 1, T0 + 5)], { 'a.test': 'removed' }],
    ['removed there, but changed here later: kept', [entry(site('a.test', 'pause'), T0 + 9)], [entry(site('a.test'), T0 + 1, T0 + 5)], { 'a.test': 'pause' }],
    ['removed there, re-added here later: kept', [entry(site('a.test'), T0 + 9)], [entry(site('a.test'), T0 + 1, T0 + 5)], { 'a.test': 'block' }],
    ['removed on both: removed', [entry(site('a.test'), T0, T0 + 3)], [entry(site('a.test'), T0, T0 + 4)], { 'a.test': 'removed' }],
    ['switched to Pause there later: Pause', [entry(site('a.test', 'block'), T0 + 1)], [entry(site('a.test', 'pause'), T0 + 2)], { 'a.test': 'pause' }],
    ['switched to Block here later: Block', [entry(site('a.test', 'block'), T0 + 3)], [entry(site('a.test', 'pause'), T0 + 2)], { 'a.test': 'block' }],
    [
      'Pause and Block at the same moment: Block, the safer',
      [entry(site('a.test', 'pause'), T0 + 2)],
      [entry(site('a.test', 'block'), T0 + 2)],
      { 'a.test': 'block' },
    ],
    ['kept and removed at the same moment: kept', [entry(site('a.test'), T0 + 2)], [entry(site('a.test'), T0, T0 + 2)], { 'a.test': 'block' }],
    ['only one side has it: kept, either way round', [], [entry(site('a.test'), T0)], { 'a.test': 'block' }],
  ])('%s', (_name, mine, theirs, expected) => {
    expect(outcome(mergeTriggerEntries(mine, theirs, T0 + DAY))).toEqual(expected);
    // The order of the sides never matters: both browsers reach the same set.
    expect(outcome(mergeTriggerEntries(theirs, mine, T0 + DAY))).toEqual(expected);
  });

  test(`a removal is forgotten after ${TOMBSTONE_DAYS} days`, () => {
    const old = [entry(site('a.test'), T0, T0 + 1)];
    expect(mergeTriggerEntries(old, [], T0 + 1 + (TOMBSTONE_DAYS - 1) * DAY)).toHaveLength(1);
    expect(mergeTriggerEntries(old, [], T0 + 2 + TOMBSTONE_DAYS * DAY)).toHaveLength(0);
  });
});

describe('merging plan fields and settings', () => {
  const stamped = <T extends object>(value: T, at: number) =>
    Object.fromEntries(Object.entries(value).map(([k, v]) => [k, { value: v, changedAt: at }])) as { [K in keyof T]: { value: T[K]; changedAt: number } };

  test('each field: the later edit wins, field by field', () => {
    const mine = { ...stamped({ ...emptyPlan(), reasons: ['My kids'] }, T0 + 5), dailyRoutine: { value: 'Walk', changedAt: T0 + 1 } };
    const theirs = { ...stamped({ ...emptyPlan(), reasons: ['My health'] }, T0 + 1), dailyRoutine: { value: 'Run', changedAt: T0 + 9 } };
    const merged = mergeFields(mine, theirs);
    expect(merged.reasons.value).toEqual(['My kids']);
    expect(merged.dailyRoutine.value).toBe('Run');
  });

  test('settings changed at the same moment keep the stricter value', () => {
    const merged = mergeFields(stamped({ waitSeconds: 30, coolingOffHours: 48 }, T0), stamped({ waitSeconds: 60, coolingOffHours: 24 }, T0));
    expect({ wait: merged.waitSeconds.value, hours: merged.coolingOffHours.value }).toEqual({ wait: 60, hours: 48 });
  });
});

const config = (triggers: Trigger[], over: Partial<LocalConfig> = {}): LocalConfig => ({
  triggers,
  plan: emptyPlan(),
  settings: defaultSettings(),
  partner: null,
  pending: [],
  ...over,
});
let ids = 0;
const makeId = () => `new-${++ids}`;

describe("what a merge does here: tightening at once, loosening after this device's cooling-off", () => {
  const here = config([site('a.test'), site('b.test', 'pause')]);
  const base = localDoc(here, null, T0);

  test('a site added there is added here at once', () => {
    const merged = { ...base, triggers: [...base.triggers, entry(site('c.test'), T0 + 1)] };
    const applied = applyMerged(here, merged, T0 + 2, makeId);
    expect(applied.triggers.map((t) => t.host)).toEqual(['a.test', 'b.test', 'c.test']);
    expect(applied.pending).toEqual([]);
  });

  test('a site from there is dated by this device, whatever date it carries (never fresh by another clock)', () => {
    const later = T0 + 30 * DAY;
    const merged = { ...base, triggers: [...base.triggers, entry({ ...site('c.test'), addedAt: later + DAY }, T0 + 1)] };
    const applied = applyMerged(here, merged, later, makeId);
    expect(applied.triggers.find((t) => t.host === 'c.test')?.addedAt).toBe(later);
    expect(applied.triggers.find((t) => t.host === 'a.test')?.addedAt).toBe(T0);
  });

  test('a removal from there stays until the cooling-off here is over, then happens', () => {
    const merged = { ...base, triggers: base.triggers.map((e) => (e.trigger.host === 'a.test' ? { ...e, removedAt: T0 + 1 } : e)) };
    const applied = applyMerged(here, merged, T0 + 2, makeId);
    expect(applied.triggers.map((t) => t.host)).toContain('a.test');
    expect(applied.waiting).toMatchObject([{ kind: 'remove-trigger', triggerId: 'a.test', label: 'Remove a.test', effectiveAt: T0 + 2 + coolingOffMs(24) }]);
    // While it waits, this browser does not undo the removal everywhere.
    const stillWaiting = localDoc(applied, merged, T0 + 3);
    expect(outcome(stillWaiting.triggers)['a.test']).toBe('removed');
    // When the time comes, it goes here too.
    const later = applyDue({ ...applied, settings: applied.settings }, T0 + 2 + coolingOffMs(24));
    expect(later.triggers.map((t) => t.host)).not.toContain('a.test');
  });

  test('cancelling that wait here keeps the site, and puts it back for every browser', () => {
    const merged = { ...base, triggers: base.triggers.map((e) => (e.trigger.host === 'a.test' ? { ...e, removedAt: T0 + 1 } : e)) };
    const applied = applyMerged(here, merged, T0 + 2, makeId);
    const cancelled = { ...applied, pending: [] };
    const next = localDoc(cancelled, merged, T0 + 10);
    expect(next.triggers.find((e) => e.trigger.host === 'a.test')).toMatchObject({ changedAt: T0 + 10 });
    expect(outcome(mergeTriggerEntries(next.triggers, merged.triggers, T0 + 11))['a.test']).toBe('block');
  });

  test('a switch to Pause from there waits; a switch to Block from there is at once', () => {
    const merged = {
      ...base,
      triggers: base.triggers.map((e) => ({
        ...e,
        changedAt: T0 + 1,
        trigger: { ...e.trigger, mode: e.trigger.mode === 'block' ? 'pause' : 'block' } as Trigger,
      })),
    };
    const pendingPause = { id: 'p', kind: 'pause-mode' as const, triggerId: 'b.test', label: 'x', requestedAt: T0, effectiveAt: T0 + DAY };
    const applied = applyMerged({ ...here, pending: [pendingPause] }, merged, T0 + 2, makeId);
    expect(applied.triggers.map((t) => [t.host, t.mode])).toEqual([
      ['a.test', 'block'],
      ['b.test', 'block'],
    ]);
    // b.test's own wait to loosen ends: it was tightened. a.test's switch to Pause now waits.
    expect(applied.pending.map((p) => [p.kind, 'triggerId' in p && p.triggerId])).toEqual([['pause-mode', 'a.test']]);
  });

  test('a longer wait from there is at once; a shorter cooling-off waits', () => {
    const merged = { ...base, settings: { waitSeconds: { value: 90, changedAt: T0 + 1 }, coolingOffHours: { value: 2, changedAt: T0 + 1 } } };
    const applied = applyMerged(here, merged, T0 + 2, makeId);
    expect(applied.settings).toEqual({ waitSeconds: 90, coolingOffHours: 24 });
    expect(applied.waiting).toMatchObject([{ kind: 'shorter-cooling-off', coolingOffHours: 2, label: 'Delay 2 hours' }]);
  });

  test('a site from there whose id is taken here by another site gets a new id', () => {
    const merged = { ...base, triggers: [...base.triggers, entry(site('c.test', 'block', 'a.test'), T0 + 1)] };
    const applied = applyMerged(here, merged, T0 + 2, () => 'fresh');
    expect(applied.triggers.find((t) => t.host === 'c.test')?.id).toBe('fresh');
  });
});

describe("this browser's side", () => {
  test('joining: the plan fields it has written win, its empty ones take what is synced', () => {
    const mine = localDoc(config([], { plan: { ...emptyPlan(), reasons: ['My kids'] } }), null, T0 + 5);
    expect(mine.plan.reasons.changedAt).toBe(T0 + 5);
    expect(mine.plan.dailyRoutine.changedAt).toBe(0);
    expect(mine.settings.waitSeconds.changedAt).toBe(0);
  });

  test('unchanged since the last merge keeps its time; a change gets now; a site gone becomes a removal', () => {
    const before = config([site('a.test'), site('b.test')]);
    const base = localDoc(before, null, T0);
    const after = localDoc(config([site('a.test', 'pause')], { plan: { ...emptyPlan(), dailyRoutine: 'Walk' } }), base, T0 + 7);
    expect(after.triggers).toEqual([entry(site('a.test', 'pause'), T0 + 7), entry(site('b.test'), T0, T0 + 7)]);
    expect(after.plan.dailyRoutine).toEqual({ value: 'Walk', changedAt: T0 + 7 });
    expect(after.plan.reasons).toEqual(base.plan.reasons);
  });
});
