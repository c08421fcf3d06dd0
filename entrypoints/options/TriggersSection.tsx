import { useEffect, useState } from 'preact/hooks';
import { TriggerList } from '../../components/TriggerList';
import { parseKeyword } from '../../lib/triggers/parse-keyword';
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
  const current = await triggerListItem.getValue();
  await triggerListItem.setValue(current.filter((t) => t.id !== trigger.id));
}

async function setMode(trigger: Trigger, mode: TriggerMode): Promise<void> {
  const current = await triggerListItem.getValue();
  await triggerListItem.setValue(current.map((t) => (t.id === trigger.id ? { ...t, mode } : t)));
}

/** Trigger sites and trigger words, kept in step with storage (and so with the browser's rules). */
export function TriggersSection() {
  const [triggers, setTriggers] = useState<Trigger[]>([]);
  useEffect(() => {
    void triggerListItem.getValue().then(setTriggers);
    return triggerListItem.watch((next) => setTriggers(next ?? []));
  }, []);

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
      />
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
      />
    </>
  );
}
