/*
 * What is synced, with the times that let two browsers merge their edits (lib/sync/merge.ts), and
 * the valibot schemas every part from another browser must pass: the same schemas as a backup's
 * (lib/backup/schema.ts), so sync can never store what import would refuse.
 */
import * as v from 'valibot';
import { costBenefitEntries, instantSchema, planSchemaV1, safetyPlanEntries, settingsSchema, triggerSchema } from '../backup/schema';
import type { Plan } from '../plan/plan';
import type { Settings } from '../settings/settings-item';
import type { Trigger } from '../triggers/trigger';

/**
 * One trigger as synced, found again by what it pauses (`triggerKey`), not its id. `changedAt` is
 * when it was added or its mode last changed; `removedAt`, when it was removed: a tombstone that
 * tells other browsers, until it is older than `TOMBSTONE_DAYS`.
 */
export interface TriggerEntry {
  trigger: Trigger;
  changedAt: number;
  removedAt?: number;
}

/** Each field of a value with when it was last changed. */
export type Stamped<T> = { [K in keyof T]: { value: T[K]; changedAt: number } };

export interface SyncDoc {
  triggers: TriggerEntry[];
  plan: Stamped<Plan>;
  settings: Stamped<Settings>;
}

const stampedOf = <T extends v.GenericSchema>(schema: T) =>
  v.object({
    value: schema,
    changedAt: v.pipe(
      v.number(),
      v.integer(),
      v.minValue(0),
      v.check((n) => n === 0 || n < Date.UTC(2200, 0, 1)),
    ),
  });

export const triggerEntriesSchema = v.pipe(
  v.array(v.object({ trigger: triggerSchema, changedAt: instantSchema, removedAt: v.optional(instantSchema) })),
  v.maxLength(5_000),
);

function stampedObject<E extends v.ObjectEntries>(schema: v.ObjectSchema<E, undefined>) {
  const entries = Object.fromEntries(Object.entries(schema.entries).map(([key, inner]) => [key, stampedOf(inner)]));
  return v.object(entries);
}

/**
 * The safety plan's steps and the four boxes may be missing: a browser with a Steadfast from before them syncs the
 * plan without them. A step missing from its copy leaves this browser's as it is (`mergeFields`).
 */
export const stampedPlanSchema = v.object({
  ...stampedObject(planSchemaV1).entries,
  ...Object.fromEntries(Object.entries(safetyPlanEntries).map(([key, inner]) => [key, v.optional(stampedOf(inner))])),
  ...Object.fromEntries(Object.entries(costBenefitEntries).map(([key, inner]) => [key, v.optional(stampedOf(inner))])),
});
export const stampedSettingsSchema = stampedObject(settingsSchema);

export const PART_SCHEMAS = {
  triggers: triggerEntriesSchema,
  plan: stampedPlanSchema,
  settings: stampedSettingsSchema,
} as const;
