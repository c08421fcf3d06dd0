import { useEffect, useState } from 'preact/hooks';
import { ImportList } from '../../components/ImportList';
import type { Blocklist } from '../../lib/triggers/blocklist';
import { blocklistsItem, importList, removeList, setListMode } from '../../lib/triggers/blocklist-item';

/**
 * "Import a list" under Trigger sites (issue 5, "Big lists"), kept in step with storage.
 * TODO(2026-11-26): removing a list and switching it from Block to Pause loosen protection, so
 * they should wait out the cooling-off as single triggers do (lib/triggers/cooling-off.ts).
 */
export function ImportListSection() {
  const [lists, setLists] = useState<Blocklist[]>([]);
  useEffect(() => {
    void blocklistsItem.getValue().then(setLists);
    return blocklistsItem.watch((next) => setLists(next ?? []));
  }, []);
  return (
    <ImportList
      lists={lists}
      onImport={(request) => importList(request)}
      onRemove={(list) => removeList(list.id)}
      onModeChange={(list, mode) => setListMode(list.id, mode)}
    />
  );
}
