import { describe, expect, test } from 'vitest';
import { applyDue, coolingOffMs, requestChange, timeLeft, type PendingChange } from '../../lib/triggers/cooling-off';
import { applyDueChanges } from '../../lib/triggers/cooling-off-store';
import { cancelPending, removeTrigger } from '../../lib/triggers/edits';
import { saveWait } from '../../lib/settings/edits';
import { pendingItem } from '../../lib/triggers/pending-item';
import type { Trigger } from '../../lib/triggers/trigger';
import { triggerListItem } from '../../lib/triggers/trigger-list';
import { loadSettings, settingsItem } from '../../lib/settings/settings-item';

const HOUR = 3_600_000;
const NOW = 1_800_000_000_000;
const site = (id: string, mode: Trigger['mode'] = 'block'): Trigger => ({ id, kind: 'site', mode, display: `${id}.test`, host: `${id}.test`, addedAt: 0 });
let n = 0;
const makeId = () => `c${++n}`;

describe('pure cooling-off', () => {
  test('the delay is clamped to 1 hour – 7 days', () => {
    expect(coolingOffMs(0)).toBe(HOUR);
    expect(coolingOffMs(24)).toBe(24 * HOUR);
    expect(coolingOffMs(1000)).toBe(168 * HOUR);
    expect(coolingOffMs(Number.NaN)).toBe(24 * HOUR);
  });

  test('nothing changes before the time; everything due changes at once after', () => {
    let pending: PendingChange[] = [];
    pending = requestChange(pending, { kind: 'remove-trigger', triggerId: 'a' }, 'Remove a.test', NOW, 24 * HOUR, makeId);
    pending = requestChange(pending, { kind: 'pause-mode', triggerId: 'b' }, 'Switch b.test to Pause', NOW, 24 * HOUR, makeId);
    pending = requestChange(pending, { kind: 'shorter-wait', waitSeconds: 10 }, 'Wait 10 seconds', NOW + HOUR, 24 * HOUR, makeId);
    const state = { triggers: [site('a'), site('b'), site('c')], settings: { waitSeconds: 60, coolingOffHours: 24 }, pending };

    const early = applyDue(state, NOW + 24 * HOUR - 1);
    expect(early.applied).toEqual([]);
    expect(early.triggers).toEqual(state.triggers);

    const later = applyDue(state, NOW + 24 * HOUR);
    expect(later.applied.map((p) => p.kind)).toEqual(['remove-trigger', 'pause-mode']);
    expect(later.triggers).toEqual([{ ...site('b'), mode: 'pause' }, site('c')]);
    expect(later.settings.waitSeconds).toBe(60);
    expect(later.pending.map((p) => p.kind)).toEqual(['shorter-wait']);

    expect(applyDue(state, NOW + 25 * HOUR).settings.waitSeconds).toBe(10);
  });

  test('asking again for the same thing restarts its clock instead of adding a second change', () => {
    let pending = requestChange([], { kind: 'remove-trigger', triggerId: 'a' }, 'Remove', NOW, HOUR, makeId);
    pending = requestChange(pending, { kind: 'remove-trigger', triggerId: 'a' }, 'Remove', NOW + 10, HOUR, makeId);
    expect(pending).toHaveLength(1);
    expect(pending[0]?.effectiveAt).toBe(NOW + 10 + HOUR);
  });

  test.each([
    [NOW + 24 * HOUR - 60_000, '23 h 59 min'],
    [NOW + 5 * 60_000, '5 min'],
    [NOW + 3 * 24 * HOUR + HOUR, '3 d 1 h'],
    [NOW - 1, 'less than a minute'],
  ])('time left until %i: %s', (at, text) => {
    expect(timeLeft(at, NOW)).toBe(text);
  });
});

describe('stored cooling-off', () => {
  test('a requested removal waits, can be cancelled, and applies atomically when due', async () => {
    await triggerListItem.setValue([site('a'), site('b')]);
    await settingsItem.setValue({ waitSeconds: 30, coolingOffHours: 2 });
    const at = (now: number) => ({ now: async () => now });
    const asked = await removeTrigger('a', at(NOW));
    expect(asked.result === 'waiting' && asked.change.effectiveAt).toBe(NOW + 2 * HOUR);
    expect(await applyDueChanges(at(NOW + HOUR))).toHaveLength(1);
    expect((await triggerListItem.getValue()).map((t) => t.id)).toEqual(['a', 'b']);

    expect(await applyDueChanges(at(NOW + 2 * HOUR))).toEqual([]);
    expect((await triggerListItem.getValue()).map((t) => t.id)).toEqual(['b']);
    expect(await pendingItem.getValue()).toEqual([]);

    await saveWait(10, at(NOW));
    const [again] = await pendingItem.getValue();
    await cancelPending(again!.id);
    await applyDueChanges(at(NOW + 100 * HOUR));
    expect((await loadSettings()).waitSeconds).toBe(30);
  });
});

describe('imported lists wait too', () => {
  const list = (id: string, mode: 'pause' | 'block') => ({ id, name: id, mode, addedAt: 0, domains: [`${id}.test`] });

  test('removing a list or switching it to Pause happens only when due', () => {
    let pending: PendingChange[] = [];
    pending = requestChange(pending, { kind: 'remove-list', listId: 'a' }, 'Remove the list a', NOW, HOUR, makeId);
    pending = requestChange(pending, { kind: 'pause-list', listId: 'b' }, 'Switch the list b to Pause', NOW, HOUR, makeId);
    const state = { triggers: [], lists: [list('a', 'block'), list('b', 'block')], settings: { waitSeconds: 30, coolingOffHours: 1 }, pending };
    expect(applyDue(state, NOW + HOUR - 1).lists).toEqual(state.lists);
    expect(applyDue(state, NOW + HOUR).lists).toEqual([list('b', 'pause')]);
  });

  test('a backup restored with Replace cannot drop or loosen a list at once', async () => {
    const { planRestore } = await import('../../lib/backup/restore-plan');
    const current = {
      triggers: [],
      blocklists: [list('kept', 'block'), list('dropped', 'block')],
      plan: (await import('../../lib/plan/plan')).emptyPlan(),
      settings: { waitSeconds: 30, coolingOffHours: 24 },
      streak: null,
      helpRegion: null,
      myServices: [],
      pending: [],
    };
    const backup = { ...current, blocklists: [list('kept', 'pause')] };
    const { config, waiting } = planRestore(current as never, backup as never, 'replace', NOW, makeId);
    expect(config.blocklists).toEqual([list('kept', 'block'), list('dropped', 'block')]);
    expect(waiting.map((w) => w.kind).sort()).toEqual(['pause-list', 'remove-list']);
  });
});
