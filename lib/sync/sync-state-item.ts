import { storage } from 'wxt/utils/storage';
import type { PartName } from './chunks';
import type { SyncDoc } from './sync-doc';

/** What the last sync found, for the Sync section to tell the person. */
export interface SyncReport {
  checkedAt: number;
  /** Parts too large to fit the browser's sync quota: they stay on this device. */
  tooLarge: PartName[];
  /** Parts another browser sent that failed the checks: ignored, nothing here changed. */
  ignored: PartName[];
  /** Another browser runs a newer Steadfast whose synced data this one can't read. */
  newerElsewhere: boolean;
  /** The browser refused the write (out of room, or too many writes): it is tried again later. */
  writeFailed: boolean;
  /** Loosening changes from another browser, now waiting out the cooling-off here. */
  waiting: number;
}

/**
 * "Sync across my browsers" on this device, version 1: off until the person turns it on. `base`
 * is the document as last merged (lib/sync/local-doc.ts), null until the first sync.
 */
export interface SyncState {
  enabled: boolean;
  base: SyncDoc | null;
  report: SyncReport | null;
}

export const syncStateItem = storage.defineItem<SyncState>('local:syncState', {
  version: 1,
  fallback: { enabled: false, base: null, report: null },
});
