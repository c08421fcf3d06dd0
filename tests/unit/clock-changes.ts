/*
 * The instants and zones the day tests walk through: where a day is easiest to get wrong. Shared by
 * tests/unit/time.days.test.ts and tests/unit/history.calendar-day.test.ts.
 */

/** Zones whose clocks move awkwardly. */
export const AWKWARD_ZONES = [
  'UTC',
  'Europe/London',
  'America/New_York',
  'Australia/Lord_Howe', // DST moves the clock by 30 minutes
  'Pacific/Chatham', // UTC+12:45
  'Asia/Kolkata',
  'Pacific/Apia', // skipped 30 December 2011 altogether
  'America/St_Johns',
  'Europe/Dublin', // "winter time" is its DST, by law
];

/** Around the clock changes of 2026 (both hemispheres) and Apia's lost day in 2011. */
const AROUND = [
  '2011-12-29T00:00:00Z',
  '2026-03-08T00:00:00Z',
  '2026-03-28T12:00:00Z',
  '2026-04-04T12:00:00Z',
  '2026-09-26T12:00:00Z',
  '2026-10-25T00:00:00Z',
  '2026-11-01T00:00:00Z',
];

/** Every `stepMinutes` for three days from each of those starts, in ms. */
export function* instantsAroundClockChanges(stepMinutes: number): Generator<number> {
  for (const start of AROUND) for (let minutes = 0; minutes < 3 * 24 * 60; minutes += stepMinutes) yield Date.parse(start) + minutes * 60_000;
}
