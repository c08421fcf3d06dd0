import { storage } from 'wxt/utils/storage';

export interface Settings {
  /** How long the pause page waits, with a coping prompt, before "Continue anyway" (pause mode). */
  waitSeconds: number;
  /** How long a loosening change waits before it takes effect (lib/triggers/cooling-off.ts). */
  coolingOffHours: number;
}

export const WAIT_SECONDS = { min: 10, max: 300, default: 30 } as const;

export function defaultSettings(): Settings {
  return { waitSeconds: WAIT_SECONDS.default, coolingOffHours: 24 };
}

/** The wait, kept inside what the options page allows even if storage holds something odd. */
export function clampWait(seconds: unknown): number {
  const n = typeof seconds === 'number' && Number.isFinite(seconds) ? Math.round(seconds) : WAIT_SECONDS.default;
  return Math.min(WAIT_SECONDS.max, Math.max(WAIT_SECONDS.min, n));
}

/** Settings in `storage.local`, version 1. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  version: 1,
  fallback: defaultSettings(),
});

export async function loadSettings(): Promise<Settings> {
  const stored = { ...defaultSettings(), ...(await settingsItem.getValue()) };
  const hours = Number.isFinite(stored.coolingOffHours) ? Math.min(168, Math.max(1, stored.coolingOffHours)) : 24;
  return { ...stored, waitSeconds: clampWait(stored.waitSeconds), coolingOffHours: hours };
}
