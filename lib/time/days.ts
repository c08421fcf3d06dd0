/*
 * Days and time zones, one module for every caller: what a day is, which day an instant falls on in
 * a zone, and the zone the person is in now.
 *
 * One day type in memory: `Day`, a day of the person's calendar as a whole number of days since
 * 1970-01-01. Why a number and not the `YYYY-MM-DD` text: Progress groups tens of thousands of events
 * by day and the days store keys months by day, where integer arithmetic and Map keys are cheap and
 * exact; "the day after" is `day + 1`, "days between" is `to - from`, and earlier is `<`, with no
 * calendar code to get wrong in each caller. The text, `CalendarDay`, is a format, not a type to
 * compute with: it is how a day is written where it is stored or read (a streak's start, a
 * milestone's day, a backup, a date field), and is turned into a `Day` (`dayFromText`, which checks it) or
 * back (`dayText`) only there. `dayOf` and `localClock` put an instant on the same day
 * (tests/unit/time.days.test.ts holds them together across DST changes).
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

/** A day of the person's calendar, in memory: whole days since 1970-01-01 (0 is that Thursday). */
export type Day = number;

/** A day as written and stored, `YYYY-MM-DD`: only where it is stored, read or typed (see above). */
export type CalendarDay = string;

/** The person's IANA time zone now, as the browser reports it ("Europe/London"). */
export function currentTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const DAY_MS = 86_400_000;

/** The day an instant falls on in a time zone. Throws a RangeError for an unknown zone. */
export function dayOf(at: number, timeZone: string): Day {
  // The zone's offset in minutes at that instant (NaN for a zone Intl does not know); historical
  // offsets can carry seconds, rounded as TZDate rounds them.
  const offset = tzOffset(timeZone, new Date(at));
  if (Number.isNaN(offset)) throw new RangeError(`Unknown time zone ${timeZone}`);
  return Math.floor((at + Math.round(offset * 60) * 1000) / DAY_MS);
}

/** The day a `YYYY-MM-DD` text names, if it exists on the calendar (2027-02-29 does not); else undefined. */
export function dayFromText(text: string): Day | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const utc = new Date(0);
  utc.setUTCFullYear(year, month, date); // Not `Date.UTC`, which reads years 0 to 99 as 1900 to 1999.
  // `Date` rolls 2027-02-29 over to 1 March and month 13 into the next year: such a day does not exist.
  return utc.getUTCFullYear() === year && utc.getUTCMonth() === month && utc.getUTCDate() === date ? utc.getTime() / DAY_MS : undefined;
}

/** True for a `YYYY-MM-DD` text naming a day that exists on the calendar. */
export function isCalendarDay(text: string): boolean {
  return dayFromText(text) !== undefined;
}

/**
 * The `YYYY-MM-DD` of a day, to store or to fill a date field. `toISOString` throws a RangeError for
 * a day out of `Date`'s range; it would write years past 9999 as `+010000`, which no streak reaches.
 */
export function dayText(day: Day): CalendarDay {
  return utcMidnight(day).toISOString().slice(0, 10);
}

/** The instant of midnight UTC of a day: what `Intl` formats with `timeZone: 'UTC'`. */
export function utcMidnight(day: Day): Date {
  return new Date(day * DAY_MS);
}

/** Monday 0 … Sunday 6 of a day (1970-01-01 was a Thursday). */
export function weekdayOf(day: Day): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The calendar year a day falls in. */
export function yearOf(day: Day): number {
  return utcMidnight(day).getUTCFullYear();
}

/** 1 January of a year. */
export function yearStart(year: number): Day {
  const utc = new Date(0);
  utc.setUTCFullYear(year, 0, 1);
  return utc.getTime() / DAY_MS;
}

/** The month a day falls in, as months since January 1970 (the days store's key). */
export function monthOf(day: Day): number {
  const date = utcMidnight(day);
  return (date.getUTCFullYear() - 1970) * 12 + date.getUTCMonth();
}

/** The first day of a month (months since January 1970). */
export function monthStart(month: number): Day {
  return Date.UTC(1970 + Math.floor(month / 12), ((month % 12) + 12) % 12, 1) / DAY_MS;
}

/*
 * Where and when an event was lived: its day, hour and weekday in its own `tz`.
 *
 * The zone's offset comes from `tzOffset`, asked once per zone per UTC day and cached: an offset
 * changes at most once a day, so where midnight UTC and the next midnight agree the whole day has
 * that offset (and likewise a week), and only a day with a DST change asks again for the event's
 * instant.
 */
export interface LocalTime {
  day: Day;
  /** 0 to 23 */
  hour: number;
  /** 0 Monday … 6 Sunday */
  weekday: number;
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
