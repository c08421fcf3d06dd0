/*
 * The summary a person can print and take to a therapist or key worker (issue 17): the last four
 * weeks, by the one day rule of lib/time/days.ts (today is the day the trusted time falls on in the
 * person's zone; each event sits on the day it was lived, in its own zone). Pure: the caller reads
 * the window's events, the streak's start and the plan, and passes now and the zone.
 *
 * Plan changes: Steadfast keeps no log of plan edits (the editor saves as the person types, so a
 * log would be keystrokes, not decisions). What the summary can say honestly is what the person
 * wrote down as a change: each setback's "what I'll change" in the window, each weekly review's
 * "one change to my plan" (and whether it was added to the plan), and the plan's review date (and
 * whether it has come).
 */
import type { HistoryEvent, InterventionEvent, SetbackEvent, UrgeEvent } from '../history/event';
import { summariseDays, turnedBackOutcome, type DaySummary } from '../history/day-summary';
import type { StreakStart } from '../history/streak-start-item';
import type { Plan } from '../plan/plan';
import type { PlanTarget, WeeklyReview } from '../review/review';
import { calendarCell, dayMarksOf, type CalendarCell } from '../progress/calendar';
import { urgeInsights, type UrgeInsights } from '../progress/urge-insights';
import { surfSummaryOf, type SurfSummary } from '../progress/urge-trend';
import { dayFromText, dayOf, localClock, weekdayOf, type Day, type LocalClock } from '../time/days';

/** Four weeks, today included. */
export const SUMMARY_DAYS = 28;

export interface SummaryInput {
  /** The events that may fall in the window (more is fine: each is placed on its own day and kept or left out). */
  events: readonly HistoryEvent[];
  start: StreakStart | null;
  plan: Pick<Plan, 'reviewDate'>;
  /** Weekly reviews that may fall in the window (each is kept when the week it looked back on ended in it). */
  reviews?: readonly WeeklyReview[];
  /** The trusted time now, ms. */
  now: number;
  timeZone: string;
  /** Places an event on its day; an unknown zone counts as UTC, as the day summaries do. */
  clock?: LocalClock;
}

/** One week of the window: averages of what was recorded in it. */
export interface SummaryWeek {
  /** First and last day of the week (the last week ends today). */
  from: Day;
  to: Day;
  checkins: number;
  /** Average craving at check-ins, 0 to 10, one decimal. */
  craving?: number;
  urges: number;
  /** Average urge rating before waiting, and after (only urges rated again). */
  urgeBefore?: number;
  urgeAfter?: number;
  /** Pause-page visits turned back (left or closed). */
  turnedBack: number;
}

export interface SummarySetback {
  id: string;
  day: Day;
  whatHappened: string;
  whatIFelt: string;
  warningSignMissed: string;
  whatIllChange: string;
  whatHelpedBefore: string;
}

/** A change to the plan the person wrote down: after a setback, or in a weekly review. */
export interface SummaryPlanChange {
  day: Day;
  text: string;
  from: 'setback' | 'review';
  /** A review's change added to the plan, and where. */
  appliedTo?: PlanTarget;
}

export interface Summary {
  from: Day;
  to: Day;
  /** The window as weeks of seven slots, Monday first; slots outside the window are undefined. */
  calendar: (CalendarCell | undefined)[][];
  counts: { without: number; setbacks: number; checkedIn: number; urges: number; turnedBack: number };
  /** Four weeks, oldest first: the urge trend. */
  weeks: SummaryWeek[];
  /** Urges waited out in the window and rated again: before and after on average. */
  surf?: SurfSummary;
  /** Oldest first. */
  setbacks: SummarySetback[];
  plan: {
    /** Each "what I'll change" after a setback and each review's change in the window, oldest first. */
    changes: SummaryPlanChange[];
    reviewDate?: Day;
    /** The review date is today or has passed. */
    reviewDue: boolean;
  };
  /** What helped, how long urges lasted and what set them off, over the window's urges (lib/progress/urge-insights.ts). */
  insights: UrgeInsights;
  /** Nothing recorded in the window and no start day: the page says so rather than drawing empty boxes. */
  empty: boolean;
}

const mean = (total: number, n: number) => (n > 0 ? Math.round((total / n) * 10) / 10 : undefined);

function weekOf(days: readonly DaySummary[], from: Day, to: Day): SummaryWeek {
  let craving = 0;
  let checkins = 0;
  let urges = 0;
  let before = 0;
  let after = 0;
  let afters = 0;
  let turnedBack = 0;
  for (const d of days) {
    if (d.day < from || d.day > to) continue;
    for (const [c, n] of Object.entries(d.cravings)) {
      craving += Number(c) * n;
      checkins += n;
    }
    urges += d.urges;
    before += d.urgeBefore;
    after += d.urgeAfter;
    afters += d.afters;
    turnedBack += d.outcomes.left + d.outcomes.closed;
  }
  return { from, to, checkins, craving: mean(craving, checkins), urges, urgeBefore: mean(before, urges), urgeAfter: mean(after, afters), turnedBack };
}

const text = (value: string | undefined) => value?.trim() ?? '';

/** The last four weeks, worked out from the window's events. */
export function summaryOf({ events, start, plan, reviews = [], now, timeZone, clock = localClock('UTC') }: SummaryInput): Summary {
  const to = dayOf(now, timeZone);
  const from = to - SUMMARY_DAYS + 1;
  const within = (e: HistoryEvent) => {
    const day = clock(e.at, e.tz).day;
    return day >= from && day <= to;
  };
  const inWindow = events.filter(within);
  const days = summariseDays(inWindow, clock);
  const marks = dayMarksOf(days);
  const startedOn = start ? dayFromText(start.startedOn) : undefined;

  const calendar: (CalendarCell | undefined)[][] = [];
  let week: (CalendarCell | undefined)[] = new Array<CalendarCell | undefined>(weekdayOf(from)).fill(undefined);
  for (let day = from; day <= to; day++) {
    week.push(calendarCell(day, marks, startedOn, to));
    if (week.length === 7) {
      calendar.push(week);
      week = [];
    }
  }
  if (week.length > 0) calendar.push([...week, ...new Array<undefined>(7 - week.length).fill(undefined)]);
  const cells = calendar.flat().filter((c) => c !== undefined);

  const setbacks = inWindow
    .filter((e): e is SetbackEvent => e.type === 'setback')
    .sort((a, b) => a.at - b.at)
    .map((e) => ({
      id: e.id,
      day: clock(e.at, e.tz).day,
      whatHappened: text(e.whatHappened),
      whatIFelt: text(e.whatIFelt),
      warningSignMissed: text(e.warningSignMissed),
      whatIllChange: text(e.whatIllChange),
      whatHelpedBefore: text(e.whatHelpedBefore),
    }));
  const urges = inWindow.filter((e): e is UrgeEvent => e.type === 'urge').sort((a, b) => a.at - b.at);
  const reviewed = (r: WeeklyReview) => {
    const day = dayFromText(r.weekEnding);
    const text = r.planChange.trim();
    return day !== undefined && day >= from && day <= to && text
      ? [{ day, text, from: 'review' as const, ...(r.appliedTo ? { appliedTo: r.appliedTo } : {}) }]
      : [];
  };
  const changes: SummaryPlanChange[] = [
    ...setbacks.filter((s) => s.whatIllChange).map((s) => ({ day: s.day, text: s.whatIllChange, from: 'setback' as const })),
    ...reviews.flatMap(reviewed),
  ].sort((a, b) => a.day - b.day);
  const reviewDate = dayFromText(plan.reviewDate);
  const recorded = inWindow.filter((e) => e.type === 'checkin' || e.type === 'setback' || e.type === 'urge' || e.type === 'intervention');

  return {
    from,
    to,
    calendar,
    counts: {
      without: cells.filter((c) => c.status === 'without').length,
      setbacks: cells.filter((c) => c.status === 'setback').length,
      checkedIn: cells.filter((c) => c.checkins > 0).length,
      urges: urges.length,
      turnedBack: inWindow.filter((e): e is InterventionEvent => e.type === 'intervention' && turnedBackOutcome(e.outcome)).length,
    },
    weeks: [0, 1, 2, 3].map((i) => weekOf(days, from + i * 7, from + i * 7 + 6)),
    surf: surfSummaryOf(days),
    setbacks,
    plan: { changes, reviewDate, reviewDue: reviewDate !== undefined && reviewDate <= to },
    insights: urgeInsights(urges),
    empty: startedOn === undefined && recorded.length === 0,
  };
}

/** What to read for the window: events (and reviews) from two days before its first midnight UTC (zones ahead of UTC) to two days after today's. */
export function summaryRange(now: number, timeZone: string): { from: number; to: number } {
  const to = dayOf(now, timeZone);
  const DAY = 86_400_000;
  return { from: (to - SUMMARY_DAYS + 1 - 2) * DAY, to: (to + 2) * DAY };
}
