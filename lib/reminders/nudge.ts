/*
 * The nudge before a person's own risky time (issue 17): the hour of the week that has been
 * hardest in their own history (the risk pattern Progress draws, lib/progress/risk.ts), and the
 * step of their plan for it. Worked out on this device from what it already holds.
 */
import type { Plan } from '../plan/plan';
import type { RiskGrid } from '../progress/risk';
import type { NudgeSlot } from './schedule';

/** Hard moments (pause pages, urges, check-ins with a strong craving) needed before any pattern is trusted. */
export const NUDGE_MIN_MOMENTS = 10;
/** …and at least this many of them in the hardest hour itself. */
export const NUDGE_MIN_AT_HOUR = 3;

export type NudgeChoice = { ok: true; slot: NudgeSlot; count: number; total: number } | { ok: false; total: number };

/** The hardest hour of the week (the earliest in the week on a tie), once the history is enough to say. */
export function hardestHour(grid: RiskGrid): NudgeChoice {
  let total = 0;
  let best: { weekday: number; hour: number; count: number } | undefined;
  grid.forEach((hours, weekday) =>
    hours.forEach((count, hour) => {
      total += count;
      if (count > (best?.count ?? 0)) best = { weekday, hour, count };
    }),
  );
  if (!best || total < NUDGE_MIN_MOMENTS || best.count < NUDGE_MIN_AT_HOUR) return { ok: false, total };
  return { ok: true, slot: { weekday: best.weekday, hour: best.hour }, count: best.count, total };
}

/**
 * The if-then step of their plan for that time: one whose "if" names the weekday (in any of
 * `weekdayNames`, the names of that weekday in the person's languages), else their first
 * written step. Undefined when the plan has no step written yet.
 */
export function planStepFor(plan: Pick<Plan, 'ifThenSteps'>, weekdayNames: readonly string[]): { when: string; then: string } | undefined {
  const written = plan.ifThenSteps.filter((step) => step.then.trim().length > 0);
  const names = weekdayNames.map((name) => name.toLocaleLowerCase()).filter((name) => name.length > 0);
  const named = written.find((step) => names.some((name) => step.when.toLocaleLowerCase().includes(name)));
  const step = named ?? written[0];
  return step && { when: step.when.trim(), then: step.then.trim() };
}
