import { describe, expect, test } from 'vitest';
import type { CheckinEvent, InterventionEvent, MilestoneEvent, SetbackEvent, UrgeEvent } from '../../lib/history/event';
import { summariseDays } from '../../lib/history/day-summary';
import { splitSummaries } from '../../lib/history/days-store';
import { recentMonth, type ProgressHistory } from '../../lib/progress/history';
import { computeStreak } from '../../lib/history/streak';
import { calendarYears, dayMarks, yearCalendar, yearCounts } from '../../lib/progress/calendar';
import { dayFromText, dayText, localClock, weekdayOf } from '../../lib/time/days';
import { milestoneTimeline } from '../../lib/progress/milestone-timeline';
import { planHasSituation, riskGrid, riskWindow, withSituation } from '../../lib/progress/risk';
import { turnedBack } from '../../lib/progress/turned-back';
import { periodStarts, surfSummary, urgeTrend } from '../../lib/progress/urge-trend';

const LONDON = 'Europe/London';
const NEW_YORK = 'America/New_York';
const AUCKLAND = 'Pacific/Auckland';
const at = (iso: string) => Date.parse(iso);
const day = (text: string) => dayFromText(text)!;
let n = 0;
const checkin = (iso: string, craving: number, tz = LONDON): CheckinEvent => ({
  id: `c${n++}`,
  type: 'checkin',
  at: at(iso),
  tz,
  mood: 3,
  craving,
  halt: { hungry: false, angry: false, lonely: false, tired: false },
});
const setback = (iso: string, tz = LONDON): SetbackEvent => ({ id: `s${n++}`, type: 'setback', at: at(iso), tz });
const visit = (iso: string, outcome: InterventionEvent['outcome'], site = 'a.example', tz = LONDON): InterventionEvent => ({
  id: `i${n++}`,
  type: 'intervention',
  at: at(iso),
  tz,
  site,
  outcome,
});
const urge = (iso: string, before: number, after?: number, tz = LONDON): UrgeEvent => ({ id: `u${n++}`, type: 'urge', at: at(iso), tz, before, after });

describe('localClock: the day and hour an event was lived, in its own zone', () => {
  const clock = localClock(LONDON);
  test.each([
    // London across the spring change (29 March 2026, 01:00 UTC) and the autumn one (25 October, 01:00 UTC).
    ['2026-03-29T00:30:00Z', LONDON, '2026-03-29', 0],
    ['2026-03-29T01:30:00Z', LONDON, '2026-03-29', 2],
    ['2026-03-28T23:30:00Z', LONDON, '2026-03-28', 23],
    ['2026-07-01T23:30:00Z', LONDON, '2026-07-02', 0],
    ['2026-10-25T00:30:00Z', LONDON, '2026-10-25', 1],
    ['2026-10-25T01:30:00Z', LONDON, '2026-10-25', 1],
    // New York: late evening there is already tomorrow in UTC.
    ['2026-03-04T02:30:00Z', NEW_YORK, '2026-03-03', 21],
    ['2026-03-08T07:30:00Z', NEW_YORK, '2026-03-08', 3],
    // Auckland, UTC+13 in its summer: a UTC afternoon is tomorrow morning.
    ['2026-01-10T20:00:00Z', AUCKLAND, '2026-01-11', 9],
    ['2026-04-04T13:30:00Z', AUCKLAND, '2026-04-05', 2],
    // A zone this browser does not know counts as the fallback.
    ['2026-07-01T23:30:00Z', 'Nowhere/Atlantis', '2026-07-02', 0],
  ])('%s in %s is %s at hour %i', (iso, zone, expectedDay, hour) => {
    const local = clock(at(iso), zone);
    expect(dayText(local.day)).toBe(expectedDay);
    expect(local.hour).toBe(hour);
    expect(local.weekday).toBe(weekdayOf(day(expectedDay)));
  });

  test('weekdays start on Monday', () => {
    expect(weekdayOf(day('2026-03-02'))).toBe(0); // a Monday
    expect(weekdayOf(day('2026-03-08'))).toBe(6); // a Sunday
    expect(weekdayOf(day('1969-12-29'))).toBe(0);
  });
});

describe('the year calendar', () => {
  const clock = localClock(LONDON);
  const marks = dayMarks(
    [checkin('2026-03-03T20:00:00Z', 4), checkin('2026-03-03T21:00:00Z', 6), checkin('2026-03-10T08:00:00Z', 2)],
    // 23:30 in New York on 9 March is 10 March in London: it stays on the 9th, the day it was lived.
    [setback('2026-03-10T03:30:00Z', NEW_YORK)],
    clock,
  );
  const weeks = yearCalendar({ year: 2026, marks, startedOn: day('2026-03-01'), today: day('2026-03-12') });
  const find = (iso: string) => weeks.flat().find((c) => c?.day === day(iso));

  test('is weeks of seven days, Monday first, holding every day of the year once', () => {
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks.flat().filter(Boolean)).toHaveLength(365);
    expect(weeks[0]!.slice(0, 3)).toEqual([undefined, undefined, undefined]); // 1 January 2026 is a Thursday
    expect(weeks[0]![3]?.day).toBe(day('2026-01-01'));
  });

  test('marks each day as the person lived it', () => {
    expect(find('2026-02-28')?.status).toBe('before');
    expect(find('2026-03-03')).toMatchObject({ status: 'without', checkins: 2, craving: 6 });
    expect(find('2026-03-09')?.status).toBe('setback');
    expect(find('2026-03-10')).toMatchObject({ status: 'without', checkins: 1, craving: 2 });
    expect(find('2026-03-12')?.status).toBe('today');
    expect(find('2026-03-13')?.status).toBe('future');
  });

  test("counts the year's whole days without use (not today, still going), setback days and check-in days", () => {
    // 1 to 11 March, less the setback on the 9th; the 12th is today.
    expect(yearCounts(weeks)).toEqual({ without: 10, setbacks: 1, checkedIn: 2 });
  });

  test('with no start day, no day counts as without use', () => {
    const none = yearCalendar({ year: 2026, marks, today: day('2026-03-12') });
    expect(
      new Set(
        none
          .flat()
          .filter(Boolean)
          .map((c) => c!.status),
      ),
    ).toEqual(new Set(['before', 'future']));
  });

  test('a leap year has 366 days, and the years run from the first record to this one', () => {
    expect(
      yearCalendar({ year: 2028, marks, today: day('2028-12-31') })
        .flat()
        .filter(Boolean),
    ).toHaveLength(366);
    expect(calendarYears(day('2017-06-01'), day('2026-03-12'))).toEqual({ from: 2017, to: 2026 });
    expect(calendarYears(undefined, day('2026-03-12'))).toEqual({ from: 2026, to: 2026 });
  });
});

describe('urges over time', () => {
  const clock = localClock(LONDON);
  const today = day('2026-03-12'); // a Thursday

  test('periods end with the one holding today', () => {
    expect(periodStarts(today, 'week', 3).map(dayText)).toEqual(['2026-02-23', '2026-03-02', '2026-03-09']);
    expect(periodStarts(today, 'month', 3).map(dayText)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(periodStarts(today, 'year', 2).map(dayText)).toEqual(['2025-01-01', '2026-01-01']);
  });

  test('averages cravings and urge ratings per week, each on the day it was lived', () => {
    const points = urgeTrend(
      // Sunday 8 March 23:30 in New York (summer time began that morning) is Monday in London: it belongs to the week of 2 March.
      [checkin('2026-03-09T03:30:00Z', 8, NEW_YORK), checkin('2026-03-03T12:00:00Z', 4), checkin('2026-03-10T12:00:00Z', 3)],
      [urge('2026-03-11T12:00:00Z', 8, 3), urge('2026-03-11T13:00:00Z', 6)],
      clock,
      today,
      'week',
    );
    expect(points).toHaveLength(26);
    expect(points.at(-2)).toMatchObject({ start: day('2026-03-02'), craving: 6, checkins: 2, urges: 0 });
    expect(points.at(-1)).toMatchObject({ start: day('2026-03-09'), craving: 3, checkins: 1, urgeBefore: 7, urgeAfter: 3, urges: 2 });
    expect(points[0]).toMatchObject({ checkins: 0, urges: 0, craving: undefined });
  });

  test('urge surfing: how much urges fell while waiting, over complete surfs only', () => {
    expect(surfSummary([])).toBeUndefined();
    expect(surfSummary([urge('2026-03-11T12:00:00Z', 9)])).toBeUndefined();
    expect(surfSummary([urge('2026-03-11T12:00:00Z', 8, 3), urge('2026-03-11T13:00:00Z', 5, 5), urge('2026-03-11T14:00:00Z', 6)])).toEqual({
      pairs: 2,
      averageBefore: 6.5,
      averageAfter: 4,
      fell: 1,
    });
  });
});

describe('risk windows', () => {
  const clock = localClock(LONDON);

  test('counts pause-page visits, urges and high cravings by weekday and hour where they were lived', () => {
    const grid = riskGrid(
      [visit('2026-03-06T20:10:00Z', 'left'), visit('2026-03-07T01:00:00Z', 'shown', 'a.example', NEW_YORK)],
      [urge('2026-03-06T21:00:00Z', 7)],
      [checkin('2026-03-06T22:00:00Z', 9), checkin('2026-03-06T22:00:00Z', 6)],
      clock,
    );
    expect(grid[4]![20]).toBe(2); // Friday 20:00 in London, and 01:00 UTC Saturday = 20:00 Friday in New York
    expect(grid[4]![21]).toBe(1);
    expect(grid[4]![22]).toBe(1); // the craving of 6 is not counted
    expect(grid.flat().reduce((a, b) => a + b)).toBe(4);
  });

  test('names the busiest window, with a second day when it is nearly as busy', () => {
    const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
    grid[4]![20] = 6; // Friday evening
    grid[5]![21] = 5; // Saturday evening
    grid[1]![9] = 2; // Tuesday morning
    expect(riskWindow(grid)).toEqual({ days: [4, 5], part: 'evening', count: 11, total: 13 });
    grid[5]![21] = 3;
    expect(riskWindow(grid)).toMatchObject({ days: [4], part: 'evening', count: 6 });
  });

  test('says nothing from too few moments', () => {
    const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
    grid[4]![20] = 4;
    expect(riskWindow(grid)).toBeUndefined();
  });

  test('adds a window to the plan once, on its own line', () => {
    expect(withSituation('', 'Friday evenings')).toBe('Friday evenings');
    expect(withSituation('Payday\n', 'Friday evenings')).toBe('Payday\nFriday evenings');
    expect(planHasSituation('Payday\n  friday  EVENINGS ', 'Friday evenings')).toBe(true);
    expect(withSituation('Payday\nfriday evenings', 'Friday evenings')).toBe('Payday\nfriday evenings');
  });
});

describe('turned back', () => {
  const clock = localClock(LONDON);
  const today = day('2026-03-12'); // Thursday; the week began on Monday 9 March

  test('counts "Take me away" and closing the pause page, not continuing, this week, this month and ever', () => {
    const counts = turnedBack(
      [
        visit('2026-03-11T10:00:00Z', 'left', 'b.example'),
        visit('2026-03-09T00:30:00Z', 'closed'), // Monday 00:30 in London
        visit('2026-03-09T03:00:00Z', 'left', 'a.example', NEW_YORK), // Sunday 23:00 in New York: last week
        visit('2026-03-02T10:00:00Z', 'continued'),
        visit('2026-03-01T10:00:00Z', 'shown'),
        visit('2026-02-27T10:00:00Z', 'left', 'b.example'),
        visit('2020-02-27T10:00:00Z', 'left', 'b.example'),
      ],
      clock,
      today,
    );
    expect(counts).toEqual({
      week: 2,
      month: 3,
      all: 5,
      left: 4,
      closed: 1,
      bySite: [
        { site: 'b.example', count: 3 },
        { site: 'a.example', count: 2 },
      ],
    });
  });
});

describe('the milestones timeline', () => {
  const milestone = (days: number, reachedOn: string): MilestoneEvent => ({
    id: `milestone:${reachedOn}:${days}`,
    type: 'milestone',
    at: 0,
    tz: LONDON,
    days,
    reachedOn,
    celebrated: true,
  });

  test("lists earlier streaks' milestones and the current one's in date order, and the next; one recorded a day early by the earlier counting shows once", () => {
    const streak = computeStreak({
      startedOn: day('2026-01-01'),
      setbacks: [{ at: at('2026-01-20T12:00:00Z'), tz: LONDON }],
      now: at('2026-01-28T12:00:00Z'),
      timeZone: LONDON,
    });
    const recorded = [
      milestone(7, '2026-01-08'),
      milestone(1, '2026-01-02'),
      milestone(3, '2026-01-04'),
      milestone(14, '2026-01-15'),
      milestone(1, '2026-01-21'),
    ];
    const timeline = milestoneTimeline(recorded, streak);
    expect(timeline.reached.map((m) => [m.days, dayText(m.reachedOn), m.current])).toEqual([
      [1, '2026-01-02', false],
      [3, '2026-01-04', false],
      [7, '2026-01-08', false],
      [14, '2026-01-15', false],
      // The run after the setback of 20 January begins on the 21st: "1 day" on the 22nd. The "1
      // day" recorded on the 21st (when the setback's day counted) is the same milestone.
      [1, '2026-01-22', true],
      [3, '2026-01-24', true],
      [7, '2026-01-28', true],
    ]);
    expect(timeline.next).toEqual({ days: 14, reachedOn: day('2026-02-04'), daysToGo: 7 });
  });

  test('with no streak and nothing recorded, nothing', () => {
    expect(milestoneTimeline([], undefined)).toEqual({ reached: [], next: undefined });
  });
});

describe('milestones of earlier streaks', () => {
  test('come from the runs by the same rule as the current one, even when nothing recorded them', async () => {
    const { earlierStreakMilestones } = await import('../../lib/progress/milestone-timeline');
    const { streakRuns } = await import('../../lib/history/streak');
    // Setbacks on 9 and 10 January and 1 February: runs of 8 days from 1 January, none on 10
    // January (the day after the first setback had one too), and 21 days from 11 January.
    const runs = streakRuns(day('2026-01-01'), [day('2026-01-09'), day('2026-01-10'), day('2026-02-01')], day('2026-02-05'));
    expect(runs.map((r) => r.days)).toEqual([8, 0, 21, 3]);
    expect(earlierStreakMilestones(runs.slice(0, -1)).map((m) => ({ ...m, reachedOn: dayText(m.reachedOn) }))).toEqual([
      { days: 1, reachedOn: '2026-01-02' },
      { days: 3, reachedOn: '2026-01-04' },
      { days: 7, reachedOn: '2026-01-08' },
      { days: 1, reachedOn: '2026-01-12' },
      { days: 3, reachedOn: '2026-01-14' },
      { days: 7, reachedOn: '2026-01-18' },
      { days: 14, reachedOn: '2026-01-25' },
    ]);
    expect(earlierStreakMilestones([])).toEqual([]);
  });
});

describe('the page view, drawn from the day summaries', () => {
  const clock = localClock(LONDON);
  const now = at('2026-03-12T12:00:00Z');
  const today = day('2026-03-12');
  /** As the page reads them: the recent months day by day, the months before as totals. */
  const historyOf = (events: (CheckinEvent | InterventionEvent | UrgeEvent | SetbackEvent)[], milestones: MilestoneEvent[] = []): ProgressHistory => {
    const { days, earlier } = splitSummaries(summariseDays(events, clock), recentMonth(today));
    return { days, earlier, recentFrom: day('2025-03-01'), setbacks: events.filter((e) => e.type === 'setback'), milestones };
  };

  test('the calendar goes back to the start day or the first thing recorded; with neither, the page greets', async () => {
    const { progressView } = await import('../../lib/progress/progress-page');
    const history = historyOf([checkin('2024-03-03T20:00:00Z', 4)]);
    const whole = progressView(history, { startedOn: '2016-01-01' }, now, LONDON);
    expect(whole).toMatchObject({ years: { from: 2016, to: 2026 }, empty: false });
    expect(whole.streak?.daysWithout).toBe(3723);
    expect(progressView(history, null, now, LONDON)).toMatchObject({ years: { from: 2024, to: 2026 }, empty: false });
    expect(progressView({ ...history, days: [], earlier: [] }, null, now, LONDON).empty).toBe(true);
  });

  test('risk windows count the last twelve months only', async () => {
    const { progressView } = await import('../../lib/progress/progress-page');
    const old = visit('2024-03-06T20:10:00Z', 'left');
    const recent = visit('2026-03-06T20:10:00Z', 'left');
    const grid = riskGrid([old, recent], [], [], clock, at('2025-03-12T12:00:00Z'));
    expect(grid.flat().reduce((a, b) => a + b)).toBe(1);
    // By day: 365 days back from 12 March 2026, today included, begins on 13 March 2025.
    const edge = [visit('2025-03-12T20:00:00Z', 'left'), visit('2025-03-13T08:00:00Z', 'left'), recent];
    const view = progressView(historyOf(edge), null, now, LONDON);
    expect(view.risk.flat().reduce((a, b) => a + b)).toBe(2);
    expect(view.turnedBack.all).toBe(3);
  });

  test('reading the months before the last thirteen as totals changes no figure the page shows', async () => {
    const { progressView } = await import('../../lib/progress/progress-page');
    // Three years of everything, in three zones, with setbacks ending streaks.
    const events: (CheckinEvent | InterventionEvent | UrgeEvent | SetbackEvent)[] = [];
    const zones = [LONDON, NEW_YORK, AUCKLAND];
    for (let i = 0; i < 1100; i += 1) {
      const iso = new Date(now - i * 86_400_000 - (i % 24) * 3_600_000).toISOString();
      events.push(checkin(iso, i % 11, zones[i % 3]));
      if (i % 3 === 0) events.push(visit(iso, (['left', 'closed', 'continued', 'shown'] as const)[i % 4]!, `site${i % 5}.example`, zones[i % 3]));
      if (i % 7 === 0) events.push(urge(iso, 8, i % 2 ? 3 : undefined));
      if (i % 200 === 50) events.push(setback(iso));
    }
    const start = { startedOn: '2023-01-01' };
    const all = summariseDays(events, clock);
    const whole = progressView(
      { days: all, earlier: [], recentFrom: -Infinity, setbacks: events.filter((e) => e.type === 'setback'), milestones: [] },
      start,
      now,
      LONDON,
    );
    const readYear = (year: number) => Promise.resolve(all.filter((d) => dayText(d.day).startsWith(`${year}-`)));
    const split = historyOf(events);
    expect(split.earlier.length).toBeGreaterThan(20);
    expect(split.days[0]!.day).toBeGreaterThanOrEqual(day('2025-03-01'));
    const view = progressView(split, start, now, LONDON, readYear);

    for (const key of ['years', 'risk', 'riskWindow', 'turnedBack', 'surf', 'timeline', 'streak', 'empty'] as const) expect(view[key], key).toEqual(whole[key]);
    for (const period of ['week', 'month', 'year'] as const) expect(view.trend(period), period).toEqual(whole.trend(period));
    expect(view.trend('year').filter((p) => p.checkins > 0)).toHaveLength(4);
    // This year's calendar from the days already read; earlier years read when turned to.
    expect(await view.marksOf(2026)).toBe(view.marks);
    for (const year of [2023, 2024, 2025]) {
      const marks = await view.marksOf(year);
      const inYear = (d: number) => dayText(d).startsWith(`${year}-`);
      expect([...marks.checkins.keys()].sort(), String(year)).toEqual([...whole.marks.checkins.keys()].filter(inYear).sort());
      expect([...marks.setbacks].sort(), String(year)).toEqual([...whole.marks.setbacks].filter(inYear).sort());
    }
  });
});
