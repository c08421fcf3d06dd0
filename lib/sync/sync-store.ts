import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { withConfigLock } from '../commands/lock';
import { loadPartnerLock } from '../partner/partner-lock';
import { loadPlan, planItem } from '../plan/plan-item';
import { loadSettings, settingsItem } from '../settings/settings-item';
import { pendingItem } from '../triggers/pending-item';
import { triggerListItem } from '../triggers/trigger-list';
import { META_KEY, staleChunkKeys } from './chunks';
import { sameValue } from './merge';
import { reconcile } from './reconcile';
import { syncStateItem, type SyncReport } from './sync-state-item';

/** The part of a `storage.sync` area sync uses; tests pass tests/fakes/sync-area.ts. */
export interface SyncArea {
  get(keys?: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export type SyncOutcome = 'off' | 'synced' | 'write-failed' | 'changed-meanwhile';

/**
 * Syncs once: reads both sides afresh, merges, writes `storage.sync` (one `set`, then one `remove`
 * of what the new version no longer needs), then stores this device's side in one atomic
 * `storage.local` write. A `set` refused for quota or rate changes nothing in sync (the browser
 * applies a `set` whole or not at all), and this device still keeps the merge: the next sync
 * writes it again.
 */
export async function syncNow(area: SyncArea = browser.storage.sync, now = Date.now()): Promise<SyncOutcome> {
  const state = await syncStateItem.getValue();
  if (!state.enabled) return 'off';
  const [triggers, plan, settings, pending, partner, remote] = await Promise.all([
    triggerListItem.getValue(),
    loadPlan(),
    loadSettings(),
    pendingItem.getValue(),
    loadPartnerLock(),
    area.get(null),
  ]);
  const local = { triggers, plan, settings, partner, pending };
  const result = reconcile({ local, base: state.base, remote }, now);
  let writeFailed = false;
  if (result.write) {
    try {
      await area.set(result.write.set);
      if (result.write.remove.length > 0) await area.remove(result.write.remove);
    } catch {
      writeFailed = true;
    }
  }
  const report: SyncReport = { ...result.report, writeFailed };
  const { applied } = result;
  // The person may have changed something while this sync ran: writing now would undo it. Leave
  // this device as it is; that change has asked for another sync, which merges it too.
  // In the configuration lock: no page's command can land between this check and this write.
  const stored = await withConfigLock(async () => {
    const [triggersNow, planNow, settingsNow, pendingNow, partnerNow] = await Promise.all([
      triggerListItem.getValue(),
      loadPlan(),
      loadSettings(),
      pendingItem.getValue(),
      loadPartnerLock(),
    ]);
    // The partner lock too: one turned on meanwhile must decide these waits.
    if (!sameValue([triggersNow, planNow, settingsNow, pendingNow, partnerNow === null], [triggers, plan, settings, pending, partner === null])) {
      return 'changed-meanwhile' as const;
    }
    // Versions go with the values: an item written without its `$` meta is read as version 1 and
    // migrated again (lib/backup/stored-config.ts).
    await storage.setItems([
      ...(sameValue(applied.triggers, triggers)
        ? []
        : [
            { item: triggerListItem, value: applied.triggers },
            { key: 'local:triggers$' as const, value: { v: 2 } },
          ]),
      ...(sameValue(applied.plan, plan)
        ? []
        : [
            { item: planItem, value: applied.plan },
            { key: 'local:plan$' as const, value: { v: 2 } },
          ]),
      ...(sameValue(applied.settings, settings) ? [] : [{ item: settingsItem, value: applied.settings }]),
      ...(sameValue(applied.pending, pending) ? [] : [{ item: pendingItem, value: applied.pending }]),
      { item: syncStateItem, value: { enabled: true, base: result.merged, report } },
    ]);
    return 'stored' as const;
  });
  if (stored !== 'stored') return stored;
  return writeFailed ? 'write-failed' : 'synced';
}

/** Turns sync on here; the background then syncs. */
export async function turnOnSync(): Promise<void> {
  await syncStateItem.setValue({ enabled: true, base: null, report: null });
}

/**
 * Turns sync off here and takes Steadfast's copy out of the browser's account. Another browser
 * that still has sync on puts its own copy back.
 */
export async function turnOffSync(area: SyncArea = browser.storage.sync): Promise<void> {
  await syncStateItem.setValue({ enabled: false, base: null, report: null });
  const all = await area.get(null);
  const ours = [META_KEY, ...staleChunkKeys(undefined, all)].filter((key) => key in all);
  if (ours.length > 0) await area.remove(ours);
}
