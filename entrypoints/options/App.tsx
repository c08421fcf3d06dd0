import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PlanEditor } from '../../components/PlanEditor';
import { TriggerSites } from '../../components/TriggerSites';
import type { Plan } from '../../lib/plan/plan';
import { loadPlan, planItem } from '../../lib/plan/plan-item';
import { parseTrigger } from '../../lib/triggers/parse-trigger';
import type { Trigger } from '../../lib/triggers/trigger';
import { triggerListItem } from '../../lib/triggers/trigger-list';

async function addTrigger(text: string): Promise<{ added: Trigger } | { error: string }> {
  // Read the list afresh: another window may have changed it since this one drew.
  const current = await triggerListItem.getValue();
  const parsed = parseTrigger(text, current);
  if (!parsed.ok) return { error: parsed.message };
  await triggerListItem.setValue([...current, parsed.trigger]);
  return { added: parsed.trigger };
}

async function removeTrigger(trigger: Trigger): Promise<void> {
  const current = await triggerListItem.getValue();
  await triggerListItem.setValue(current.filter((t) => t.id !== trigger.id));
}

/** "My recovery": the person's triggers and plan, one page, help always at the top. */
export function App() {
  const [triggers, setTriggers] = useState<Trigger[]>([]);
  const [plan, setPlan] = useState<Plan>();

  useEffect(() => {
    void triggerListItem.getValue().then(setTriggers);
    void loadPlan().then(setPlan);
    return triggerListItem.watch((next) => setTriggers(next ?? []));
  }, []);

  return (
    <>
      <header class="top">
        <p class="brand">Steadfast</p>
        <h1>My recovery</h1>
        <nav aria-label="Sections">
          <a href="#triggers">Trigger sites</a>
          <a href="#plan">My plan</a>
          <a class="help-link" href={browser.runtime.getURL('/help.html')}>
            Get help now
          </a>
        </nav>
      </header>
      <main class="options">
        <TriggerSites triggers={triggers} onAdd={addTrigger} onRemove={removeTrigger} />
        {plan && <PlanEditor initial={plan} onSave={(next) => planItem.setValue(next)} />}
      </main>
      <footer class="options muted">
        <p>Everything you write here stays on this device. Steadfast sends nothing anywhere.</p>
      </footer>
    </>
  );
}
