/*
 * Two browsers may edit at once; sync must never silently drop a trigger. Rules (pure):
 *
 * Triggers are a set keyed by what they pause (`triggerKey`: kind, host, path, words), each entry
 * with its own time. For an entry both sides hold, the later time wins: `changedAt` for an add or
 * a mode change, `removedAt` for a removal. So a removal made in one browser is honoured only if it
 * is newer than the other side's last change of that trigger; an entry only one side has is kept.
 * On equal times a trigger that is still there beats its removal, and Block beats Pause: when the
 * clocks can't tell, the safer side wins. What the merged set then does on this device (a removal
 * or a switch to Pause waits out this device's cooling-off) is lib/sync/apply.ts.
 *
 * Plan and settings merge field by field, the last writer of each field winning; equal times keep
 * the stricter setting (the longer wait or cooling-off). A support person or a reason edited on
 * two browsers in the same minute keeps one browser's list for that field, never a mix.
 *
 * Times come from each browser's clock. A clock far ahead would win every tie it takes part in:
 * acceptable here, as every loosening still waits out the cooling-off on each device.
 */
import { triggerKey } from '../backup/restore-plan';
import type { Trigger } from '../triggers/trigger';
import type { Stamped, SyncDoc, TriggerEntry } from './sync-doc';

/** Removals are remembered this long, so a browser that was off for weeks still hears of them. */
export const TOMBSTONE_DAYS = 180;

const timeOf = (entry: TriggerEntry): number => entry.removedAt ?? entry.changedAt;

/** The entry that wins between two for the same trigger. */
export function laterEntry(a: TriggerEntry, b: TriggerEntry): TriggerEntry {
  if (timeOf(a) !== timeOf(b)) return timeOf(a) > timeOf(b) ? a : b;
  if ((a.removedAt === undefined) !== (b.removedAt === undefined)) return a.removedAt === undefined ? a : b;
  if (a.trigger.mode !== b.trigger.mode) return a.trigger.mode === 'block' ? a : b;
  return a.trigger.id <= b.trigger.id ? a : b;
}

export function mergeTriggerEntries(mine: readonly TriggerEntry[], theirs: readonly TriggerEntry[], now: number): TriggerEntry[] {
  const byKey = new Map<string, TriggerEntry>();
  for (const entry of [...mine, ...theirs]) {
    const key = triggerKey(entry.trigger);
    const seen = byKey.get(key);
    byKey.set(key, seen ? laterEntry(seen, entry) : entry);
  }
  const oldest = now - TOMBSTONE_DAYS * 86_400_000;
  return [...byKey.values()].filter((entry) => entry.removedAt === undefined || entry.removedAt > oldest);
}

/** The stricter of two equal-time values: a longer wait or cooling-off; otherwise a fixed order. */
function tieBreak(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return Math.max(a, b);
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}

export function mergeFields<T extends object>(mine: Stamped<T>, theirs: Stamped<T>): Stamped<T> {
  const merged = { ...mine };
  for (const key of Object.keys(theirs) as (keyof T)[]) {
    const a = mine[key];
    const b = theirs[key];
    if (!a || b.changedAt > a.changedAt) merged[key] = b;
    else if (b.changedAt === a.changedAt) merged[key] = { value: tieBreak(a.value, b.value) as T[keyof T], changedAt: a.changedAt };
  }
  return merged;
}

export function mergeDocs(mine: SyncDoc, theirs: Partial<SyncDoc>, now: number): SyncDoc {
  return {
    triggers: theirs.triggers ? mergeTriggerEntries(mine.triggers, theirs.triggers, now) : mine.triggers,
    plan: theirs.plan ? mergeFields(mine.plan, theirs.plan) : mine.plan,
    settings: theirs.settings ? mergeFields(mine.settings, theirs.settings) : mine.settings,
  };
}

export const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Two triggers with the same key say the same thing when their modes agree (ids and display aside: each browser may have its own). */
export const sameTrigger = (a: Trigger, b: Trigger): boolean => triggerKey(a) === triggerKey(b) && a.mode === b.mode;
