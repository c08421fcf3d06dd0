import { useStoredItem } from '../../components/useStoredItem';
import { useEffect, useState } from 'preact/hooks';
import { SyncPanel } from '../../components/SyncPanel';
import { t } from '../../lib/i18n/i18n';
import { syncStateItem } from '../../lib/sync/sync-state-item';
import { turnOffSync, turnOnSync } from '../../lib/sync/sync-store';
import { blocklistsItem } from '../../lib/triggers/blocklist-item';

const formatTime = (at: number) => new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(at);

/** "Sync across my browsers": off until the person turns it on; the background does the syncing. */
export function SyncSection() {
  const state = useStoredItem(syncStateItem).value;
  const [listSites, setListSites] = useState(0);
  useEffect(() => {
    void blocklistsItem.getValue().then((lists) => setListSites(lists.reduce((n, list) => n + list.domains.length, 0)));
  }, []);
  return (
    <section id="sync" class="card" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('sync_heading')}</h2>
      {state && (
        <SyncPanel
          enabled={state.enabled}
          report={state.report}
          listSites={listSites}
          formatTime={formatTime}
          onToggle={(on) => (on ? turnOnSync() : turnOffSync())}
        />
      )}
    </section>
  );
}
