/*
 * What protects the person, as the commands read and write it: the trigger list, the imported
 * lists, the settings and the loosening changes waiting out their cooling-off. Each command reads
 * only the parts it needs (the lists can be megabytes) and writes what it changed in one
 * `storage.local.set`, so a change and its waiting change land together or not at all.
 */
import { storage } from 'wxt/utils/storage';
import { loadSettings, settingsItem, type Settings } from '../settings/settings-item';
import { loadPartnerLock, partnerLockItem, type PartnerLock } from '../partner/partner-lock';
import type { Blocklist } from '../triggers/blocklist';
import { blocklistsItem } from '../triggers/blocklist-item';
import type { PendingChange } from '../triggers/cooling-off';
import { pendingItem } from '../triggers/pending-item';
import type { Trigger } from '../triggers/trigger';
import { triggerListItem } from '../triggers/trigger-list';

export interface Protection {
  triggers: Trigger[];
  lists: Blocklist[];
  settings: Settings;
  /** The partner lock (lib/partner/), null when off: with it on, loosening waits its long wait. */
  partner: PartnerLock | null;
  pending: PendingChange[];
}

export type ProtectionPart = keyof Protection;

/**
 * The version each stored item is defined with. A value written without its `$` meta after the
 * meta was lost (a cleared storage) is taken for version 1 and migrated again on the next start
 * (triggers v1→v2 would turn every Pause into Block), so the metas go in the same write.
 */
export const ITEM_VERSIONS = { triggers: 2, blocklists: 1, plan: 3, settings: 2, streak: 1, helpRegion: 1, myServices: 1, pending: 1, partnerLock: 1 } as const;

const STORED = {
  triggers: { item: triggerListItem, key: 'triggers', read: () => triggerListItem.getValue() },
  lists: { item: blocklistsItem, key: 'blocklists', read: () => blocklistsItem.getValue() },
  settings: { item: settingsItem, key: 'settings', read: loadSettings },
  pending: { item: pendingItem, key: 'pending', read: () => pendingItem.getValue() },
  partner: { item: partnerLockItem, key: 'partnerLock', read: loadPartnerLock },
} as const;

/** Reads the named parts afresh. */
export async function readProtection<K extends ProtectionPart>(parts: readonly K[]): Promise<Pick<Protection, K>> {
  const values = await Promise.all(parts.map((part) => STORED[part].read()));
  return Object.fromEntries(parts.map((part, i) => [part, values[i]])) as Pick<Protection, K>;
}

/** Writes the parts given (and only those) with their versions, in one storage call. */
export async function writeProtection(next: Partial<Protection>): Promise<void> {
  const parts = (Object.keys(next) as ProtectionPart[]).filter((part) => next[part] !== undefined);
  if (parts.length === 0) return;
  await storage.setItems(
    parts.flatMap((part) => {
      const { item, key } = STORED[part];
      return [
        { item: item as typeof pendingItem, value: next[part] as PendingChange[] },
        { key: `local:${key}$` as const, value: { v: ITEM_VERSIONS[key] } },
      ];
    }),
  );
}
