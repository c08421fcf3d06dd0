import { storage } from 'wxt/utils/storage';
import { emptyPlan, emptySafetyPlan, type Plan, type SafetyPlanFields } from './plan';

/** Version 1: the relapse prevention plan alone, before the safety plan's steps were added. */
export type PlanV1 = Omit<Plan, keyof SafetyPlanFields>;

/** Version 1 → 2: every safety plan step starts empty; nothing the person wrote changes. */
export function planV2FromV1(v1: PlanV1): Plan {
  return { ...emptySafetyPlan(), ...v1 };
}

/**
 * The plan in `storage.local`, version 2 (the safety plan's steps added). A later version adds a
 * migration `3: (v2: Plan) => PlanV3` and keeps the old type here.
 */
export const planItem = storage.defineItem<Plan>('local:plan', {
  version: 2,
  fallback: emptyPlan(),
  migrations: { 2: planV2FromV1 },
});

/** Reads the plan, filling any field an older or partial value lacks. */
export async function loadPlan(): Promise<Plan> {
  return { ...emptyPlan(), ...(await planItem.getValue()) };
}

/** Calls `listener` with the whole plan each time it is stored, from any page or sync, until the returned function is called. */
export function watchPlan(listener: (plan: Plan) => void): () => void {
  return planItem.watch((next) => listener({ ...emptyPlan(), ...next }));
}
