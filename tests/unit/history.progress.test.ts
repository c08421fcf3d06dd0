import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import { openHistory, type HistoryDB } from '../../lib/history/db';
import { addEvent, eventsByType } from '../../lib/history/events';
import { loadProgress, markCelebrated } from '../../lib/history/progress';
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
