/*
 * The command layer (lib/triggers/edits.ts, lib/settings/edits.ts, lib/plan/edits.ts): what
 * tightens applies at once, what loosens waits out the cooling-off, a fresh addition can be taken
 * back, and each command reads what is stored and writes once. Time comes from the deps, as the
 * trusted clock gives it in the extension.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { savePlan, updatePlan } from '../../lib/plan/edits';
import { emptyPlan } from '../../lib/plan/plan';
import { loadPlan, planItem } from '../../lib/plan/plan-item';
import { addSituationToPlan } from '../../lib/progress/progress-page';
import { saveCoolingOff, saveWait } from '../../lib/settings/edits';
import { loadSettings, settingsItem } from '../../lib/settings/settings-item';
import type { Blocklist } from '../../lib/triggers/blocklist';
import { blocklistsItem } from '../../lib/triggers/blocklist-item';
import { UNDO_WINDOW_MS, type PendingChange } from '../../lib/triggers/cooling-off';
import {
  addTrigger,
  canTakeBack,
  cancelPending,
  importList,
  removeList,
  removeTrigger,
  setListMode,
  setTriggerMode,
  takeBackTrigger,
  type EditOutcome,
} from '../../lib/triggers/edits';
import { pendingItem } from '../../lib/triggers/pending-item';
import type { Trigger, TriggerMode } from '../../lib/triggers/trigger';
import { triggerListItem } from '../../lib/triggers/trigger-list';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 5, 1, 12);
const OLD = NOW - 30 * 24 * HOUR;
const FRESH = NOW - 60_000;
let n = 0;
const deps = { now: async () => NOW, makeId: () => `id${++n}` };

const trigger = (id: string, mode: TriggerMode, addedAt: number): Trigger => ({ id, kind: 'site', mode, display: `${id}.test`, host: `${id}.test`, addedAt });
const list = (id: string, mode: TriggerMode, addedAt: number): Blocklist => ({ id, name: `List ${id}`, mode, addedAt, domains: [`${id}.test`] });
const waiting = (kind: PendingChange['kind'], target: { triggerId: string } | { listId: string }, at = NOW): PendingChange =>
  ({ kind, ...target, id: `w-${kind}`, label: 'waiting', requestedAt: at, effectiveAt: at + 24 * HOUR }) as PendingChange;

beforeEach(async () => {
  n = 0;
  await settingsItem.setValue({ waitSeconds: 30, coolingOffHours: 24 });
});

describe('triggers and lists: tighten at once, loosen after the cooling-off, take back a fresh one', () => {
  interface Row {
    name: string;
    mode: TriggerMode;
    addedAt: number;
    pending?: 'remove' | 'pause';
    act: 'remove' | TriggerMode;
    result: EditOutcome['result'];
    /** The entry's mode afterwards, or null when it is gone. */
    after: TriggerMode | null;
    /** The kinds waiting afterwards: r = remove, p = switch to Pause. */
    waits: ('r' | 'p')[];
  }
  const rows: Row[] = [
    { name: 'removing an old one waits', mode: 'pause', addedAt: OLD, act: 'remove', result: 'waiting', after: 'pause', waits: ['r'] },
    { name: 'removing a fresh one is at once', mode: 'block', addedAt: FRESH, act: 'remove', result: 'applied', after: null, waits: [] },
    {
      name: 'removing a fresh one also ends what waits for it',
      mode: 'block',
      addedAt: FRESH,
      pending: 'pause',
      act: 'remove',
      result: 'applied',
      after: null,
      waits: [],
    },
    {
      name: 'one just past the undo window is not fresh',
      mode: 'block',
      addedAt: NOW - UNDO_WINDOW_MS,
      act: 'remove',
      result: 'waiting',
      after: 'block',
      waits: ['r'],
    },
    { name: 'Block to Pause on an old one waits', mode: 'block', addedAt: OLD, act: 'pause', result: 'waiting', after: 'block', waits: ['p'] },
    { name: 'Block to Pause on a fresh one is at once', mode: 'block', addedAt: FRESH, act: 'pause', result: 'applied', after: 'pause', waits: [] },
    { name: 'Pause to Block is at once', mode: 'pause', addedAt: OLD, act: 'block', result: 'applied', after: 'block', waits: [] },
    {
      name: 'Block again ends a waiting switch to Pause',
      mode: 'block',
      addedAt: OLD,
      pending: 'pause',
      act: 'block',
      result: 'applied',
      after: 'block',
      waits: [],
    },
    {
      name: 'Block again keeps a waiting removal',
      mode: 'block',
      addedAt: OLD,
      pending: 'remove',
      act: 'block',
      result: 'unchanged',
      after: 'block',
      waits: ['r'],
    },
    { name: 'the same mode changes nothing', mode: 'pause', addedAt: OLD, act: 'pause', result: 'unchanged', after: 'pause', waits: [] },
    {
      name: 'asking to remove again keeps the first wait (never restarts it)',
      mode: 'block',
      addedAt: OLD,
      pending: 'remove',
      act: 'remove',
      result: 'waiting',
      after: 'block',
      waits: ['r'],
    },
  ];
  const kindOf = { r: ['remove-trigger', 'remove-list'], p: ['pause-mode', 'pause-list'] } as const;

  test.each(rows)('trigger: $name', async (row) => {
    await triggerListItem.setValue([trigger('a', row.mode, row.addedAt), trigger('other', 'block', OLD)]);
    const target = { triggerId: 'a' };
    const before = row.pending ? [waiting(row.pending === 'remove' ? 'remove-trigger' : 'pause-mode', target, NOW - HOUR)] : [];
    await pendingItem.setValue(before);
    const outcome = row.act === 'remove' ? await removeTrigger('a', deps) : await setTriggerMode('a', row.act, deps);
    expect(outcome.result).toBe(row.result);
    const stored = await triggerListItem.getValue();
    expect(stored.find((t) => t.id === 'a')?.mode ?? null).toBe(row.after);
    expect(stored.find((t) => t.id === 'other')).toEqual(trigger('other', 'block', OLD));
    const pending = await pendingItem.getValue();
    expect(pending.map((p) => p.kind)).toEqual(row.waits.map((w) => kindOf[w][0]));
    if (outcome.result === 'waiting') {
      // A wait asked for now ends a cooling-off from now; one already waiting keeps its own time.
      expect(outcome.change.effectiveAt).toBe(row.pending ? NOW - HOUR + 24 * HOUR : NOW + 24 * HOUR);
      if (!row.pending) expect(outcome.change.label).toMatch(/a\.test/);
    }
  });

  test.each(rows)('list: $name', async (row) => {
    await blocklistsItem.setValue([list('a', row.mode, row.addedAt), list('other', 'block', OLD)]);
    const target = { listId: 'a' };
    await pendingItem.setValue(row.pending ? [waiting(row.pending === 'remove' ? 'remove-list' : 'pause-list', target, NOW - HOUR)] : []);
    const outcome = row.act === 'remove' ? await removeList('a', deps) : await setListMode('a', row.act, deps);
    expect(outcome.result).toBe(row.result);
    const stored = await blocklistsItem.getValue();
    expect(stored.find((l) => l.id === 'a')?.mode ?? null).toBe(row.after);
    expect(stored.find((l) => l.id === 'other')).toEqual(list('other', 'block', OLD));
    expect((await pendingItem.getValue()).map((p) => p.kind)).toEqual(row.waits.map((w) => kindOf[w][1]));
  });

  test('a trigger or list that is not there changes nothing', async () => {
    await triggerListItem.setValue([trigger('a', 'block', OLD)]);
    const before = await fakeBrowser.storage.local.get(null);
    expect(await removeTrigger('gone', deps)).toEqual({ result: 'unchanged' });
    expect(await setListMode('gone', 'pause', deps)).toEqual({ result: 'unchanged' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  test('the wait is the cooling-off the settings hold when it is asked for', async () => {
    await settingsItem.setValue({ waitSeconds: 30, coolingOffHours: 72 });
    await triggerListItem.setValue([trigger('a', 'block', OLD)]);
    const outcome = await removeTrigger('a', deps);
    expect(outcome.result === 'waiting' && outcome.change.effectiveAt).toBe(NOW + 72 * HOUR);
  });

  test('a decision and its waiting change land in one storage write', async () => {
    await triggerListItem.setValue([trigger('a', 'block', FRESH)]);
    await pendingItem.setValue([waiting('pause-mode', { triggerId: 'a' })]);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await removeTrigger('a', deps);
    expect(set).toHaveBeenCalledTimes(1);
    expect(Object.keys(set.mock.calls[0]![0]).sort()).toEqual(['pending', 'pending$', 'triggers', 'triggers$']);
    set.mockRestore();
  });

  test('cancelling a waiting change keeps protection as it is, at once', async () => {
    await triggerListItem.setValue([trigger('a', 'block', OLD)]);
    const asked = await removeTrigger('a', deps);
    if (asked.result !== 'waiting') throw new Error('expected a wait');
    expect(await cancelPending(asked.change.id, deps)).toEqual({ result: 'applied' });
    expect(await pendingItem.getValue()).toEqual([]);
    expect(await triggerListItem.getValue()).toEqual([trigger('a', 'block', OLD)]);
  });
});

describe('adding and taking back', () => {
  test('a site or words are added at once, dated by the trusted clock; a mistake stores nothing', async () => {
    expect(await addTrigger('Forum.test/Late', 'site', deps)).toMatchObject({ added: { kind: 'path', host: 'forum.test', addedAt: NOW } });
    expect(await addTrigger('buy ket', 'keyword', deps)).toMatchObject({ added: { kind: 'keyword', keyword: 'buy ket', addedAt: NOW } });
    const before = await fakeBrowser.storage.local.get(null);
    expect(await addTrigger('not a site', 'site', deps)).toEqual({ error: expect.stringContaining('has a space in it') });
    expect(await addTrigger('buy ket', 'keyword', deps)).toEqual({ error: expect.any(String) });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  test.each([
    [NOW, true],
    [NOW - UNDO_WINDOW_MS + 1, true],
    [NOW - UNDO_WINDOW_MS, false],
    [OLD, false],
  ])('added at %i: can be taken back at once: %s', async (addedAt, fresh) => {
    expect(canTakeBack({ addedAt }, NOW)).toBe(fresh);
    await triggerListItem.setValue([trigger('a', 'block', addedAt)]);
    expect(await takeBackTrigger('a', deps)).toBe(fresh);
    expect(await triggerListItem.getValue()).toHaveLength(fresh ? 0 : 1);
    // Taking back never starts a wait: the welcome offers nothing else.
    expect(await pendingItem.getValue()).toEqual([]);
  });

  test('an imported list is dated by the trusted clock and stored beside the others', async () => {
    await blocklistsItem.setValue([list('old', 'block', OLD)]);
    const result = await importList({ text: 'a.test\nb.test', name: 'Markets', mode: 'block' }, deps);
    expect(result).toMatchObject({ ok: true, list: { name: 'Markets', addedAt: NOW, domains: ['a.test', 'b.test'] } });
    expect((await blocklistsItem.getValue()).map((l) => l.name)).toEqual(['List old', 'Markets']);
    expect(await importList({ text: '', name: 'Empty', mode: 'block' }, deps)).toMatchObject({ ok: false });
    expect(await blocklistsItem.getValue()).toHaveLength(2);
  });
});

describe('settings', () => {
  test.each([
    { name: 'a longer wait is at once', act: () => saveWait(60, deps), settings: { waitSeconds: 60, coolingOffHours: 24 }, waits: [], says: /60 seconds/ },
    {
      name: 'a shorter wait waits',
      act: () => saveWait(10, deps),
      settings: { waitSeconds: 30, coolingOffHours: 24 },
      waits: ['shorter-wait'],
      says: /takes effect in 1 d/,
    },
    {
      name: 'a longer cooling-off is at once',
      act: () => saveCoolingOff(48, deps),
      settings: { waitSeconds: 30, coolingOffHours: 48 },
      waits: [],
      says: /48 hours/,
    },
    {
      name: 'a shorter cooling-off waits',
      act: () => saveCoolingOff(2, deps),
      settings: { waitSeconds: 30, coolingOffHours: 24 },
      waits: ['shorter-cooling-off'],
      says: /takes effect in 1 d/,
    },
  ])('$name', async ({ act, settings, waits, says }) => {
    const outcome = await act();
    expect('message' in outcome && outcome.message).toMatch(says);
    expect(await loadSettings()).toEqual(settings);
    expect((await pendingItem.getValue()).map((p) => p.kind)).toEqual(waits);
  });

  test.each([
    ['wait below the least', () => saveWait(5, deps), /from 10 to 300/],
    ['wait not whole', () => saveWait(12.5, deps), /from 10 to 300/],
    ['cooling-off above the most', () => saveCoolingOff(200, deps), /from 1 to 168/],
  ])('%s is refused and changes nothing', async (_name, act, says) => {
    const before = await fakeBrowser.storage.local.get(null);
    expect(await act()).toEqual({ error: expect.stringMatching(says) });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  test('while any change waits, the cooling-off can only grow', async () => {
    await triggerListItem.setValue([trigger('a', 'block', OLD)]);
    await removeTrigger('a', deps);
    const before = await fakeBrowser.storage.local.get(null);
    expect(await saveCoolingOff(2, deps)).toEqual({ error: expect.any(String) });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
    expect(await saveCoolingOff(48, deps)).toEqual({ message: expect.stringMatching(/48/) });
  });

  test('a longer wait ends a waiting shorter one; asking for the same shorter one again keeps its time', async () => {
    await saveWait(10, deps);
    const [first] = await pendingItem.getValue();
    await saveWait(10, { ...deps, now: async () => NOW + HOUR });
    expect(await pendingItem.getValue()).toEqual([first]);
    await saveWait(45, deps);
    expect(await pendingItem.getValue()).toEqual([]);
    expect((await loadSettings()).waitSeconds).toBe(45);
  });
});

describe('the plan', () => {
  test('a change is made to what is stored now, at once', async () => {
    await planItem.setValue({ ...emptyPlan(), reasons: ['Mia'] });
    await updatePlan((plan) => ({ ...plan, copingStrategies: ['Walk'] }), deps);
    expect(await loadPlan()).toMatchObject({ reasons: ['Mia'], copingStrategies: ['Walk'] });
    await savePlan({ ...emptyPlan(), reasons: ['Sam'] }, deps);
    expect((await loadPlan()).reasons).toEqual(['Sam']);
  });

  test('Progress adds a risk window once', async () => {
    expect(await addSituationToPlan('Friday evenings')).toBe('added');
    expect(await addSituationToPlan('Friday evenings')).toBe('already');
    expect((await loadPlan()).highRiskSituations).toBe('Friday evenings');
  });
});
