import { storage } from 'wxt/utils/storage';
import { emptyPlan, planV2FromV1, type Plan } from './plan';

// Version 1 is `PlanV1` in ./plan.ts (a backup of version 1 holds it too).
export { planV2FromV1 };

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
