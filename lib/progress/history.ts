import type { HistoryDB } from '../history/db';
import type { DaySummary } from '../history/day-summary';
import { readMonths, readSummaries } from '../history/days-store';
import type { MilestoneEvent, SetbackEvent, UrgeEvent } from '../history/event';
import { eventsByType } from '../history/events';
import { monthOf, monthStart, type Day } from '../time/days';

/**
 * Everything the Progress page draws from: the per-day summaries of the last year or so, oldest
 * first; a total for each month before them; and the few events it shows one by one (setbacks for
 * the streak, milestones for the timeline).
 */
export interface ProgressHistory {
  /** Every day's summary from `recentFrom` on (check-ins, urges, pause-page visits, setbacks). */
  days: DaySummary[];
  /** Each month's total before `recentFrom` (its `day` the month's first): enough for sums by month, year and ever. */
  earlier: DaySummary[];
  /** The first day `days` covers; -Infinity when they cover everything. */
  recentFrom: Day;
  setbacks: SetbackEvent[];
  milestones: MilestoneEvent[];
  /** The urges from `urgesFrom` on, one by one, for what the urge log has learnt (./urge-insights.ts). */
  urges?: UrgeEvent[];
}

/**
 * Months read day by day: this one and the twelve before, so every day of the last 365 (risk
 * windows), this year's calendar and the last 26 weeks (urges by week) are all within them.
 */
export const RECENT_MONTHS = 13;

/** The first month read day by day, for today. */
export function recentMonth(today: Day): number {
  return monthOf(today) - (RECENT_MONTHS - 1);
}

/**
 * Reads the day summaries of the recent months, the earlier months' totals (ten years are 13 months
 * of days and about 110 totals, where the events are about 25,000: BENCHMARKS.md, "Progress"), and
 * the setbacks, milestones and recent urges through the `by-type-time` index. `recount` settles when the events
 * are counted against the summaries: null if they agree, else the history made again.
 */
export async function loadProgressHistory(
  db: HistoryDB,
  today: Day,
  urgesFrom = -Infinity,
): Promise<{ history: ProgressHistory; recount: Promise<ProgressHistory | null> }> {
  const from = recentMonth(today);
  const [{ days, earlier, recount }, setbacks, milestones, urges] = await Promise.all([
    readSummaries(db, from),
    eventsByType(db, 'setback'),
    eventsByType(db, 'milestone'),
    eventsByType(db, 'urge', { from: urgesFrom }),
  ]);
  const history = { days, earlier, recentFrom: monthStart(from), setbacks, milestones, urges };
  return { history, recount: recount.then((again) => again && { ...history, ...again }) };
}

/** The day summaries of one calendar year, for the calendar of a year before the recent months. */
export function readYear(db: HistoryDB, year: number): Promise<DaySummary[]> {
  const january = (year - 1970) * 12;
  return readMonths(db, january, january + 11);
}
