import { useEffect, useState } from 'preact/hooks';
import { ImportList } from '../../components/ImportList';
import type { Blocklist } from '../../lib/triggers/blocklist';
import { blocklistsItem, importList, removeList, setListMode } from '../../lib/triggers/blocklist-item';
import { changeLabel, pendingFor, pendingText, type LooseningChange, type PendingChange } from '../../lib/triggers/cooling-off';
import { cancelPending, requestLoosening } from '../../lib/triggers/cooling-off-store';
import { pendingItem } from '../../lib/triggers/pending-item';
import type { TriggerMode } from '../../lib/triggers/trigger';

/** As for single triggers: a list imported in the last few minutes can be taken back at once. */
const UNDO_WINDOW_MS = 10 * 60_000;
const fresh = (list: Blocklist) => Date.now() - list.addedAt < UNDO_WINDOW_MS;

async function remove(list: Blocklist): Promise<void> {
  if (fresh(list)) return removeList(list.id);
  const change: LooseningChange = { kind: 'remove-list', listId: list.id };
  await requestLoosening(change, changeLabel(change, list.name));
}

async function changeMode(list: Blocklist, mode: TriggerMode): Promise<void> {
  if (mode === 'pause' && list.mode === 'block' && !fresh(list)) {
    const change: LooseningChange = { kind: 'pause-list', listId: list.id };
    await requestLoosening(change, changeLabel(change, list.name));
    return;
  }
  await setListMode(list.id, mode);
  const waiting = pendingFor(await pendingItem.getValue(), list.id);
  if (waiting?.kind === 'pause-list') await cancelPending(waiting.id);
}

/** "Import a list" under Trigger sites, kept in step with storage; loosening waits (cooling-off). */
export function ImportListSection() {
  const [lists, setLists] = useState<Blocklist[]>([]);
  const [pending, setPending] = useState<PendingChange[]>([]);
  useEffect(() => {
    void blocklistsItem.getValue().then(setLists);
    void pendingItem.getValue().then(setPending);
    const unwatch = [blocklistsItem.watch((next) => setLists(next ?? [])), pendingItem.watch((next) => setPending(next ?? []))];
    return () => unwatch.forEach((stop) => stop());
  }, []);
  const pendingOf = (list: Blocklist) => {
    const change = pendingFor(pending, list.id);
    if (!change) return undefined;
    return { text: pendingText(change, Date.now()), onCancel: () => cancelPending(change.id) };
  };
  return (
    <ImportList
      lists={lists}
      onImport={(request) => importList(request)}
      onRemove={remove}
      onModeChange={changeMode}
      pendingOf={pendingOf}
    />
  );
}
