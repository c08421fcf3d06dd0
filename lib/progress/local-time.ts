/*
 * Where and when an event was lived: its calendar day, hour and weekday in its own `tz`.
 *
 * Days are whole numbers here (days since 1970-01-01, as the calendar names them, not instants),
 * so grouping 25,000 events is integer arithmetic. The zone's offset comes from @date-fns/tz's
 * `tzOffset` (Intl under the hood, a few µs a call), asked once per zone per UTC day and cached:
 * an offset changes at most once a day, so where midnight UTC and the next midnight agree the
 * whole day has that offset (and likewise a week), and only a day with a DST change asks again
 * for the event's instant.
 */
import { tzOffset } from '@date-fns/tz';
import type { CalendarDay } from '../history/event';

const DAY_MS = 86_400_000;

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
