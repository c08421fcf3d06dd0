import { describe, expect, test } from 'vitest';
import type { MilestoneEvent } from '../../lib/history/event';
import { milestoneId, milestoneLabel, milestonesToCelebrate } from '../../lib/history/milestones';
import {
  computeStreak,
  milestoneDaysUpTo,
  milestonesReached,
  nextMilestoneDays,
  validateSetbackTime,
  validateStartDate,
  type Streak,
} from '../../lib/history/streak';
import { dayFromText, dayOf, dayText, type Day } from '../../lib/time/days';
import { instantAt } from '../../lib/time/wall-clock';

const LONDON = 'Europe/London';
const NEW_YORK = 'America/New_York';
const TOKYO = 'Asia/Tokyo';

/** The cases read days as written; the streak counts in `Day`s (lib/time/days.ts). */
const D = (text: string): Day => dayFromText(text)!;
const writtenMilestones = (list: readonly { days: number; reachedOn: Day }[]) => list.map((m) => ({ ...m, reachedOn: dayText(m.reachedOn) }));
const written = (s: Streak) => ({ ...s, today: dayText(s.today), since: dayText(s.since), next: { ...s.next, reachedOn: dayText(s.next.reachedOn) } });

/** A setback at an ISO instant (with its offset written out), logged in `tz`. */
const setback = (iso: string, tz = LONDON) => ({ at: Date.parse(iso), tz });

interface Case {
  name: string;
  startedOn: string;
  setbacks?: { at: number; tz: string }[];
  now: string;
  timeZone?: string;
  expected: Partial<ReturnType<typeof written>>;
}

// Every `now` is written with the offset the zone really has on that day, so each case reads as
// the person's own wall clock.
const CASES: Case[] = [
  {
    name: 'the start day: no whole day without use yet',
    startedOn: '2026-05-01',
    now: '2026-05-01T12:00:00+01:00',
    expected: { today: '2026-05-01', since: '2026-05-01', daysWithout: 0, longest: 0, totalDaysWithout: 0 },
  },
  {
    name: 'still none one second before midnight',
    startedOn: '2026-05-01',
    now: '2026-05-01T23:59:59+01:00',
    expected: { daysWithout: 0 },
  },
  {
    name: 'one day from midnight, when the start day is over',
    startedOn: '2026-05-01',
    now: '2026-05-02T00:00:00+01:00',
    expected: { today: '2026-05-02', daysWithout: 1, longest: 1, totalDaysWithout: 1 },
  },
  {
    name: 'London, clocks forward (2026-03-29 has 23 hours): Day 2 after 23 hours',
    startedOn: '2026-03-29',
    now: '2026-03-30T00:00:30+01:00',
    expected: { today: '2026-03-30', daysWithout: 1 },
  },
  {
    name: 'London, clocks forward: half past midnight BST is already the next day',
    startedOn: '2026-03-28',
    now: '2026-03-30T00:30:00+01:00',
    expected: { today: '2026-03-30', daysWithout: 2 },
  },
  {
    name: 'London, clocks back (2026-10-25 has 25 hours): still Day 1 after 24 hours',
    startedOn: '2026-10-25',
    now: '2026-10-25T23:59:00+00:00',
    expected: { today: '2026-10-25', daysWithout: 0 },
  },
  {
    name: 'London, a week across clocks back',
    startedOn: '2026-10-20',
    now: '2026-10-27T08:00:00+00:00',
    expected: { daysWithout: 7, next: { days: 14, reachedOn: '2026-11-03', daysToGo: 7 } },
  },
  {
    name: 'New York, clocks forward (2026-03-08): Day 2 after 23 hours',
    startedOn: '2026-03-08',
    now: '2026-03-09T00:10:00-04:00',
    timeZone: NEW_YORK,
    expected: { today: '2026-03-09', daysWithout: 1 },
  },
  {
    name: 'New York, clocks back (2026-11-01): still Day 1 after 24.5 hours',
    startedOn: '2026-11-01',
    now: '2026-11-01T23:30:00-05:00',
    timeZone: NEW_YORK,
    expected: { today: '2026-11-01', daysWithout: 0 },
  },
  {
    name: 'New York, a setback in the repeated hour of 2026-11-01 falls on that day',
    startedOn: '2026-10-01',
    setbacks: [setback('2026-11-01T01:30:00-05:00', NEW_YORK)],
    now: '2026-11-03T08:00:00-05:00',
    timeZone: NEW_YORK,
    expected: { since: '2026-11-02', daysWithout: 1, longest: 31, totalDaysWithout: 32 },
  },
  {
    name: 'a setback logged in Tokyo keeps its Tokyo day when viewed in London',
    startedOn: '2026-04-01',
    // 07:00 on 10 May in Tokyo is 23:00 on 9 May in London.
    setbacks: [setback('2026-05-10T07:00:00+09:00', TOKYO)],
    now: '2026-05-12T12:00:00+01:00',
    expected: { since: '2026-05-11', daysWithout: 1, longest: 39, totalDaysWithout: 40 },
  },
  {
    name: 'back from Tokyo before its day began in London: the setback counts as today',
    startedOn: '2026-05-01',
    setbacks: [setback('2026-05-10T01:00:00+09:00', TOKYO)],
    now: '2026-05-09T18:00:00+01:00',
    expected: { today: '2026-05-09', since: '2026-05-10', daysWithout: 0, longest: 8, totalDaysWithout: 8 },
  },
  {
    name: 'a start day chosen in Tokyo that has not begun yet in Los Angeles: the start day',
    startedOn: '2026-05-10',
    now: '2026-05-10T01:00:00+09:00',
    timeZone: 'America/Los_Angeles',
    expected: { today: '2026-05-10', daysWithout: 0, totalDaysWithout: 0 },
  },
  {
    name: 'a setback logged later for a past date, listed out of order',
    startedOn: '2026-01-01',
    setbacks: [setback('2026-02-10T21:00:00+00:00'), setback('2026-01-20T09:00:00+00:00')],
    now: '2026-03-01T12:00:00+00:00',
    expected: {
      // Runs: 1–19 January (19 days), 21 January–9 February (20), 11–28 February (18).
      since: '2026-02-11',
      daysWithout: 18,
      longest: 20,
      totalDaysWithout: 57,
      next: { days: 30, reachedOn: '2026-03-13', daysToGo: 12 },
    },
  },
  {
    name: 'two setbacks on one day count once',
    startedOn: '2026-01-01',
    setbacks: [setback('2026-01-10T09:00:00+00:00'), setback('2026-01-10T22:00:00+00:00')],
    now: '2026-01-15T12:00:00+00:00',
    expected: { since: '2026-01-11', daysWithout: 4, longest: 9, totalDaysWithout: 13 },
  },
  {
    name: 'a setback before the start day is ignored',
    startedOn: '2026-02-01',
    setbacks: [setback('2026-01-15T20:00:00+00:00')],
    now: '2026-02-08T12:00:00+00:00',
    expected: {
      since: '2026-02-01',
      daysWithout: 7,
      longest: 7,
      totalDaysWithout: 7,
      next: { days: 14, reachedOn: '2026-02-15', daysToGo: 7 },
    },
  },
  {
    name: 'a setback on the start day: that day is not without use, the run begins the day after',
    startedOn: '2026-02-01',
    setbacks: [setback('2026-02-01T20:00:00+00:00')],
    now: '2026-02-04T12:00:00+00:00',
    expected: { since: '2026-02-02', daysWithout: 2, longest: 2, totalDaysWithout: 2 },
  },
  {
    name: 'a setback today: a fresh start, longest and total stay',
    startedOn: '2026-01-01',
    setbacks: [setback('2026-01-31T08:00:00+00:00')],
    now: '2026-01-31T20:00:00+00:00',
    expected: {
      since: '2026-02-01',
      daysWithout: 0,
      longest: 30,
      totalDaysWithout: 30,
      next: { days: 1, reachedOn: '2026-02-02', daysToGo: 1 },
    },
  },
  {
    name: 'the day after a setback: no whole day without use yet, and the setback day is not one',
    startedOn: '2026-01-01',
    setbacks: [setback('2026-01-31T08:00:00+00:00')],
    now: '2026-02-01T09:00:00+00:00',
    expected: { since: '2026-02-01', daysWithout: 0, longest: 30, totalDaysWithout: 30 },
  },
  {
    name: 'longest comes from an earlier run; the total adds up every run',
    startedOn: '2025-06-01',
    setbacks: [setback('2025-09-01T12:00:00+01:00'), setback('2025-09-20T12:00:00+01:00'), setback('2025-11-15T12:00:00+00:00')],
    now: '2026-01-11T12:00:00+00:00',
    // Runs: 92 days (to 31 Aug), 18, 55, and 56 now: 221, which is 224 days over less 3 setback days.
    expected: { since: '2025-11-16', daysWithout: 56, longest: 92, totalDaysWithout: 221 },
  },
  {
    name: 'leap year: 28 February to 1 March 2028 is two days',
    startedOn: '2028-02-28',
    now: '2028-03-01T10:00:00+00:00',
    expected: { daysWithout: 2, next: { days: 3, reachedOn: '2028-03-02', daysToGo: 1 } },
  },
  {
    name: 'no leap day in 2027: 28 February to 1 March is one day',
    startedOn: '2027-02-28',
    now: '2027-03-01T10:00:00+00:00',
    expected: { daysWithout: 1 },
  },
  {
    name: 'leap year: a year is 365 days, so it arrives on 29 February 2028',
    startedOn: '2027-03-01',
    now: '2027-09-17T10:00:00+01:00',
    expected: { daysWithout: 200, next: { days: 365, reachedOn: '2028-02-29', daysToGo: 165 } },
  },
  {
    name: 'a streak that began on 29 February 2028 reaches one year on 28 February 2029',
    startedOn: '2028-02-29',
    now: '2029-02-28T10:00:00+00:00',
    expected: { daysWithout: 365, next: { days: 730, reachedOn: '2030-02-28', daysToGo: 365 } },
  },
];

describe('computeStreak', () => {
  test.each(CASES)('$name', ({ startedOn, setbacks = [], now, timeZone = LONDON, expected }) => {
    expect(written(computeStreak({ startedOn: D(startedOn), setbacks, now: Date.parse(now), timeZone }))).toMatchObject(expected);
  });

  test('a setback logged in a zone this browser does not know falls back to the current zone', () => {
    const streak = computeStreak({
      startedOn: D('2026-01-01'),
      setbacks: [{ at: Date.parse('2026-01-10T23:30:00-05:00'), tz: 'Mars/Olympus_Mons' }],
      now: Date.parse('2026-01-14T12:00:00-05:00'),
      timeZone: NEW_YORK,
    });
    expect(written(streak)).toMatchObject({ since: '2026-01-11', daysWithout: 3 });
  });

  test('one rule: the current streak is never longer than the longest, the longest never more than the total', () => {
    for (const { startedOn, setbacks = [], now, timeZone = LONDON } of CASES) {
      const streak = computeStreak({ startedOn: D(startedOn), setbacks, now: Date.parse(now), timeZone });
      expect(streak.longest).toBeGreaterThanOrEqual(streak.daysWithout);
      expect(streak.totalDaysWithout).toBeGreaterThanOrEqual(streak.longest);
      expect(streak.totalDaysWithout).toBeLessThanOrEqual(streak.today - D(startedOn));
    }
  });
  test('every pattern of setbacks over ten days: current ≤ longest ≤ total, and the total is the days without a setback', () => {
    // All 2^10 ways setbacks can fall on the 10 days from the start, seen on the 11th (noon, London).
    const start = D('2026-01-01');
    const now = Date.parse('2026-01-11T12:00:00Z');
    for (let mask = 0; mask < 1 << 10; mask++) {
      const days = [...Array(10).keys()].filter((i) => mask & (1 << i));
      const streak = computeStreak({ startedOn: start, setbacks: days.map((i) => setback(`${dayText(start + i)}T12:00:00Z`)), now, timeZone: LONDON });
      expect(streak.daysWithout).toBeLessThanOrEqual(streak.longest);
      expect(streak.longest).toBeLessThanOrEqual(streak.totalDaysWithout);
      expect(streak.totalDaysWithout).toBe(10 - days.length);
      // The current run: the days over since the last setback (or the start), none of them a setback day.
      const last = days.at(-1);
      expect(streak.daysWithout).toBe(last === undefined ? 10 : 9 - last);
    }
  });
});

describe('milestones', () => {
  test.each([
    [0, 1],
    [1, 3],
    [2, 3],
    [3, 7],
    [6, 7],
    [7, 14],
    [13, 14],
    [14, 30],
    [29, 30],
    [30, 60],
    [59, 60],
    [60, 90],
    [90, 180],
    [179, 180],
    [180, 365],
    [364, 365],
    [365, 730],
    [729, 730],
    [730, 1095],
    [1095, 1460],
  ])('after %i days the next is %i', (days, next) => {
    expect(nextMilestoneDays(days)).toBe(next);
  });

  test.each([
    [0, []],
    [1, [1]],
    [7, [1, 3, 7]],
    [400, [1, 3, 7, 14, 30, 60, 90, 180, 365]],
    [1100, [1, 3, 7, 14, 30, 60, 90, 180, 365, 730, 1095]],
  ])('reached by %i days: %o', (days, reached) => {
    expect(milestoneDaysUpTo(days)).toEqual(reached);
  });

  test('"1 day" is reached on Day 2, once one whole day is behind the person', () => {
    const day1 = computeStreak({ startedOn: D('2026-01-01'), setbacks: [], now: Date.parse('2026-01-01T20:00:00Z'), timeZone: LONDON });
    const day2 = computeStreak({ startedOn: D('2026-01-01'), setbacks: [], now: Date.parse('2026-01-02T08:00:00Z'), timeZone: LONDON });
    expect(milestonesReached(day1)).toEqual([]);
    expect(writtenMilestones(milestonesReached(day2))).toEqual([{ days: 1, reachedOn: '2026-01-02' }]);
  });

  test('milestonesReached lists the current streak’s milestones with the day each was reached', () => {
    const streak = computeStreak({
      startedOn: D('2025-11-01'),
      setbacks: [setback('2026-01-01T21:00:00+00:00')],
      now: Date.parse('2026-01-08T12:00:00Z'),
      timeZone: LONDON,
    });
    // The run begins on 2 January, the day after the setback; on 8 January six days of it are over.
    expect(writtenMilestones(milestonesReached(streak))).toEqual([
      { days: 1, reachedOn: '2026-01-03' },
      { days: 3, reachedOn: '2026-01-05' },
    ]);
  });

  const recorded = (days: number, reachedOn: string, celebrated = false): MilestoneEvent => ({
    id: milestoneId({ days, reachedOn: D(reachedOn) }),
    type: 'milestone',
    at: 0,
    tz: LONDON,
    days,
    reachedOn,
    celebrated,
  });

  test('milestonesToCelebrate: only uncelebrated ones of the current streak, smallest first', () => {
    const current = { since: D('2026-01-01'), daysWithout: 8 };
    const list = [
      recorded(7, '2026-01-08'),
      recorded(30, '2025-12-01'), // an earlier streak, since ended by a setback
      recorded(1, '2026-01-02', true), // already celebrated
      recorded(3, '2026-01-04'),
      recorded(14, '2026-01-15'), // not reached: the setback that ended it was logged later
    ];
    expect(milestonesToCelebrate(list, current).map((m) => m.days)).toEqual([3, 7]);
  });

  test('a milestone id names the streak’s day and the days', () => {
    expect(milestoneId({ days: 30, reachedOn: D('2026-03-01') })).toBe('milestone:2026-03-01:30');
  });

  test.each([
    [1, '1 day'],
    [3, '3 days'],
    [180, '180 days'],
    [365, '1 year'],
    [730, '2 years'],
    [1095, '3 years'],
  ])('%i days reads "%s"', (days, label) => {
    expect(milestoneLabel(days)).toBe(label);
  });
});

describe('validateStartDate', () => {
  // 23:30 UTC on 1 May 2026 is already 00:30 on 2 May in London.
  const now = Date.parse('2026-05-01T23:30:00Z');
  test.each([
    ['2026-05-02', LONDON, { ok: true, day: D('2026-05-02') }],
    [' 2026-05-01 ', LONDON, { ok: true, day: D('2026-05-01') }],
    ['2024-02-29', LONDON, { ok: true, day: D('2024-02-29') }],
    ['2026-05-02', 'UTC', { ok: false, message: 'That date is in the future. Choose today or an earlier day.' }],
    ['2026-05-03', LONDON, { ok: false, message: 'That date is in the future. Choose today or an earlier day.' }],
    ['', LONDON, { ok: false, message: 'Choose the day your streak started.' }],
    ['2027-02-29', LONDON, { ok: false, message: 'That isn’t a day on the calendar. Choose one like 2026-03-29.' }],
    ['2026-13-01', LONDON, { ok: false, message: 'That isn’t a day on the calendar. Choose one like 2026-03-29.' }],
    ['1/5/2026', LONDON, { ok: false, message: 'That isn’t a day on the calendar. Choose one like 2026-03-29.' }],
    ['0026-05-01', LONDON, { ok: false, message: 'That date is more than a century ago. Check the year.' }],
  ])('%s in %s', (date, zone, expected) => {
    expect(validateStartDate(date, now, zone)).toEqual(expected);
  });
});

describe('calendar helpers', () => {
  test.each([
    ['2026-03-29', '09:15', LONDON, '2026-03-29T08:15:00Z'],
    ['2026-01-10', '09:15', LONDON, '2026-01-10T09:15:00Z'],
    ['2026-05-10', '07:00', TOKYO, '2026-05-09T22:00:00Z'],
    ['2026-11-01', '12:00', NEW_YORK, '2026-11-01T17:00:00Z'],
  ])('instantAt(%s, %s, %s) is %s', (day, time, zone, iso) => {
    expect(instantAt(day, time, zone)).toBe(Date.parse(iso));
    expect(dayText(dayOf(instantAt(day, time, zone), zone))).toBe(day);
  });

  test.each([
    ['2026-03-28', 1, '2026-03-29'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', 365, '2027-01-01'],
  ])('%s plus %i days is %s', (day, days, expected) => {
    expect(dayText(D(day) + days)).toBe(expected);
    expect(D(expected) - D(day)).toBe(days);
  });

  test('validateSetbackTime refuses the future and a missing time', () => {
    const now = Date.parse('2026-05-01T12:00:00Z');
    expect(validateSetbackTime(now - 1, now)).toEqual({ ok: true });
    expect(validateSetbackTime(now + 60_000, now)).toEqual({
      ok: false,
      message: 'That time is in the future. Choose now or an earlier time.',
    });
    expect(validateSetbackTime(NaN, now)).toEqual({ ok: false, message: 'Choose the day and time it happened.' });
  });
});
