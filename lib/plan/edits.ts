/*
 * The one way the plan changes. The plan is not protection, so every change applies at once. It
 * still reads and writes inside the configuration lock, so a change from Progress or the welcome
 * never lands between another writer's read and write and is lost. (The plan editor merges what
 * other pages store into what is on screen itself: components/PlanEditor.tsx.)
 */
import { commandDeps, type CommandDeps } from '../commands/deps';
import type { Plan } from './plan';
import { loadPlan, planItem } from './plan-item';

/** Changes the plan from what is stored now, in the lock; returns what was stored. */
export function updatePlan(change: (plan: Plan) => Plan, given: Partial<CommandDeps> = {}): Promise<Plan> {
  const deps = commandDeps(given);
  return deps.lock(async () => {
    const next = change(await loadPlan());
    await planItem.setValue(next);
    return next;
  });
}

/** Saves the plan editor's whole plan. */
export function savePlan(plan: Plan, given: Partial<CommandDeps> = {}): Promise<Plan> {
  return updatePlan(() => plan, given);
}
