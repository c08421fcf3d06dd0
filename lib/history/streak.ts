/*
 * Streak and milestone maths: pure, with `now` and the time zone passed in. What a day is, and
 * which day an instant falls on, is lib/time/days.ts's.
 *
 * The counting rule, one for every figure (so no screen can contradict itself: the current streak
 * is never longer than the longest, the longest never more than the total):
 * - **A day without use is a calendar day that is over and on which no setback fell.** Today
 *   counts once it is over. The start day the person chose counts, unless a setback fell on it.
 * - A **run** is a stretch of such days back to back: the first begins on the start day, and each
 *   setback ends one and begins the next on the day after it. The current streak
 *   (`daysWithout`) is the last run's days; `since` is its first day (tomorrow, on the day of a
 *   setback). `longest` is the longest run; `totalDaysWithout` is every run added up, that is the
 *   days over since the start less the days a setback fell on.
 * - A milestone of N days is reached when the run holds N days: on the day after its Nth day
 *   (`since` + N). A year is 365 days (then 730, 1095, …), so across a 29 February it falls a
 *   calendar day early.
 * - A setback falls on the calendar day it had where it was logged (its `tz`): a later trip does not
 *   move it. "Today" is in the person's current zone. If travel puts a setback or the start after
 *   today, it counts as today.
 * - Setbacks before the start day are ignored; two on one day count once. Nothing is erased.
 */
import { t } from '../i18n/i18n';
import { dayFromText, dayOf, type Day } from '../time/days';
import type { SetbackEvent } from './event';

export type DateCheck = { ok: true; day: Day } | { ok: false; message: string };

const EARLIEST_START = dayFromText('1900-01-01')!;

/** Checks the day a person says their streak started, in their own calendar. */
export function validateStartDate(date: string, now: number, timeZone: string): DateCheck {
  const day = date.trim();
  if (day === '') return { ok: false, message: t('streak_startMissing') };
  const start = dayFromText(day);
  if (start === undefined) return { ok: false, message: t('streak_startNotDay') };
  if (start > dayOf(now, timeZone)) return { ok: false, message: t('streak_startFuture') };
  if (start < EARLIEST_START) return { ok: false, message: t('streak_startTooOld') };
  return { ok: true, day: start };
}

/** Checks the time a person gives for a setback. */
export function validateSetbackTime(at: number, now: number): { ok: true } | { ok: false; message: string } {
  if (!Number.isFinite(at)) return { ok: false, message: t('setback_timeMissing') };
  if (at > now) return { ok: false, message: t('setback_timeFuture') };
  return { ok: true };
}

export const MILESTONE_DAYS = [1, 3, 7, 14, 30, 60, 90, 180, 365] as const;
const YEAR = 365;

/** Milestones (in days without use) from 1 up to and including `days`, smallest first. */
export function milestoneDaysUpTo(days: number): number[] {
  const list: number[] = MILESTONE_DAYS.filter((d) => d <= days);
  for (let d = 2 * YEAR; d <= days; d += YEAR) list.push(d);
  return list;
}

/** The first milestone still ahead of `days` days without use. */
export function nextMilestoneDays(days: number): number {
  return MILESTONE_DAYS.find((d) => d > days) ?? (Math.floor(days / YEAR) + 1) * YEAR;
}

export interface StreakInput {
  /** The start day the person chose (see `validateStartDate`). */
  startedOn: Day;
  setbacks: readonly Pick<SetbackEvent, 'at' | 'tz'>[];
  now: number;
  /** The person's time zone now. */
  timeZone: string;
}

export interface Milestone {
  days: number;
  reachedOn: Day;
}

/** A stretch of days without use back to back (see the counting rule above). */
export interface StreakRun {
  /** Its first day: the start day, or the day after a setback (which may be tomorrow). */
  since: Day;
  /** Its days without use: the days from `since` that are over, up to the next setback. */
  days: number;
}

export interface Streak {
  today: Day;
  /** The first day of the current run: the start day, or the day after the last setback. */
  since: Day;
  /** Days without use in the current run (0 on the start day and on the day of a setback). */
  daysWithout: number;
  longest: number;
  totalDaysWithout: number;
  next: Milestone & { daysToGo: number };
}

/**
 * The runs of days without use from the start day to today, oldest first; the last is the current
 * one. `setbackDays` are days on or after `startedOn` and not after `today`, in any order.
 */
export function streakRuns(startedOn: Day, setbackDays: readonly Day[], today: Day): StreakRun[] {
  const runs: StreakRun[] = [];
  let since = startedOn;
  for (const day of [...new Set(setbackDays)].sort((a, b) => a - b)) {
    runs.push({ since, days: Math.max(0, day - since) });
    since = day + 1;
  }
  runs.push({ since, days: Math.max(0, today - since) });
  return runs;
}

export function computeStreak({ startedOn, setbacks, now, timeZone }: StreakInput): Streak {
  const todayHere = dayOf(now, timeZone);
  const today = todayHere < startedOn ? startedOn : todayHere;
  const setbackDays = setbacks.map((s) => setbackDay(s, timeZone, today)).filter((day) => day >= startedOn);
  const runs = streakRuns(startedOn, setbackDays, today);
  const current = runs[runs.length - 1]!;
  const nextDays = nextMilestoneDays(current.days);
  return {
    today,
    since: current.since,
    daysWithout: current.days,
    longest: Math.max(...runs.map((run) => run.days)),
    totalDaysWithout: runs.reduce((sum, run) => sum + run.days, 0),
    next: { days: nextDays, reachedOn: current.since + nextDays, daysToGo: nextDays - current.days },
  };
}

function setbackDay({ at, tz: zone }: Pick<SetbackEvent, 'at' | 'tz'>, timeZone: string, today: Day): Day {
  let day: Day;
  try {
    day = dayOf(at, zone);
  } catch {
    day = dayOf(at, timeZone); // A zone this browser does not know (say from an imported backup).
  }
  return day > today ? today : day;
}

/** The milestones the current streak has reached, smallest first, each with the day it was reached. */
export function milestonesReached({ since, daysWithout }: Pick<Streak, 'since' | 'daysWithout'>): Milestone[] {
  return milestoneDaysUpTo(daysWithout).map((days) => ({ days, reachedOn: since + days }));
}
