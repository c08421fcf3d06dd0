/*
 * Streak and milestone maths: pure, with `now` and the time zone passed in.
 *
 * Dependencies: date-fns 4 and @date-fns/tz 1 (MIT, no dependencies of their own, both released
 * in 2026 by one active team). The hard parts are theirs, not ours: the offset of an IANA zone at an
 * instant across DST and travel (`tzOffset`, Intl under the hood), and which instant a wall-clock
 * time is on a day the clocks change (`instantAt` in ./wall-clock.ts, for the options page). Plain
 * `YYYY-MM-DD` days are ours: whole days between two midnights UTC, which has no DST to trip over,
 * checked against the calendar by `Date` itself (2027-02-29 is refused). That keeps `parseISO`,
 * `formatISO` and `TZDate` (about 2 KB gzipped) out of the popup, whose JavaScript has a 25 KB
 * gzipped budget (BENCHMARKS.md, "Popup"). Upkeep: import them only here and in ./wall-clock.ts,
 * so replacing them (say by Temporal, once Chrome and Firefox both ship it) touches two files.
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
// The subpath, not the package's index: the index also loads TZDate, whose module patches its own
// prototype at load time, so no bundler can leave it out (the package declares no `sideEffects`).
import { tzOffset } from '@date-fns/tz/tzOffset';
import { t } from '../i18n/i18n';
import type { CalendarDay, SetbackEvent } from './event';

const DAY_MS = 86_400_000;

/**
 * The `YYYY-MM-DD` of a Date's UTC fields. `toISOString` throws a RangeError for an invalid Date,
 * as `formatISO` did; it would write years past 9999 as `+010000`, which no streak reaches.
 */
const formatDay = (utc: Date): CalendarDay => utc.toISOString().slice(0, 10);

/** The calendar day an instant falls on in a time zone. Throws a RangeError for an unknown zone. */
export function dayOf(at: number, timeZone: string): CalendarDay {
  // The zone's offset in minutes at that instant (NaN for a zone Intl does not know); historical
  // offsets can carry seconds, rounded as TZDate rounds them.
  const offset = tzOffset(timeZone, new Date(at));
  return formatDay(new Date(at + Math.round(offset * 60) * 1000));
}

/** Midnight UTC of a `YYYY-MM-DD` day that exists on the calendar, in ms; undefined otherwise. */
function dayStart(day: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const utc = new Date(0);
  utc.setUTCFullYear(year, month, date); // Not `Date.UTC`, which reads years 0 to 99 as 1900 to 1999.
  // `Date` rolls 2027-02-29 over to 1 March and month 13 into the next year: such a day does not exist.
  return utc.getUTCFullYear() === year && utc.getUTCMonth() === month && utc.getUTCDate() === date ? utc.getTime() : undefined;
}

/** True for a `YYYY-MM-DD` day that exists on the calendar. */
export function isCalendarDay(value: string): boolean {
  return dayStart(value) !== undefined;
}

/** Calendar days from `from` to `to` (negative if `to` is earlier). Both must be calendar days. */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return ((dayStart(to) ?? NaN) - (dayStart(from) ?? NaN)) / DAY_MS;
}

export function addDaysTo(day: CalendarDay, days: number): CalendarDay {
  return formatDay(new Date((dayStart(day) ?? NaN) + days * DAY_MS));
}


export type DateCheck = { ok: true; day: CalendarDay } | { ok: false; message: string };

const EARLIEST_START = '1900-01-01';

/** Checks the day a person says their streak started, in their own calendar. */
export function validateStartDate(date: string, now: number, timeZone: string): DateCheck {
  const day = date.trim();
  if (day === '') return { ok: false, message: t('streak_startMissing') };
  if (!isCalendarDay(day)) return { ok: false, message: t('streak_startNotDay') };
  if (day > dayOf(now, timeZone)) return { ok: false, message: t('streak_startFuture') };
  if (day < EARLIEST_START) return { ok: false, message: t('streak_startTooOld') };
  return { ok: true, day };
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
  startedOn: CalendarDay;
  setbacks: readonly Pick<SetbackEvent, 'at' | 'tz'>[];
  now: number;
  /** The person's time zone now. */
  timeZone: string;
}

export interface Milestone {
  days: number;
  reachedOn: CalendarDay;
}

/** A stretch of days without use back to back (see the counting rule above). */
export interface StreakRun {
  /** Its first day: the start day, or the day after a setback (which may be tomorrow). */
  since: CalendarDay;
  /** Its days without use: the days from `since` that are over, up to the next setback. */
  days: number;
}

export interface Streak {
  today: CalendarDay;
  /** The first day of the current run: the start day, or the day after the last setback. */
  since: CalendarDay;
  /** Days without use in the current run (0 on the start day and on the day of a setback). */
  daysWithout: number;
  longest: number;
  totalDaysWithout: number;
  next: Milestone & { daysToGo: number };
}

/**
 * The runs of days without use from the start day to today, oldest first; the last is the current
 * one. `setbackDays` are calendar days on or after `startedOn` and not after `today`, in any order.
 */
export function streakRuns(startedOn: CalendarDay, setbackDays: readonly CalendarDay[], today: CalendarDay): StreakRun[] {
  const runs: StreakRun[] = [];
  let since = startedOn;
  for (const day of [...new Set(setbackDays)].sort()) {
    runs.push({ since, days: Math.max(0, daysBetween(since, day)) });
    since = addDaysTo(day, 1);
  }
  runs.push({ since, days: Math.max(0, daysBetween(since, today)) });
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
    next: { days: nextDays, reachedOn: addDaysTo(current.since, nextDays), daysToGo: nextDays - current.days },
  };
}

function setbackDay({ at, tz: zone }: Pick<SetbackEvent, 'at' | 'tz'>, timeZone: string, today: CalendarDay): CalendarDay {
  let day: CalendarDay;
  try {
    day = dayOf(at, zone);
  } catch {
    day = dayOf(at, timeZone); // A zone this browser does not know (say from an imported backup).
  }
  return day > today ? today : day;
}

/** The milestones the current streak has reached, smallest first, each with the day it was reached. */
export function milestonesReached({ since, daysWithout }: Pick<Streak, 'since' | 'daysWithout'>): Milestone[] {
  return milestoneDaysUpTo(daysWithout).map((days) => ({ days, reachedOn: addDaysTo(since, days) }));
}
