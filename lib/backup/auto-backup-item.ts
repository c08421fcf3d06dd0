import { storage } from 'wxt/utils/storage';

/** A backup file Steadfast saved itself: the browser's download id, and when. Only these are ever removed. */
export interface SavedBackup {
  id: number;
  at: number;
}

/** Why the last automatic backup could not be saved, for "My recovery" to say plainly. */
export type AutoBackupProblem = 'no-permission' | 'failed';

/**
 * Automatic backups to the Downloads folder (lib/backup/auto-backup.ts), version 1: off until the
 * person turns them on. `changedAt` is a big change (triggers, plan, a setback) still waiting for
 * its backup, so that it survives the background going to sleep.
 *
 * A later version adds `migrations: { 2: (v1: AutoBackupV1) => AutoBackupV2 }` and keeps this type.
 */
export interface AutoBackupV1 {
  enabled: boolean;
  lastSavedAt: number | null;
  changedAt: number | null;
  saved: SavedBackup[];
  problem: AutoBackupProblem | null;
}
export type AutoBackup = AutoBackupV1;

export const autoBackupItem = storage.defineItem<AutoBackup>('local:autoBackup', {
  version: 1,
  fallback: { enabled: false, lastSavedAt: null, changedAt: null, saved: [], problem: null },
});
