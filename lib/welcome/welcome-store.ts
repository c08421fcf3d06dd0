import { storage } from 'wxt/utils/storage';
import { createQueueLock, withConfigLock } from '../commands/lock';
import type { Plan } from '../plan/plan';
import { loadPlan, planItem } from '../plan/plan-item';
import { withIfThen, withReason, withSupportPerson, type PlanAnswers } from './plan-answers';
import { loadWelcome, welcomeItem, type Welcome, type WelcomePlace } from './welcome-item';

/**
 * Saves the welcome as the person goes: their place, and each answer as they type it. Every save
 * reads the plan afresh (another tab may hold "My recovery" open) and writes the plan and the
 * welcome state together, one save after another, so fast typing never loses a letter to a race;
 * the plan's write is in the configuration lock (lib/commands/lock.ts) as every other plan write.
 */
export function createWelcomeStore(newId: () => string = () => crypto.randomUUID()) {
  const inTurn = createQueueLock();

  function changePlan(change: (plan: Plan, welcome: Welcome) => { plan: Plan; welcome: Welcome }): Promise<Plan> {
    // In this page's turn, and in the configuration lock shared with every other writer of the plan.
    return inTurn(() =>
      withConfigLock(async () => {
        const [plan, welcome] = await Promise.all([loadPlan(), loadWelcome()]);
        const next = change(plan, welcome);
        await storage.setItems([
          { item: planItem, value: next.plan },
          { item: welcomeItem, value: next.welcome },
        ]);
        return next.plan;
      }),
    );
  }

  return {
    goTo: (place: WelcomePlace) =>
      inTurn(async () => {
        const next = { ...(await loadWelcome()), place };
        await welcomeItem.setValue(next);
        return next;
      }),

    saveReason: (text: string) =>
      changePlan((plan, welcome) => {
        const next = withReason(plan, welcome.reason, text);
        const { reason: _previous, ...rest } = welcome;
        return { plan: next.plan, welcome: next.reason ? { ...rest, reason: next.reason } : rest };
      }),

    saveIfThen: (values: PlanAnswers['ifThen']) =>
      changePlan((plan, welcome) => {
        const id = welcome.ifThenStepId ?? newId();
        return { plan: withIfThen(plan, id, values), welcome: { ...welcome, ifThenStepId: id } };
      }),

    savePerson: (values: PlanAnswers['person']) =>
      changePlan((plan, welcome) => {
        const id = welcome.supportPersonId ?? newId();
        return { plan: withSupportPerson(plan, id, values), welcome: { ...welcome, supportPersonId: id } };
      }),
  };
}

export type WelcomeStore = ReturnType<typeof createWelcomeStore>;
