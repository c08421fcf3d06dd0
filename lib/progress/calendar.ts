import { summariseDays, type DaySummary } from '../history/day-summary';
import type { CheckinEvent, SetbackEvent } from '../history/event';
import { weekdayOf, yearOf, yearStart, type Day, type LocalClock } from '../time/days';

export type DayStatus = 'before' | 'without' | 'setback' | 'today' | 'future';

export interface CalendarCell {
  day: Day;
  status: DayStatus;
  /** The day's highest craving among its check-ins, if the person checked in. */
  craving?: number;
  checkins: number;
}

export interface DayMarks {
  setbacks: Set<Day>;
  /** Check-ins a day: how many, and the highest craving. */
  checkins: Map<Day, { count: number; craving: number }>;
}

/** Which days had a setback or a check-in (how many, and the highest craving), from the day summaries. */
export function dayMarksOf(days: readonly DaySummary[]): DayMarks {
  const marks: DayMarks = { setbacks: new Set(), checkins: new Map() };
  for (const d of days) {
    if (d.setbacks > 0) marks.setbacks.add(d.day);
    const cravings = Object.entries(d.cravings).filter(([, n]) => n > 0);
    if (cravings.length === 0) continue;
    const count = cravings.reduce((sum, [, n]) => sum + n, 0);
    marks.checkins.set(d.day, { count, craving: Math.max(...cravings.map(([c]) => Number(c))) });
  }
  return marks;
}

/** `dayMarksOf` straight from events, each on the day it was lived (its own `tz`). */
export function dayMarks(checkins: readonly CheckinEvent[], setbacks: readonly SetbackEvent[], clock: LocalClock): DayMarks {
  return dayMarksOf(summariseDays([...checkins, ...setbacks], clock));
}

export interface CalendarInput {
  year: number;
  marks: DayMarks;
  /** The streak's start day, or undefined when none is set (then no day counts as "without use"). */
  startedOn?: Day;
  today: Day;
}

/**
 * A year as GitHub draws it: columns are weeks (Monday first), rows weekdays. Slots before
 * 1 January and after 31 December are `undefined`.
 */
export function yearCalendar({ year, marks, startedOn, today }: CalendarInput): (CalendarCell | undefined)[][] {
  const first = yearStart(year);
  const last = yearStart(year + 1) - 1;
  const weeks: (CalendarCell | undefined)[][] = [];
  let week: (CalendarCell | undefined)[] = new Array<CalendarCell | undefined>(weekdayOf(first)).fill(undefined);
  for (let day = first; day <= last; day++) {
    week.push(calendarCell(day, marks, startedOn, today));
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) weeks.push([...week, ...new Array<undefined>(7 - week.length).fill(undefined)]);
  return weeks;
}

/** One day of a calendar: before the start, without use, a setback, today or still to come, with its check-ins. */
export function calendarCell(day: Day, marks: DayMarks, startedOn: Day | undefined, today: Day): CalendarCell {
  const checkin = marks.checkins.get(day);
  let status: DayStatus;
  if (day > today) status = 'future';
  else if (marks.setbacks.has(day) && startedOn !== undefined && day >= startedOn) status = 'setback';
  else if (startedOn === undefined || day < startedOn) status = 'before';
  else status = day === today ? 'today' : 'without';
  return { day, status, craving: checkin?.craving, checkins: checkin?.count ?? 0 };
}

/** The years the calendar can show: from the first thing recorded (or the start day) to this year. */
export function calendarYears(first: Day | undefined, today: Day): { from: number; to: number } {
  const to = yearOf(today);
  return { from: first === undefined ? to : Math.min(to, yearOf(first)), to };
}

/**
 * A year's counts under its calendar. Days without use are whole days, as the streak counts them
 * ("Day 24" is 23 days without use and today, still going): today is not one yet.
 */
export function yearCounts(weeks: readonly (readonly (CalendarCell | undefined)[])[]): { without: number; setbacks: number; checkedIn: number } {
  const days = weeks.flat().filter((cell) => cell !== undefined);
  return {
    without: days.filter((cell) => cell.status === 'without').length,
    setbacks: days.filter((cell) => cell.status === 'setback').length,
    checkedIn: days.filter((cell) => cell.checkins > 0).length,
  };
}
