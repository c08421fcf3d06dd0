import { storage } from 'wxt/utils/storage';
import { emptyPlan, type Plan } from './plan';

/**
 * The plan in `storage.local`, version 1. A later version adds a migration `2: (v1: Plan) => PlanV2`
 * and keeps the old type here.
 */
export const planItem = storage.defineItem<Plan>('local:plan', {
  version: 1,
  fallback: emptyPlan(),
});

/** Reads the plan, filling any field an older or partial value lacks. */
export async function loadPlan(): Promise<Plan> {
  return { ...emptyPlan(), ...(await planItem.getValue()) };
}

/** Calls `listener` with the whole plan each time it is stored, from any page or sync, until the returned function is called. */
export function watchPlan(listener: (plan: Plan) => void): () => void {
  return planItem.watch((next) => listener({ ...emptyPlan(), ...next }));
}
