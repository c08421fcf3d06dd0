/*
 * The week a weekly review looks back on, and what happened in it (pure). A week is the last seven
 * days, today included, and each event counts on the day it was lived, in its own time zone: the
 * one day rule of lib/time/days.ts, as Progress places it (lib/history/days-store.ts's clock).
 */
import { turnedBackOutcome } from '../history/day-summary';
import type { HistoryEvent, UrgeEvent } from '../history/event';
import { urgeInsights, type UrgeInsights } from '../progress/urge-insights';
import type { Day, LocalClock } from '../time/days';

export const WEEK_DAYS = 7;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface Week {
  /** First and last day, both included. */
  from: Day;
  to: Day;
}

/** The seven days ending today. */
export function weekEnding(today: Day): Week {
  return { from: today - WEEK_DAYS + 1, to: today };
}

/**
 * The instants whose events can fall on the week's days somewhere on Earth (offsets run from
 * UTC−12 to UTC+14): what to read from the history before `weekSummary` places each event.
 */
export function weekInstants({ from, to }: Week): { from: number; to: number } {
  return { from: from * DAY_MS - 14 * HOUR_MS, to: (to + 1) * DAY_MS + 12 * HOUR_MS };
}

/** A hard moment: a check-in's craving or an urge's strength, the highest of the week. */
export interface HardMoment {
  kind: 'checkin' | 'urge';
  /** 0 to 10. */
  rating: number;
  /** Where the urge ended, when it was rated again. */
  after?: number;
  day: Day;
  hour: number;
  at: number;
}

export interface WeekSummary {
  week: Week;
  checkins: {
    count: number;
    /** Days of the seven with at least one check-in. */
    days: number;
    highestCraving?: number;
  };
  urges: {
    count: number;
    /** Rated again after waiting, and lower then. */
    eased: number;
    /** Rated again at all. */
    ratedAgain: number;
  };
  /** Pause-page visits: turned back (left or closed, as Progress counts it) and all of them. */
  turnedBack: { times: number; visits: number };
  setbacks: number;
  /** The hardest moments, strongest first (then latest first), at most `HARDEST`. */
  hardest: HardMoment[];
  /** What helped with the week's urges, how long they lasted, what set them off (lib/progress/urge-insights.ts). */
  insights: UrgeInsights;
}

/** How many hard moments the review shows. */
export const HARDEST = 3;

/** What happened in the week, from the events read for it (any others are left out). */
export function weekSummary(events: readonly HistoryEvent[], week: Week, clock: LocalClock): WeekSummary {
  const summary: WeekSummary = {
    week,
    checkins: { count: 0, days: 0 },
    urges: { count: 0, eased: 0, ratedAgain: 0 },
    turnedBack: { times: 0, visits: 0 },
    setbacks: 0,
    hardest: [],
    insights: urgeInsights([]),
  };
  const urges: UrgeEvent[] = [];
  const checkinDays = new Set<Day>();
  const moments: HardMoment[] = [];
  for (const event of events) {
    const { day, hour } = clock(event.at, event.tz);
    if (day < week.from || day > week.to) continue;
    switch (event.type) {
      case 'checkin': {
        summary.checkins.count += 1;
        checkinDays.add(day);
        summary.checkins.highestCraving = Math.max(summary.checkins.highestCraving ?? 0, event.craving);
        if (event.craving > 0) moments.push({ kind: 'checkin', rating: event.craving, day, hour, at: event.at });
        break;
      }
      case 'urge': {
        summary.urges.count += 1;
        urges.push(event);
        if (event.after !== undefined) {
          summary.urges.ratedAgain += 1;
          if (event.after < event.before) summary.urges.eased += 1;
        }
        if (event.before > 0) moments.push({ kind: 'urge', rating: event.before, after: event.after, day, hour, at: event.at });
        break;
      }
      case 'intervention': {
        summary.turnedBack.visits += 1;
        if (turnedBackOutcome(event.outcome)) summary.turnedBack.times += 1;
        break;
      }
      case 'setback':
        summary.setbacks += 1;
        break;
      default:
        break;
    }
  }
  summary.checkins.days = checkinDays.size;
  summary.insights = urgeInsights(urges);
  summary.hardest = moments.sort((a, b) => b.rating - a.rating || b.at - a.at).slice(0, HARDEST);
  return summary;
}
