/*
 * Per-day summaries of the history: what the Progress page draws, kept beside the events so the
 * page reads a few thousand small records instead of every event (BENCHMARKS.md, "Progress").
 *
 * A summary is a sum of each event's contribution, so an event can be added or taken away again
 * (an outcome recorded later, a backup put back) and the result is the same as summing from
 * scratch. The events stay the source of truth: `summariseDays` rebuilds the summaries from them.
 */
import { CRISIS_RATING } from '../help/crisis-threshold';
import type { Day, LocalClock } from '../time/days';
import type { HistoryEvent, InterventionEvent } from './event';

/** A check-in at or above this craving counts as a risky moment: the one crisis threshold. */
export const HIGH_CRAVING = CRISIS_RATING;

export interface DaySummary {
  /** The calendar day the events were lived, in each event's own `tz` (days since 1970-01-01). */
  day: Day;
  /** Check-ins by craving: `{ "4": 2 }` is two check-ins with a craving of 4 (gives count, sum and highest). */
  cravings: Record<string, number>;
  setbacks: number;
  urges: number;
  /** Sum of the urges' ratings before waiting. */
  urgeBefore: number;
  /** Urges rated again after waiting, the sum of those ratings, of their ratings before, and how many fell. */
  afters: number;
  urgeAfter: number;
  pairBefore: number;
  fell: number;
  /** Pause-page visits by outcome. */
  outcomes: { shown: number; left: number; continued: number; closed: number };
  /** Turned back (left or closed) per site. */
  turnedBack: Record<string, number>;
  /** Risky moments (visits, urges, cravings of 7 or more) per hour of the day, 0 to 23. */
  risky: number[];
}

export function emptyDay(day: Day): DaySummary {
  return {
    day,
    cravings: {},
    setbacks: 0,
    urges: 0,
    urgeBefore: 0,
    afters: 0,
    urgeAfter: 0,
    pairBefore: 0,
    fell: 0,
    outcomes: { shown: 0, left: 0, continued: 0, closed: 0 },
    turnedBack: {},
    risky: new Array<number>(24).fill(0),
  };
}

/**
 * "Turned back" counts a pause-page visit whose outcome is `left` (the person chose "Take me away")
 * or `closed` (they closed the pause page or went elsewhere from it): either way the trigger site
 * was not opened from it. `continued` is not counted, nor `shown` (no outcome was recorded). The
 * page says this, and shows the two apart.
 */
export function turnedBackOutcome(outcome: InterventionEvent['outcome']): boolean {
  return outcome === 'left' || outcome === 'closed';
}

/** Milestones are few and read as events: they add nothing to a day. */
export function countsInDays(event: HistoryEvent): boolean {
  return event.type !== 'milestone';
}

function bump(map: Record<string, number>, key: string, by: number): void {
  const n = (map[key] ?? 0) + by;
  if (n === 0) delete map[key];
  else map[key] = n;
}

/**
 * Adds (`sign` 1) or takes away (`sign` -1) one event's part of its day, in place. `summary` is
 * the day the event was lived and `hour` its hour there (both from a `LocalClock`).
 */
export function applyEvent(summary: DaySummary, event: HistoryEvent, hour: number, sign: 1 | -1): void {
  switch (event.type) {
    case 'checkin':
      bump(summary.cravings, String(event.craving), sign);
      if (event.craving >= HIGH_CRAVING) summary.risky[hour]! += sign;
      break;
    case 'setback':
      summary.setbacks += sign;
      break;
    case 'urge':
      summary.urges += sign;
      summary.urgeBefore += sign * event.before;
      summary.risky[hour]! += sign;
      if (event.after !== undefined) {
        summary.afters += sign;
        summary.urgeAfter += sign * event.after;
        summary.pairBefore += sign * event.before;
        if (event.after < event.before) summary.fell += sign;
      }
      break;
    case 'intervention':
      summary.outcomes[event.outcome] += sign;
      summary.risky[hour]! += sign;
      if (turnedBackOutcome(event.outcome)) bump(summary.turnedBack, event.site, sign);
      break;
    case 'milestone':
      break;
  }
}

/** True when nothing is left in a day (its record can go). */
export function isEmptyDay(s: DaySummary): boolean {
  const o = s.outcomes;
  return (
    Object.keys(s.cravings).length === 0 &&
    s.setbacks === 0 &&
    s.urges === 0 &&
    s.afters === 0 &&
    o.shown + o.left + o.continued + o.closed === 0 &&
    s.risky.every((n) => n === 0)
  );
}

/** The summaries of some events from scratch, in day order: what the `days` store must always equal. */
export function summariseDays(events: Iterable<HistoryEvent>, clock: LocalClock): DaySummary[] {
  const days = new Map<Day, DaySummary>();
  for (const event of events) {
    if (!countsInDays(event)) continue;
    const { day, hour } = clock(event.at, event.tz);
    let summary = days.get(day);
    if (!summary) days.set(day, (summary = emptyDay(day)));
    applyEvent(summary, event, hour, 1);
  }
  return [...days.values()].filter((s) => !isEmptyDay(s)).sort((a, b) => a.day - b.day);
}
