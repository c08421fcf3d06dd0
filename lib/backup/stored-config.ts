import { storage } from 'wxt/utils/storage';
import { ITEM_VERSIONS } from '../commands/protection-store';
import { isRegionCode } from '../help/directory';
import { helpRegionItem } from '../help/help-region-item';
import { loadMyServices, myServicesItem } from '../help/my-services';
import { streakStartItem } from '../history/streak-start-item';
import { loadPartnerLock, partnerLockItem } from '../partner/partner-lock';
import { loadPlan, planItem } from '../plan/plan-item';
import { loadSettings, settingsItem } from '../settings/settings-item';
import { blocklistsItem } from '../triggers/blocklist-item';
import { pendingItem } from '../triggers/pending-item';
import { triggerListItem } from '../triggers/trigger-list';
import type { StoredConfig } from './restore-plan';

/** Everything a backup covers in `storage.local`, read afresh (another window may have changed it). */
export async function loadStoredConfig(): Promise<StoredConfig> {
  const [triggers, blocklists, plan, settings, streak, helpRegion, myServices, pending, partner] = await Promise.all([
    triggerListItem.getValue(),
    blocklistsItem.getValue(),
    loadPlan(),
    loadSettings(),
    streakStartItem.getValue(),
    helpRegionItem.getValue(),
    loadMyServices(),
    pendingItem.getValue(),
    loadPartnerLock(),
  ]);
  return { triggers, blocklists, plan, settings, streak, helpRegion: isRegionCode(helpRegion) ? helpRegion : null, myServices, pending, partner };
}

/** Stores the whole configuration in one `storage.local.set` with every item's version (../commands/protection-store.ts): all of it lands, or none. */
export async function saveStoredConfig(config: StoredConfig): Promise<void> {
  const metas = Object.entries(ITEM_VERSIONS).map(([key, v]) => ({ key: `local:${key}$` as const, value: { v } }));
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
    { item: partnerLockItem, value: config.partner },
    ...metas,
  ]);
}
