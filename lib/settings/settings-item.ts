import { storage } from 'wxt/utils/storage';

export interface Settings {
  /** How long the pause page waits, with a coping prompt, before "Continue anyway" (pause mode). */
  waitSeconds: number;
  /** How long a loosening change waits before it takes effect (lib/triggers/cooling-off.ts). */
  coolingOffHours: number;
}

/**
 * What is stored: the settings that backups and sync carry, and (version 2) whether copies of a
 * trigger site on translation and archive services are paused too (`example-com.translate.goog`,
 * `web.archive.org/web/…/example.com`, `archive.ph/…`). That one stays on this device; missing,
 * as after a restore, it reads as on.
 */
export interface StoredSettings extends Settings {
  pauseCopies?: boolean;
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

/** Settings in `storage.local`, version 2 (version 1 had no `pauseCopies`: it becomes on). */
export const settingsItem = storage.defineItem<StoredSettings>('local:settings', {
  version: 2,
  fallback: defaultSettings(),
  migrations: {
    2: (old: Settings): StoredSettings => ({ ...old, pauseCopies: true }),
  },
});

export async function loadSettings(): Promise<StoredSettings> {
  const stored = { ...defaultSettings(), ...(await settingsItem.getValue()) };
  const hours = Number.isFinite(stored.coolingOffHours) ? Math.min(168, Math.max(1, stored.coolingOffHours)) : 24;
  return { ...stored, waitSeconds: clampWait(stored.waitSeconds), coolingOffHours: hours };
}

/** Whether copies on translation and archive services are paused: on unless turned off. */
export function copiesPaused(settings: StoredSettings | null | undefined): boolean {
  return settings?.pauseCopies !== false;
}
