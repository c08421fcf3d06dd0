/*
 * This browser's configuration as a sync document (pure). What is unchanged since the last merge
 * (`base`) keeps its time; what changed here gets `now`; a trigger gone since then becomes a
 * removal. A loosening that came from another browser and is waiting out this device's
 * cooling-off is not a change made here: its entry stays as merged, so this browser does not undo
 * it everywhere. Cancelling that wait here does count as a change, and puts the trigger back for
 * every browser.
 */
import { triggerKey } from '../backup/restore-plan';
import type { PartnerLock } from '../partner/partner-lock';
import type { Plan } from '../plan/plan';
import type { Settings } from '../settings/settings-item';
import type { PendingChange } from '../triggers/cooling-off';
import type { Trigger } from '../triggers/trigger';
import { sameTrigger, sameValue } from './merge';
import type { Stamped, SyncDoc, TriggerEntry } from './sync-doc';

export interface LocalConfig {
  triggers: readonly Trigger[];
  plan: Plan;
  settings: Settings;
  /** Never synced: read so that loosening from another browser waits this device's long wait. */
  partner: PartnerLock | null;
  pending: readonly PendingChange[];
}

const waiting = (pending: readonly PendingChange[], kind: PendingChange['kind'], triggerId?: string) =>
  pending.some((p) => p.kind === kind && (triggerId === undefined || ('triggerId' in p && p.triggerId === triggerId)));

function localTriggers(config: LocalConfig, base: readonly TriggerEntry[], now: number): TriggerEntry[] {
  const baseByKey = new Map(base.map((entry) => [triggerKey(entry.trigger), entry]));
  const here = new Set<string>();
  const entries: TriggerEntry[] = [];
  for (const trigger of config.triggers) {
    const key = triggerKey(trigger);
    here.add(key);
    const before = baseByKey.get(key);
    const unchanged =
      before &&
      (before.removedAt === undefined
        ? sameTrigger(before.trigger, trigger) || (before.trigger.mode === 'pause' && waiting(config.pending, 'pause-mode', trigger.id))
        : waiting(config.pending, 'remove-trigger', trigger.id));
    entries.push(unchanged ? before : { trigger, changedAt: now });
  }
  for (const [key, before] of baseByKey) {
    if (here.has(key)) continue;
    entries.push(before.removedAt === undefined ? { ...before, removedAt: Math.max(now, before.changedAt) } : before);
  }
  return entries;
}

function stampFields<T extends object>(
  value: T,
  base: Stamped<T> | undefined,
  now: number,
  keepBase: (key: keyof T) => boolean = () => false,
  firstTime: (key: keyof T) => number = () => now,
): Stamped<T> {
  const stamped = {} as Stamped<T>;
  for (const key of Object.keys(value) as (keyof T)[]) {
    const before = base?.[key];
    stamped[key] = before && (sameValue(before.value, value[key]) || keepBase(key)) ? before : { value: value[key], changedAt: before ? now : firstTime(key) };
  }
  return stamped;
}

const isEmpty = (value: unknown): boolean => (Array.isArray(value) ? value.length === 0 : typeof value === 'string' ? value.trim() === '' : false);

/**
 * A field the last merge did not have (the safety plan's steps, the first time a browser syncs
 * them) counts as joining: written now if it has something in it, never written if empty. So an
 * empty step here never wipes out one another browser wrote earlier.
 *
 * `base` is the document as last merged, or null when this browser joins sync. On joining, the
 * plan fields this browser has written count as written now and its empty ones as never written,
 * so what it has is kept and what it lacks comes from the others; its settings count as never
 * changed, so the synced ones win (a looser one still waits out the cooling-off here).
 */
export function localDoc(config: LocalConfig, base: SyncDoc | null, now: number): SyncDoc {
  const shorter = { waitSeconds: 'shorter-wait', coolingOffHours: 'shorter-cooling-off' } as const;
  return {
    triggers: localTriggers(config, base?.triggers ?? [], now),
    plan: stampFields(config.plan, base?.plan, now, undefined, (key) => (isEmpty(config.plan[key]) ? 0 : now)),
    settings: stampFields(
      config.settings,
      base?.settings,
      now,
      (key) => {
        const before = base?.settings[key];
        return !!before && before.value < config.settings[key] && waiting(config.pending, shorter[key]);
      },
      () => 0,
    ),
  };
}
