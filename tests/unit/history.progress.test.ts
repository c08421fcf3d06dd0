import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { openHistory, type HistoryDB } from '../../lib/history/db';
import { addEvent, eventsByType } from '../../lib/history/events';
import { loadProgress, markCelebrated } from '../../lib/history/progress';
import { readRecovery } from '../../lib/history/recovery-state';
import { saveStreakStart, streakStartItem } from '../../lib/history/streak-start-item';
import { dayFromText } from '../../lib/time/days';

const LONDON = 'Europe/London';
const at = (iso: string) => Date.parse(iso);
let db: HistoryDB;

beforeEach(async () => {
  db = await openHistory('steadfast-history', new IDBFactory());
});

describe('loadProgress', () => {
  const start = { startedOn: '2026-01-01' };
  const week = at('2026-01-08T09:00:00Z');

  test('nothing until a valid start day is set', async () => {
    expect(await loadProgress(db, null, week, LONDON)).toBeUndefined();
    expect(await loadProgress(db, { startedOn: '2026-02-30' }, week, LONDON)).toBeUndefined();
  });

  test('records the milestones reached, once, and offers them until celebrated', async () => {
    const first = await loadProgress(db, start, week, LONDON);
    expect(first?.streak).toMatchObject({ daysWithout: 7 });
    expect(first?.celebrate.map((m) => [m.days, m.reachedOn])).toEqual([
      [1, '2026-01-02'],
      [3, '2026-01-04'],
      [7, '2026-01-08'],
    ]);

    const again = await loadProgress(db, start, week, LONDON);
    expect(again?.celebrate.map((m) => m.days)).toEqual([1, 3, 7]);
    expect(await eventsByType(db, 'milestone')).toHaveLength(3);

    await markCelebrated(db, again?.celebrate ?? []);
    expect((await loadProgress(db, start, week, LONDON))?.celebrate).toEqual([]);
    expect((await eventsByType(db, 'milestone')).every((m) => m.celebrated)).toBe(true);
  });

  test('the popup and the pause page opening together record each milestone once', async () => {
    await Promise.all([loadProgress(db, start, week, LONDON), loadProgress(db, start, week, LONDON)]);
    expect((await eventsByType(db, 'milestone')).map((m) => m.days).sort((a, b) => a - b)).toEqual([1, 3, 7]);
  });

  test('after a setback: the old milestones stay in the history but are not celebrated', async () => {
    await loadProgress(db, start, week, LONDON);
    await addEvent(db, { type: 'setback', at: at('2026-01-09T22:00:00Z'), tz: LONDON });

    const progress = await loadProgress(db, start, at('2026-01-11T09:00:00Z'), LONDON);
    // The run after the setback begins on 10 January; on the 11th one day of it is over.
    expect(progress?.streak).toMatchObject({ since: dayFromText('2026-01-10'), daysWithout: 1, longest: 8, totalDaysWithout: 9 });
    expect(progress?.celebrate.map((m) => [m.days, m.reachedOn])).toEqual([[1, '2026-01-11']]);
    expect(await eventsByType(db, 'milestone')).toHaveLength(4);
  });
});

describe('the streak start item', () => {
  const now = at('2026-05-01T12:00:00Z');

  test('is empty until the person chooses a day', async () => {
    expect(await streakStartItem.getValue()).toBeNull();
  });

  test('saves a past day with the person’s own word, trimmed', async () => {
    expect(await saveStreakStart('2026-04-01', '  ketamine ', now, LONDON)).toEqual({ ok: true, day: dayFromText('2026-04-01') });
    expect(await streakStartItem.getValue()).toEqual({ startedOn: '2026-04-01', substance: 'ketamine' });
  });

  test('leaves the word out when there is none', async () => {
    await saveStreakStart('2026-05-01', '   ', now, LONDON);
    expect(await streakStartItem.getValue()).toEqual({ startedOn: '2026-05-01' });
  });

  test('refuses a future day kindly and keeps what was there', async () => {
    await saveStreakStart('2026-04-01', '', now, LONDON);
    expect(await saveStreakStart('2026-05-02', '', now, LONDON)).toEqual({
      ok: false,
      message: 'That date is in the future. Choose today or an earlier day.',
    });
    expect(await streakStartItem.getValue()).toEqual({ startedOn: '2026-04-01' });
  });
});

describe('readRecovery: the streak first', () => {
  const start = { startedOn: '2026-01-01' };
  const week = at('2026-01-08T09:00:00Z');
  const never = () => new Promise<never>(() => {});

  test('the streak does not wait for the plan, and the milestones are still recorded', async () => {
    const reads = readRecovery(week, { open: async () => db, readStart: async () => start, readPlan: never });
    const first = await reads.streak;
    expect(first).toMatchObject({ start, streak: { daysWithout: 7 }, problems: [] });
    // The plan never came, so the whole state cannot be in: the streak did not wait for it.
    expect(await Promise.race([reads.state.then(() => 'state'), Promise.resolve('waiting')])).toBe('waiting');
    const done = await readRecovery(week, { open: async () => db, readStart: async () => start }).state;
    expect(done.progress?.celebrate.map((m) => m.days)).toEqual([1, 3, 7]);
    expect(await eventsByType(db, 'milestone')).toHaveLength(3);
  });

  test('the streak is counted when the milestones cannot be written; the state then says the history failed', async () => {
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('quota exceeded', 'QuotaExceededError');
    });
    try {
      const reads = readRecovery(week, { open: async () => db, readStart: async () => start });
      expect((await reads.streak).streak).toMatchObject({ daysWithout: 7, longest: 7 });
      const state = await reads.state;
      expect(state.progress).toBeUndefined();
      expect(state.problems).toEqual(['history']);
    } finally {
      put.mockRestore();
    }
  });

  test('no start day: no streak, nothing recorded', async () => {
    const reads = readRecovery(week, { open: async () => db, readStart: async () => null });
    expect(await reads.streak).toEqual({ start: null, streak: undefined, problems: [] });
    expect((await reads.state).progress).toBeUndefined();
    expect(await eventsByType(db, 'milestone')).toEqual([]);
  });
});
