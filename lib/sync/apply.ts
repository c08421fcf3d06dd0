/*
 * What a merged document does to this device (pure). Tightening happens at once: a new trigger, a
 * switch to Block, a longer wait or cooling-off. Loosening that another browser asked for, a
 * removal, a switch to Pause, a shorter wait or cooling-off, waits out THIS device's cooling-off
 * as a pending change the person sees and can cancel, exactly as if they had asked for it here
 * (lib/triggers/cooling-off.ts). Otherwise whoever holds one browser could loosen all of them at
 * once, in the very moment the delay exists for. The plan is not protection: it is taken as merged.
 */
import { triggerKey } from '../backup/restore-plan';
import { t } from '../i18n/i18n';
import type { Settings } from '../settings/settings-item';
import { looseningDelayMs, requestChange, type LooseningChange, type PendingChange } from '../triggers/cooling-off';
import type { Trigger } from '../triggers/trigger';
import type { LocalConfig } from './local-doc';
import type { SyncDoc } from './sync-doc';

export interface Applied extends LocalConfig {
  triggers: Trigger[];
  pending: PendingChange[];
  /** Loosening changes from another browser, now waiting out the cooling-off here. */
  waiting: PendingChange[];
}

export function applyMerged(local: LocalConfig, merged: SyncDoc, now: number, makeId: () => string = () => crypto.randomUUID()): Applied {
  // This device's wait: the cooling-off, or the partner lock's long wait when it is on here.
  const delay = looseningDelayMs(local);
  let pending = [...local.pending];
  const waiting: PendingChange[] = [];
  const has = (kind: PendingChange['kind'], match: (p: PendingChange) => boolean) => pending.some((p) => p.kind === kind && match(p));
  const wait = (change: LooseningChange, label: string) => {
    pending = requestChange(pending, change, label, now, delay, makeId);
    waiting.push(pending.at(-1)!);
  };
  const forTrigger = (id: string) => (p: PendingChange) => 'triggerId' in p && p.triggerId === id;

  const byKey = new Map(merged.triggers.map((entry) => [triggerKey(entry.trigger), entry]));
  const triggers: Trigger[] = [];
  const ids = new Set(local.triggers.map((t) => t.id));
  for (const here of local.triggers) {
    const entry = byKey.get(triggerKey(here));
    byKey.delete(triggerKey(here));
    if (!entry) {
      triggers.push(here);
    } else if (entry.removedAt !== undefined) {
      triggers.push(here);
      if (!has('remove-trigger', forTrigger(here.id))) wait({ kind: 'remove-trigger', triggerId: here.id }, t('sync_pendingRemove', [here.display]));
    } else if (entry.trigger.mode === 'block' && here.mode === 'pause') {
      triggers.push({ ...here, mode: 'block' });
      pending = pending.filter((p) => !(p.kind === 'pause-mode' && forTrigger(here.id)(p)));
    } else if (entry.trigger.mode === 'pause' && here.mode === 'block') {
      triggers.push(here);
      if (!has('pause-mode', forTrigger(here.id))) wait({ kind: 'pause-mode', triggerId: here.id }, t('sync_pendingPause', [here.display]));
    } else {
      triggers.push(here);
    }
  }
  for (const entry of byKey.values()) {
    if (entry.removedAt !== undefined) continue;
    const id = ids.has(entry.trigger.id) ? makeId() : entry.trigger.id;
    ids.add(id);
    // Dated by this device: a date from another browser never makes a trigger fresh here.
    triggers.push({ ...entry.trigger, id, addedAt: now });
  }

  const settings: Settings = { ...local.settings };
  const settle = (field: keyof Settings, kind: 'shorter-wait' | 'shorter-cooling-off', label: (n: number) => string) => {
    const wanted = merged.settings[field].value;
    if (wanted >= local.settings[field]) {
      settings[field] = wanted;
      pending = pending.filter((p) => p.kind !== kind);
    } else if (
      !has(kind, (p) => (kind === 'shorter-wait' ? 'waitSeconds' in p && p.waitSeconds === wanted : 'coolingOffHours' in p && p.coolingOffHours === wanted))
    ) {
      const change: LooseningChange = kind === 'shorter-wait' ? { kind, waitSeconds: wanted } : { kind, coolingOffHours: wanted };
      wait(change, label(wanted));
    }
  };
  settle('waitSeconds', 'shorter-wait', (n) => t('sync_pendingWait', [n]));
  settle('coolingOffHours', 'shorter-cooling-off', (n) => t('sync_pendingDelay', [n]));

  const plan = Object.fromEntries(Object.entries(merged.plan).map(([key, field]) => [key, field.value])) as unknown as LocalConfig['plan'];
  return { triggers, plan: { ...local.plan, ...plan }, settings, partner: local.partner, pending, waiting };
}
