import { storage } from 'wxt/utils/storage';
import { loadSettings, settingsItem } from '../settings/settings-item';
import { blocklistsItem } from './blocklist-item';
import { applyDue, coolingOffMs, requestChange, type LooseningChange, type PendingChange } from './cooling-off';
import { pendingItem } from './pending-item';
import { triggerListItem } from './trigger-list';

/** Starts the cooling-off for a loosening change; nothing else changes until it is over. */
export async function requestLoosening(change: LooseningChange, label: string, now = Date.now()): Promise<PendingChange> {
  const [pending, settings] = await Promise.all([pendingItem.getValue(), loadSettings()]);
  const next = requestChange(pending, change, label, now, coolingOffMs(settings.coolingOffHours));
  await pendingItem.setValue(next);
  return next.at(-1)!;
}

export async function cancelPending(id: string): Promise<void> {
  await pendingItem.setValue((await pendingItem.getValue()).filter((p) => p.id !== id));
}

/**
 * Applies every change whose cooling-off is over, in one atomic storage write (triggers, settings
 * and the pending list together), and returns the changes still waiting.
 */
export async function applyDueChanges(now = Date.now()): Promise<PendingChange[]> {
  const [triggers, lists, settings, pending] = await Promise.all([
    triggerListItem.getValue(),
    blocklistsItem.getValue(),
    loadSettings(),
    pendingItem.getValue(),
  ]);
  const result = applyDue({ triggers, lists, settings, pending }, now);
  if (result.applied.length > 0) {
    const listsChanged = result.applied.some((p) => p.kind === 'remove-list' || p.kind === 'pause-list');
    await storage.setItems([
      { item: triggerListItem, value: result.triggers },
      // Rewriting a 100,000-domain list costs a second; only when a change is about lists.
      ...(listsChanged ? [{ item: blocklistsItem, value: result.lists }] : []),
      { item: settingsItem, value: result.settings },
      { item: pendingItem, value: result.pending },
    ]);
  }
  return result.pending;
}
