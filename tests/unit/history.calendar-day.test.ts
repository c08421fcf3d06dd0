// The day helpers are written by hand for the popup's size budget (see the head of
// lib/time/days.ts). date-fns, which they replaced, is still a dependency: here it is the
// oracle they must agree with, across DST changes, historical offsets, leap years and bad input.
import { tz } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, formatISO, isValid, parseISO } from 'date-fns';
import { describe, expect, test } from 'vitest';
import { dayFromText, dayOf, dayText, isCalendarDay, type Day } from '../../lib/time/days';
import { AWKWARD_ZONES, instantsAroundClockChanges } from './clock-changes';

/** The day an instant falls on, written as stored: what date-fns gives. */
const textOf = (at: number, zone: string) => dayText(dayOf(at, zone));

const byDateFns = {
  dayOf: (at: number, zone: string) => formatISO(at, { representation: 'date', in: tz(zone) }),
  isCalendarDay: (day: string) => /^\d{4}-\d{2}-\d{2}$/.test(day) && isValid(parseISO(day, { in: tz('UTC') })),
  daysBetween: (from: string, to: string) => differenceInCalendarDays(parseISO(to, { in: tz('UTC') }), parseISO(from, { in: tz('UTC') }), { in: tz('UTC') }),
  addDaysTo: (day: string, days: number) => formatISO(addDays(parseISO(day, { in: tz('UTC') }), days, { in: tz('UTC') }), { representation: 'date' }),
};

describe('dayOf agrees with date-fns', () => {
  test.each(AWKWARD_ZONES)('%s, every 20 minutes around the clock changes', (zone) => {
    for (const at of instantsAroundClockChanges(20)) expect(textOf(at, zone), `${new Date(at).toISOString()} in ${zone}`).toBe(byDateFns.dayOf(at, zone));
  });

  test.each([
    // Local mean time before standard time: offsets with seconds (New York −4:56:02, Amsterdam +0:17:30).
    ['1840-01-01T04:55:00Z', 'America/New_York', '1839-12-31'],
    ['1840-01-01T04:57:00Z', 'America/New_York', '1840-01-01'],
    ['1839-12-31T23:50:00Z', 'Europe/Amsterdam', '1840-01-01'],
    ['2026-05-01T23:30:00Z', 'Europe/London', '2026-05-02'],
    ['2026-05-01T23:30:00Z', 'UTC', '2026-05-01'],
    ['2026-05-01T11:15:00Z', 'Pacific/Chatham', '2026-05-02'],
  ])('%s in %s is %s', (iso, zone, day) => {
    expect(textOf(Date.parse(iso), zone)).toBe(day);
    expect(textOf(Date.parse(iso), zone)).toBe(byDateFns.dayOf(Date.parse(iso), zone));
  });

  test('an unknown zone or an invalid instant throws a RangeError, as before', () => {
    expect(() => dayOf(Date.parse('2026-05-01T12:00:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => dayOf(NaN, 'Europe/London')).toThrow(RangeError);
  });
});

describe('plain calendar days agree with date-fns', () => {
  test.each([
    ['2026-03-29', true],
    ['2024-02-29', true],
    ['2000-02-29', true], // divisible by 400
    ['1900-02-29', false], // divisible by 100
    ['2027-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['0050-06-15', true], // year 50, not 1950
    ['2026-1-01', false],
    ['2026-01-01T00:00', false],
    [' 2026-01-01', false],
    ['1/5/2026', false],
    ['', false],
  ])('isCalendarDay(%j) is %s', (day, expected) => {
    expect(isCalendarDay(day)).toBe(expected);
    expect(byDateFns.isCalendarDay(day)).toBe(expected);
  });

  test('every day from 1899 to 2101 reads, writes, steps and counts as date-fns does', () => {
    const wrong: string[] = [];
    const first = dayFromText('1899-01-01')!;
    const end = dayFromText('2026-03-29')!;
    let day: Day = first;
    for (let i = 0; i < 202 * 366; i++) {
      const text = dayText(day);
      const next = dayText(day + 1);
      if (dayFromText(next) !== day + 1 || (i % 5 === 0 && next !== byDateFns.addDaysTo(text, 1))) wrong.push(`${text} + 1`);
      if (i % 97 === 0) {
        if (day + 1 - first !== byDateFns.daysBetween('1899-01-01', next)) wrong.push(`1899-01-01 to ${next}`);
        if (end - (day + 1) !== byDateFns.daysBetween(next, '2026-03-29')) wrong.push(`${next} to 2026-03-29`);
        if (dayText(day + 1 + 3650) !== byDateFns.addDaysTo(next, 3650)) wrong.push(`${next} + 3650`);
      }
      day += 1;
    }
    expect(wrong).toEqual([]);
    expect(dayText(day)).toBe('2101-06-03'); // 202 × 366 days on
  }, 60_000); // 73,000 days: a time budget for a loaded machine, not a speed check.

  test('a text that is not a day on the calendar reads as no day, never a wrong one', () => {
    expect(dayFromText('2027-02-29')).toBeUndefined();
    expect(dayFromText('soon')).toBeUndefined();
    expect(dayFromText('1970-01-01')).toBe(0);
    expect(dayFromText('0050-06-15')).toBe(dayFromText('2050-06-15')! - 2000 * 365 - 485); // year 50, not 1950
  });
});
