import { storage } from 'wxt/utils/storage';
import { emptyPlan, planV2FromV1, planV3FromV2, type Plan } from './plan';

// Versions 1 and 2 are `PlanV1` and `PlanV2` in ./plan.ts (backups of those versions hold them too).
export { planV2FromV1, planV3FromV2 };

/**
 * The plan in `storage.local`, version 3 (version 2 added the safety plan's steps, version 3 the
 * cost-benefit analysis's four boxes). A later version adds a migration `4: (v3: Plan) => PlanV4`
 * and keeps the old type in ./plan.ts.
 */
export const planItem = storage.defineItem<Plan>('local:plan', {
  version: 3,
  fallback: emptyPlan(),
  migrations: { 2: planV2FromV1, 3: planV3FromV2 },
});

/** Reads the plan, filling any field an older or partial value lacks. */
export async function loadPlan(): Promise<Plan> {
  return { ...emptyPlan(), ...(await planItem.getValue()) };
}

/** Calls `listener` with the whole plan each time it is stored, from any page or sync, until the returned function is called. */
export function watchPlan(listener: (plan: Plan) => void): () => void {
  return planItem.watch((next) => listener({ ...emptyPlan(), ...next }));
}
