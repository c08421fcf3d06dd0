/**
 * A weekly review as the history keeps it (the `reviews` store, history version 4): the person's
 * three answers about the week that ended on `weekEnding`, and where in the plan the change went
 * if they added it. Stored shapes only change through the upgrade ladder in lib/history/db.ts.
 */
import type { CalendarDay } from '../time/days';

/** The plan fields a review's "one change to my plan" can be added to (lib/review/plan-change.ts). */
export const PLAN_TARGETS = ['copingStrategies', 'ifThenSteps', 'highRiskSituations', 'dailyRoutine'] as const;
export type PlanTarget = (typeof PLAN_TARGETS)[number];

export interface WeeklyReview {
  id: string;
  /** When it was first saved, ms since the epoch. */
  at: number;
  /** The person's IANA time zone then. */
  tz: string;
  /** The last day of the seven the review looked back on (today, when written), `YYYY-MM-DD`. */
  weekEnding: CalendarDay;
  wentWell: string;
  wasHard: string;
  planChange: string;
  /** Where the change was added to the plan; absent while it has not been. */
  appliedTo?: PlanTarget;
}

/** Longest answer kept: far beyond a week's reflection, small enough for any backup. */
export const MAX_ANSWER = 10_000;
