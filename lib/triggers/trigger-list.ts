import { storage } from 'wxt/utils/storage';
import type { Trigger, TriggerV1 } from './trigger';

/**
 * v1 → v2: triggers gain a mode. Every v1 trigger had no way through, so each becomes `block`:
 * an update must never loosen what the person set up.
 */
export function migrateTriggersV1toV2(v1: readonly TriggerV1[]): Trigger[] {
  return v1.map((trigger) => ({ ...trigger, mode: 'block' }));
}

/** The person's trigger list in `storage.local`, version 2. The background mirrors it into rules. */
export const triggerListItem = storage.defineItem<Trigger[]>('local:triggers', {
  version: 2,
  fallback: [],
  migrations: { 2: migrateTriggersV1toV2 },
});
