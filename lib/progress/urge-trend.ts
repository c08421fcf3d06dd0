import { summariseDays, type DaySummary } from '../history/day-summary';
import type { CheckinEvent, UrgeEvent } from '../history/event';
import { localClock, monthOf, monthStart, weekdayOf, yearOf, yearStart, type Day, type LocalClock } from '../time/days';

export type TrendPeriod = 'week' | 'month' | 'year';

/** How many periods the chart shows back from today: half a year of weeks, two years of months, ten years. */
export const TREND_SPAN: Record<TrendPeriod, number> = { week: 26, month: 24, year: 10 };

export interface TrendPoint {
  /** First day of the period. */
  start: Day;
  /** Average craving of the check-ins in it, 0 to 10. */
  craving?: number;
  checkins: number;
  /** Average urge-surfing rating before and after waiting (after: only the surfs that got that far). */
  urgeBefore?: number;
  urgeAfter?: number;
  urges: number;
}

/** The first day of the week (Monday), month or year a day falls in. */
export function periodStart(day: Day, period: TrendPeriod): Day {
  if (period === 'week') return day - weekdayOf(day);
  return period === 'month' ? monthStart(monthOf(day)) : yearStart(yearOf(day));
}

/** The period starts the chart shows, oldest first, ending with the one holding today. */
export function periodStarts(today: Day, period: TrendPeriod, span = TREND_SPAN[period]): Day[] {
  const starts: Day[] = [];
  let start = periodStart(today, period);
  for (let i = 0; i < span; i++) {
    starts.unshift(start);
    start = periodStart(start - 1, period);
  }
  return starts;
}

interface Sums {
  craving: number;
  checkins: number;
  before: number;
  urges: number;
  after: number;
  afters: number;
}

/** Average cravings and urge ratings per period, one point for each of the last `span` periods, from the day summaries. */
export function urgeTrendOf(days: readonly DaySummary[], today: Day, period: TrendPeriod): TrendPoint[] {
  const starts = periodStarts(today, period);
  const first = starts[0] ?? today;
  const sums = new Map<Day, Sums>(starts.map((s) => [s, { craving: 0, checkins: 0, before: 0, urges: 0, after: 0, afters: 0 }]));
  for (const d of days) {
    if (d.day < first || d.day > today) continue;
    const s = sums.get(periodStart(d.day, period))!;
    for (const [craving, n] of Object.entries(d.cravings)) {
      s.craving += Number(craving) * n;
      s.checkins += n;
    }
    s.before += d.urgeBefore;
    s.urges += d.urges;
    s.after += d.urgeAfter;
    s.afters += d.afters;
  }
  const mean = (total: number, n: number) => (n > 0 ? Math.round((total / n) * 10) / 10 : undefined);
  return starts.map((start) => {
    const s = sums.get(start)!;
    return {
      start,
      craving: mean(s.craving, s.checkins),
      checkins: s.checkins,
      urgeBefore: mean(s.before, s.urges),
      urgeAfter: mean(s.after, s.afters),
      urges: s.urges,
    };
  });
}

/** `urgeTrendOf` straight from events, each on the day it was lived. */
export function urgeTrend(checkins: readonly CheckinEvent[], urges: readonly UrgeEvent[], clock: LocalClock, today: Day, period: TrendPeriod): TrendPoint[] {
  return urgeTrendOf(summariseDays([...checkins, ...urges], clock), today, period);
}

export interface SurfSummary {
  /** Urge-surfing sessions with a rating before and after. */
  pairs: number;
  averageBefore: number;
  averageAfter: number;
  /** How many of them ended lower than they began. */
  fell: number;
}

/** How much urges fell while the person waited them out, over every complete urge surf, from the day summaries. */
export function surfSummaryOf(days: readonly DaySummary[]): SurfSummary | undefined {
  let pairs = 0;
  let before = 0;
  let after = 0;
  let fell = 0;
  for (const d of days) {
    pairs += d.afters;
    before += d.pairBefore;
    after += d.urgeAfter;
    fell += d.fell;
  }
  if (pairs === 0) return undefined;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { pairs, averageBefore: round(before / pairs), averageAfter: round(after / pairs), fell };
}

/** `surfSummaryOf` straight from urges (the day they fell on does not matter here). */
export function surfSummary(urges: readonly UrgeEvent[]): SurfSummary | undefined {
  return surfSummaryOf(summariseDays(urges, localClock('UTC')));
}
