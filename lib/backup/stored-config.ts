import { storage } from 'wxt/utils/storage';
import { isRegionCode } from '../help/directory';
import { helpRegionItem } from '../help/help-region-item';
import { loadMyServices, myServicesItem } from '../help/my-services';
import { streakStartItem } from '../history/streak-start-item';
import { loadPlan, planItem } from '../plan/plan-item';
import { loadSettings, settingsItem } from '../settings/settings-item';
import { blocklistsItem } from '../triggers/blocklist-item';
import { pendingItem } from '../triggers/pending-item';
import { triggerListItem } from '../triggers/trigger-list';
import type { StoredConfig } from './restore-plan';

/** Everything a backup covers in `storage.local`, read afresh (another window may have changed it). */
export async function loadStoredConfig(): Promise<StoredConfig> {
  const [triggers, blocklists, plan, settings, streak, helpRegion, myServices, pending] = await Promise.all([
    triggerListItem.getValue(),
    blocklistsItem.getValue(),
    loadPlan(),
    loadSettings(),
    streakStartItem.getValue(),
    helpRegionItem.getValue(),
    loadMyServices(),
    pendingItem.getValue(),
  ]);
  return { triggers, blocklists, plan, settings, streak, helpRegion: isRegionCode(helpRegion) ? helpRegion : null, myServices, pending };
}

/**
 * The version each item is defined with. `setItems` writes values only, and an item whose value
 * has no `$` meta is taken for version 1 and migrated again on the next start (triggers v1→v2
 * would turn every Pause into Block), so the metas go in the same write.
 */
const VERSIONS = { triggers: 2, blocklists: 1, plan: 2, settings: 1, streak: 1, helpRegion: 1, myServices: 1, pending: 1 } as const;

/** Stores the whole configuration in one `storage.local.set`: all of it lands, or none. */
export async function saveStoredConfig(config: StoredConfig): Promise<void> {
  const metas = Object.entries(VERSIONS).map(([key, v]) => ({ key: `local:${key}$` as const, value: { v } }));
  await storage.setItems([
    { item: triggerListItem, value: config.triggers },
    { item: blocklistsItem, value: config.blocklists },
    { item: planItem, value: config.plan },
    { item: settingsItem, value: config.settings },
    // null for "not chosen yet", which WXT reads back as the item's empty value.
    { key: 'local:streak', value: config.streak },
    { key: 'local:helpRegion', value: config.helpRegion },
    { item: myServicesItem, value: config.myServices },
    { item: pendingItem, value: config.pending },
    ...metas,
  ]);
}
