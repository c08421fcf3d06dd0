/*
 * Streak and milestone maths: pure, with `now` and the time zone passed in. What a day is, and
 * which day an instant falls on, is lib/time/days.ts's.
 *
 * The counting rules, one place for all of them:
 * - A "mark" is the start day the person chose or the calendar day of a setback. The current
 *   streak runs from the last mark (`since`) to today. `currentDay` is 1 on that day: the popup
 *   shows "Day {currentDay}". `daysWithout = currentDay - 1` counts the days since the mark that
 *   are over, and is what milestones, `longest` and the total count.
 * - A milestone of N days is reached when `daysWithout >= N`, that is on Day N + 1: the "1 day"
 *   milestone comes the day after the start, once one whole day is behind the person. A year is
 *   365 days (then 730, 1095, …), so across a 29 February it falls a calendar day early.
 * - A setback falls on the calendar day it had where it was logged (its `tz`): a later trip does not
 *   move it. "Today" is in the person's current zone. If travel puts a setback or the start after
 *   today, it counts as today (Day 1).
 * - Setbacks before the start day are ignored; two on one day count once.
 * - Nothing is erased: `longest` is the highest `daysWithout` any streak reached (a streak ended by
 *   a setback on day B reached B minus its mark). `totalDaysWithout` counts the days that are over,
 *   from the start day on, less the days a setback fell on. It is not the plain sum of the streaks:
 *   a setback's day is Day 1 of the next streak, yet it had a use in it.
 */
import { t } from '../i18n/i18n';
import { addDaysTo, dayOf, daysBetween, isCalendarDay, type CalendarDay } from '../time/days';
import type { SetbackEvent } from './event';

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

export interface Streak {
  today: CalendarDay;
  /** Day 1 of the current streak: the start day or the last setback's day. */
  since: CalendarDay;
  currentDay: number;
  daysWithout: number;
  longest: number;
  totalDaysWithout: number;
  next: Milestone & { daysToGo: number };
}

export function computeStreak({ startedOn, setbacks, now, timeZone }: StreakInput): Streak {
  const todayHere = dayOf(now, timeZone);
  const today = todayHere < startedOn ? startedOn : todayHere;
  const setbackDays = [...new Set(setbacks.map((s) => setbackDay(s, timeZone, today)))]
    .filter((day) => day >= startedOn)
    .sort();
  const marks = [startedOn, ...setbackDays.filter((day) => day !== startedOn)];
  const since = marks[marks.length - 1] ?? startedOn;
  const daysWithout = daysBetween(since, today);
  let longest = daysWithout;
  for (let i = 1; i < marks.length; i++) {
    longest = Math.max(longest, daysBetween(marks[i - 1] ?? startedOn, marks[i] ?? startedOn));
  }
  const daysOver = daysBetween(startedOn, today);
  const setbackDaysOver = setbackDays.filter((day) => day < today).length;
  const nextDays = nextMilestoneDays(daysWithout);
  return {
    today,
    since,
    currentDay: daysWithout + 1,
    daysWithout,
    longest,
    totalDaysWithout: daysOver - setbackDaysOver,
    next: { days: nextDays, reachedOn: addDaysTo(since, nextDays), daysToGo: nextDays - daysWithout },
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
