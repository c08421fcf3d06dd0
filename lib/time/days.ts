/*
 * Days and time zones, one module for every caller: what a day is, which day an instant falls on in
 * a zone, and the zone the person is in now.
 *
 * One day, two spellings of it. `CalendarDay` (`YYYY-MM-DD`) is how a day is written and stored
 * (a streak's start, a milestone's day, a backup); `DayNumber` (days since 1970-01-01) is the same
 * day as a whole number, for grouping thousands of events with integer arithmetic (Progress).
 * `dayNumber` and `calendarDay` turn one into the other, and both `dayOf` and `localClock` put an
 * instant on the same day (tests/unit/time.days.test.ts holds them together across DST changes).
 *
 * Dependencies: @date-fns/tz 1 (MIT, no dependencies of its own). The hard part is theirs, not
 * ours: the offset of an IANA zone at an instant across DST and travel (`tzOffset`, Intl under the
 * hood). Plain days are ours: whole days between two midnights UTC, which has no DST to trip over,
 * checked against the calendar by `Date` itself (2027-02-29 is refused). Which instant a wall-clock
 * time is on a day the clocks change is ./wall-clock.ts's (date-fns' `parseISO` and `TZDate`, about
 * 2 KB gzipped, kept out of this module: the popup, with a 25 KB gzipped budget, loads this one).
 * Upkeep: import date-fns only here and in ./wall-clock.ts, so replacing it (say by Temporal, once
 * Chrome and Firefox both ship it) touches two files.
 */
// The subpath, not the package's index: the index also loads TZDate, whose module patches its own
// prototype at load time, so no bundler can leave it out (the package declares no `sideEffects`).
import { tzOffset } from '@date-fns/tz/tzOffset';

/** A day as written and stored: `YYYY-MM-DD` in the person's own calendar. */
export type CalendarDay = string;

/** The person's IANA time zone now, as the browser reports it ("Europe/London"). */
export function currentTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

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

/*
 * Where and when an event was lived: its calendar day, hour and weekday in its own `tz`.
 *
 * The zone's offset comes from `tzOffset`, asked once per zone per UTC day and cached: an offset
 * changes at most once a day, so where midnight UTC and the next midnight agree the whole day has
 * that offset (and likewise a week), and only a day with a DST change asks again for the event's
 * instant.
 */
/** A calendar day as a whole number of days since 1970-01-01. */
export type DayNumber = number;

export interface LocalTime {
  day: DayNumber;
  /** 0 to 23 */
  hour: number;
  /** 0 Monday … 6 Sunday */
  weekday: number;
}

/** Monday 0 … Sunday 6 of a day (1970-01-01 was a Thursday). */
export function weekdayOf(day: DayNumber): number {
  return (((day + 3) % 7) + 7) % 7;
}

export function dayNumber(day: CalendarDay): DayNumber {
  const [y, m, d] = day.split('-').map(Number);
  return Math.floor(Date.UTC(y ?? NaN, (m ?? NaN) - 1, d ?? NaN) / DAY_MS);
}

export function calendarDay(day: DayNumber): CalendarDay {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The instant of midnight UTC of a day number: what `Intl` formats with `timeZone: 'UTC'`. */
export function utcMidnight(day: DayNumber): Date {
  return new Date(day * DAY_MS);
}

export type LocalClock = (at: number, timeZone: string) => LocalTime;

/**
 * A function from an instant and its zone to the day, hour and weekday lived there. A zone this
 * browser does not know (an imported backup from elsewhere) counts as `fallbackZone`.
 */
export function localClock(fallbackZone: string, offsetOf = tzOffset): LocalClock {
  const zones = new Map<string, Map<number, number>>();
  /** The zone's offset (minutes) at midnight UTC of a day, asked once. */
  const atMidnight = (zone: string, utcDay: number): number => {
    let days = zones.get(zone);
    if (!days) zones.set(zone, (days = new Map()));
    let offset = days.get(utcDay);
    if (offset === undefined) {
      offset = offsetOf(zone, new Date(utcDay * DAY_MS));
      days.set(utcDay, offset);
    }
    return offset;
  };
  // Offsets change at most twice a year: where a week's ends agree, the whole week has that
  // offset; else where a day's ends agree, the day has; else the instant itself is asked.
  const offsetAt = (zone: string, at: number): number => {
    const utcDay = Math.floor(at / DAY_MS);
    const week = utcDay - (((utcDay % 7) + 7) % 7);
    const offset = atMidnight(zone, week);
    if (offset === atMidnight(zone, week + 7)) return offset;
    const day = atMidnight(zone, utcDay);
    return day === atMidnight(zone, utcDay + 1) ? day : offsetOf(zone, new Date(at));
  };
  return (at, timeZone) => {
    let offset = offsetAt(timeZone, at);
    if (Number.isNaN(offset)) offset = offsetAt(fallbackZone, at);
    const local = at + offset * 60_000;
    const day = Math.floor(local / DAY_MS);
    return { day, hour: Math.floor((local - day * DAY_MS) / 3_600_000), weekday: weekdayOf(day) };
  };
}

/** Minutes since local midnight (0 to 1439) of an instant in a zone: the wall clock there. */
export function minuteOfDay(at: number, timeZone: string): number {
  const local = at + Math.round(tzOffset(timeZone, new Date(at)) * 60) * 1000;
  return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
}
