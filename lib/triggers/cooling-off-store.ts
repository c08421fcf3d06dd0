import { storage } from 'wxt/utils/storage';
import { loadSettings, settingsItem } from '../settings/settings-item';
import { blocklistsItem } from './blocklist-item';
import { trustedNow } from '../time/trusted-clock';
import { applyDue, coolingOffMs, postponeChanges, requestChange, type LooseningChange, type PendingChange } from './cooling-off';
import { pendingItem } from './pending-item';
import { triggerListItem } from './trigger-list';

/**
 * Starts the cooling-off for a loosening change; nothing else changes until it is over. It is
 * counted from the trusted time, so a clock set back cannot start it in the past.
 */
export async function requestLoosening(change: LooseningChange, label: string, now?: number): Promise<PendingChange> {
  const [pending, settings, at] = await Promise.all([pendingItem.getValue(), loadSettings(), now ?? trustedNow()]);
  const next = requestChange(pending, change, label, at, coolingOffMs(settings.coolingOffHours));
  await pendingItem.setValue(next);
  return next.at(-1)!;
}

export async function cancelPending(id: string): Promise<void> {
  await pendingItem.setValue((await pendingItem.getValue()).filter((p) => p.id !== id));
}

/** Every waiting change ends `ms` later (a clock set forward is not time waited). */
export async function postponePending(ms: number): Promise<void> {
  if (!(ms > 0)) return;
  const pending = await pendingItem.getValue();
  if (pending.length > 0) await pendingItem.setValue(postponeChanges(pending, ms));
}

/**
 * Applies every change whose cooling-off is over, in one atomic storage write (triggers, settings
 * and the pending list together), and returns the changes still waiting. `now` is the trusted
 * time (the background's, lib/time/background-clock.ts), never the wall clock alone.
 */
export async function applyDueChanges(now?: number): Promise<PendingChange[]> {
  const [triggers, lists, settings, pending, at] = await Promise.all([
    triggerListItem.getValue(),
    blocklistsItem.getValue(),
    loadSettings(),
    pendingItem.getValue(),
    now ?? trustedNow(),
  ]);
  const result = applyDue({ triggers, lists, settings, pending }, at);
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
