// One day type (lib/time/days.ts): the day the streak counts (`dayOf`) and the day Progress groups
// by (`localClock`) must name the same day for every instant, in
// every zone, across the clock changes; and the hour Progress files an event under must be the
// hour on the person's clock then.
import { describe, expect, test } from 'vitest';
import { currentTimeZone, dayFromText, dayOf, dayText, localClock, monthOf, monthStart, weekdayOf, yearOf, yearStart } from '../../lib/time/days';
import { AWKWARD_ZONES, instantsAroundClockChanges } from './clock-changes';

const hourBy = (zone: string) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' });

describe('the streak and Progress put an instant on the same day', () => {
  test.each(AWKWARD_ZONES)('%s: every 15 minutes across the clock changes', (zone) => {
    const clock = localClock('UTC');
    const hour = hourBy(zone);
    for (const at of instantsAroundClockChanges(15)) {
      const local = clock(at, zone);
      const where = `${new Date(at).toISOString()} in ${zone}`;
      expect(local.day, where).toBe(dayOf(at, zone));
      expect(local.hour, where).toBe(Number(hour.format(at)));
    }
  });

  test.each([
    // London, clocks forward 2026-03-29 01:00 UTC: 00:59 GMT then 02:00 BST.
    ['2026-03-29T00:59:00Z', 'Europe/London', '2026-03-29', 0],
    ['2026-03-29T01:00:00Z', 'Europe/London', '2026-03-29', 2],
    // London, clocks back 2026-10-25 01:00 UTC: 01:59 BST, then 01:00 GMT again.
    ['2026-10-25T00:59:00Z', 'Europe/London', '2026-10-25', 1],
    ['2026-10-25T01:00:00Z', 'Europe/London', '2026-10-25', 1],
    // Half past eleven at night BST is the same day, GMT the day after the change.
    ['2026-10-24T22:30:00Z', 'Europe/London', '2026-10-24', 23],
    // New York, clocks forward 2026-03-08 07:00 UTC (02:00 EST becomes 03:00 EDT).
    ['2026-03-08T06:59:00Z', 'America/New_York', '2026-03-08', 1],
    ['2026-03-08T07:00:00Z', 'America/New_York', '2026-03-08', 3],
    // Lord Howe moves by half an hour: 2026-04-05 02:00 local (+11) becomes 01:30 (+10:30).
    ['2026-04-04T14:59:00Z', 'Australia/Lord_Howe', '2026-04-05', 1],
    ['2026-04-04T15:00:00Z', 'Australia/Lord_Howe', '2026-04-05', 1],
    // Apia skipped 30 December 2011: 23:59 on the 29th, then the 31st.
    ['2011-12-30T09:59:00Z', 'Pacific/Apia', '2011-12-29', 23],
    ['2011-12-30T10:00:00Z', 'Pacific/Apia', '2011-12-31', 0],
  ])('%s in %s is %s, hour %i', (iso, zone, day, hour) => {
    const at = Date.parse(iso);
    expect(dayText(dayOf(at, zone))).toBe(day);
    expect(localClock('UTC')(at, zone)).toEqual({ day: dayFromText(day), hour, weekday: weekdayOf(dayFromText(day)!) });
  });

  test('a day and its stored text turn into each other, and 1970-01-01 was a Thursday', () => {
    for (const day of ['1970-01-01', '2000-02-29', '2026-03-29', '2026-10-25', '2099-12-31', '1969-12-31']) expect(dayText(dayFromText(day)!)).toBe(day);
    expect(dayFromText('1970-01-01')).toBe(0);
    expect(weekdayOf(0)).toBe(3);
    expect(weekdayOf(-1)).toBe(2);
  });

  test.each(['1969-12-31', '2000-02-29', '2024-12-31', '2026-01-01', '2026-03-29'])('%s: its month, month start, year and year start', (text) => {
    const day = dayFromText(text)!;
    expect(dayText(monthStart(monthOf(day)))).toBe(`${text.slice(0, 7)}-01`);
    expect(yearOf(day)).toBe(Number(text.slice(0, 4)));
    expect(dayText(yearStart(yearOf(day)))).toBe(`${text.slice(0, 4)}-01-01`);
  });

  test('a zone this browser does not know counts as the fallback zone in Progress, and the current zone is a known one', () => {
    const at = Date.parse('2026-06-01T23:30:00Z');
    expect(localClock('UTC')(at, 'Mars/Olympus_Mons')).toEqual(localClock('UTC')(at, 'UTC'));
    expect(() => dayOf(at, currentTimeZone())).not.toThrow();
  });
});
