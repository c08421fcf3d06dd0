import { useEffect, useState } from 'preact/hooks';
import { TriggerList } from '../../components/TriggerList';
import { ImportListSection } from './ImportListSection';
import { isFreshAddition, pendingFor, timeLeft, type PendingChange } from '../../lib/triggers/cooling-off';
import { cancelPending, requestLoosening } from '../../lib/triggers/cooling-off-store';
import { parseKeyword } from '../../lib/triggers/parse-keyword';
import { pendingItem } from '../../lib/triggers/pending-item';
import { parseTrigger, type ParseTriggerResult } from '../../lib/triggers/parse-trigger';
import type { Trigger, TriggerMode } from '../../lib/triggers/trigger';
import { triggerListItem } from '../../lib/triggers/trigger-list';

/** Reads the list afresh for every change: another window may have changed it since this one drew. */
async function addWith(parse: (existing: readonly Trigger[]) => ParseTriggerResult) {
  const current = await triggerListItem.getValue();
  const parsed = parse(current);
  if (!parsed.ok) return { error: parsed.message };
  await triggerListItem.setValue([...current, parsed.trigger]);
  return { added: parsed.trigger };
}

async function removeTrigger(trigger: Trigger): Promise<void> {
  if (isFreshAddition(trigger, Date.now())) {
    const current = await triggerListItem.getValue();
    await triggerListItem.setValue(current.filter((t) => t.id !== trigger.id));
    return;
  }
  await requestLoosening({ kind: 'remove-trigger', triggerId: trigger.id }, `Remove ${trigger.display}`);
}

async function setMode(trigger: Trigger, mode: TriggerMode): Promise<void> {
  if (mode === 'pause' && trigger.mode === 'block' && !isFreshAddition(trigger, Date.now())) {
    await requestLoosening({ kind: 'pause-mode', triggerId: trigger.id }, `Switch ${trigger.display} to Pause`);
    return;
  }
  // Tightening (or a fresh trigger) is immediate, and ends any wait to loosen the same trigger.
  const current = await triggerListItem.getValue();
  await triggerListItem.setValue(current.map((t) => (t.id === trigger.id ? { ...t, mode } : t)));
  const pending = pendingFor(await pendingItem.getValue(), trigger.id);
  if (pending?.kind === 'pause-mode') await cancelPending(pending.id);
}

function describePending(change: PendingChange, now: number): string {
  const when = `in ${timeLeft(change.effectiveAt, now)}`;
  return change.kind === 'remove-trigger' ? `· removing ${when}` : `· switching to Pause ${when}`;
}

/** Trigger sites and trigger words, kept in step with storage (and so with the browser's rules). */
export function TriggersSection() {
  const [triggers, setTriggers] = useState<Trigger[]>([]);
  const [pending, setPending] = useState<PendingChange[]>([]);
  useEffect(() => {
    void triggerListItem.getValue().then(setTriggers);
    void pendingItem.getValue().then(setPending);
    const unwatch = [triggerListItem.watch((next) => setTriggers(next ?? [])), pendingItem.watch((next) => setPending(next ?? []))];
    return () => unwatch.forEach((stop) => stop());
  }, []);
  const pendingOf = (trigger: Trigger) => {
    const change = pendingFor(pending, trigger.id);
    return change && { text: describePending(change, Date.now()), onCancel: () => cancelPending(change.id) };
  };
  const waiting = pending.length > 0;

  return (
    <>
      <TriggerList
        id="triggers"
        title="Trigger sites"
        intro={
          <>
            Sites that pull you towards using. When one opens, Steadfast shows a calm pause page with your plan
            instead, and the site never loads. Subdomains are included: example.com covers www.example.com and
            m.example.com. Add a path (example.com/forum) to pause only that part.
          </>
        }
        label="Trigger site"
        placeholder="example.com"
        addLabel="Add"
        emptyText="No trigger sites yet. Add the first one above when you feel ready."
        triggers={triggers.filter((t) => t.kind !== 'keyword')}
        onAdd={(text) => addWith((existing) => parseTrigger(text, existing))}
        onRemove={removeTrigger}
        onModeChange={setMode}
        pendingOf={pendingOf}
      />
      {waiting && (
        <p class="card cooling-off-note" role="status">
          Changes that loosen your protection wait before they happen, so a hard moment can pass first. You can
          cancel them until then. It may help to tell someone you trust about them:{' '}
          <a href="#support">your support people</a>.
        </p>
      )}
      <ImportListSection />
      <TriggerList
        id="keywords"
        title="Trigger words"
        intro={
          <>
            Words that pause any page whose address contains them, on any site: a search for "buy ket", say. Whole
            words only, so "ket" does not catch "basket".
          </>
        }
        label="Trigger words"
        placeholder="buy ket"
        addLabel="Add words"
        emptyText="No trigger words yet."
        triggers={triggers.filter((t) => t.kind === 'keyword')}
        onAdd={(text) => addWith((existing) => parseKeyword(text, existing))}
        onRemove={removeTrigger}
        onModeChange={setMode}
        pendingOf={pendingOf}
      />
    </>
  );
}
