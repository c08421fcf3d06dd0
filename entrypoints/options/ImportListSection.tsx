import { useStoredItem } from '../../components/useStoredItem';
import { ImportList } from '../../components/ImportList';
import type { Blocklist } from '../../lib/triggers/blocklist';
import { blocklistsItem } from '../../lib/triggers/blocklist-item';
import { pendingFor, pendingText } from '../../lib/triggers/cooling-off';
import { cancelPending, importList, removeList, setListMode } from '../../lib/triggers/edits';
import { pendingItem } from '../../lib/triggers/pending-item';
import type { TriggerMode } from '../../lib/triggers/trigger';
import { useTrustedNow } from '../../components/useTrustedNow';
import { usePartnerOn } from '../../components/usePartnerOn';

/** lib/triggers/edits.ts decides whether each change is at once or waits out the cooling-off. */
const remove = async (list: Blocklist) => void (await removeList(list.id));
const changeMode = async (list: Blocklist, mode: TriggerMode) => void (await setListMode(list.id, mode));

/** "Import a list" under Trigger sites, kept in step with storage; loosening waits (cooling-off). */
export function ImportListSection() {
  const trustedNow = useTrustedNow();
  const lists = useStoredItem(blocklistsItem).value ?? [];
  const pending = useStoredItem(pendingItem).value ?? [];
  const partnerOn = usePartnerOn();
  const pendingOf = (list: Blocklist) => {
    const change = pendingFor(pending, list.id);
    if (!change) return undefined;
    const release = partnerOn ? { releaseHref: `#release-${change.id}` } : {};
    return { text: pendingText(change, trustedNow()), onCancel: async () => void (await cancelPending(change.id)), ...release };
  };
  return <ImportList lists={lists} onImport={(request) => importList(request)} onRemove={remove} onModeChange={changeMode} pendingOf={pendingOf} />;
}
