/*
 * "One change to my plan", added to the plan where the person chose (pure, and through
 * lib/plan/edits.ts). Adding to the plan never loosens anything, so it applies at once. Nothing is
 * added twice: a line already there (in any case, spacing aside) is left as it is.
 */
import { updatePlan } from '../plan/edits';
import type { Plan } from '../plan/plan';
import { planHasSituation, withSituation } from '../progress/risk';
import type { PlanTarget } from './review';

export interface PlanChange {
  target: PlanTarget;
  /** The change in the person's words. For an if-then step, what they will do ("then I will…"). */
  text: string;
  /** For an if-then step, the moment it is for ("If…"); may be empty. */
  when?: string;
}

export type PlanChangeOutcome = 'added' | 'already' | 'empty';

const same = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLocaleLowerCase() === b.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/** The plan with the change added, and whether it was (`already` there, or `empty`: nothing to add). */
export function withPlanChange(plan: Plan, change: PlanChange, makeId: () => string = () => crypto.randomUUID()): { plan: Plan; outcome: PlanChangeOutcome } {
  const text = change.text.trim();
  if (!text) return { plan, outcome: 'empty' };
  const unchanged = { plan, outcome: 'already' as const };
  switch (change.target) {
    case 'copingStrategies':
      if (plan.copingStrategies.some((line) => same(line, text))) return unchanged;
      return { plan: { ...plan, copingStrategies: [...plan.copingStrategies, text] }, outcome: 'added' };
    case 'ifThenSteps': {
      const when = change.when?.trim() ?? '';
      if (plan.ifThenSteps.some((step) => same(step.when, when) && same(step.then, text))) return unchanged;
      return { plan: { ...plan, ifThenSteps: [...plan.ifThenSteps, { id: makeId(), when, then: text }] }, outcome: 'added' };
    }
    case 'highRiskSituations':
      if (planHasSituation(plan.highRiskSituations, text)) return unchanged;
      return { plan: { ...plan, highRiskSituations: withSituation(plan.highRiskSituations, text) }, outcome: 'added' };
    case 'dailyRoutine': {
      if (plan.dailyRoutine.split('\n').some((line) => same(line, text))) return unchanged;
      const kept = plan.dailyRoutine.replace(/\s+$/, '');
      return { plan: { ...plan, dailyRoutine: kept ? `${kept}\n${text}` : text }, outcome: 'added' };
    }
  }
}

/** Adds the change to the stored plan, in the configuration lock (lib/plan/edits.ts). */
export async function addChangeToPlan(change: PlanChange, update = updatePlan): Promise<PlanChangeOutcome> {
  let outcome: PlanChangeOutcome = 'empty';
  await update((plan) => {
    const next = withPlanChange(plan, change);
    outcome = next.outcome;
    return next.plan;
  });
  return outcome;
}
