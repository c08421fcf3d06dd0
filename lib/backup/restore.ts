/*
 * The one way a backup is restored ("Replace" or "Merge"). Inside the configuration lock it takes
 * the trusted time, refuses a backup with a date in the future (./future-dates.ts), reads what is
 * stored, decides with ./restore-plan.ts (tightening at once, loosening waits out the cooling-off,
 * dates from the file never trusted), and writes.
 *
 * All or nothing, as far as two stores allow. The history (IndexedDB) and the configuration
 * (`storage.local`) cannot share one transaction, so the writes are ordered:
 *   1. the history, in one readwrite transaction (events, their day summaries and the weekly reviews together);
 *   2. the configuration, in one `storage.local.set` (every item and its version together);
 *   3. if 2 fails, the history is put back as it was, in one more transaction.
 * Each step lands whole or not at all. If the browser stops between 1 and 2, the configuration is
 * exactly the old one (every trigger, list, setting and waiting change as before: protection is
 * never looser) and the history is the backup's (for Merge, the old history plus the backup's new
 * events). Restoring the same file again finishes the job and changes nothing twice: events are
 * kept by id, and changes already waiting keep their time. If it stops after 2, the restore is
 * complete. The configuration goes second because it is what protects: it must never be written
 * for a restore whose history then fails.
 */
import { commandDeps, type CommandDeps } from '../commands/deps';
import type { HistoryDB } from '../history/db';
import { rebuildDays, WITH_DAYS } from '../history/days-store';
import type { HistoryEvent } from '../history/event';
import type { WeeklyReview } from '../review/review';
import { t } from '../i18n/i18n';
import { countOf } from '../triggers/parse-list';
import { futureDateProblem } from './future-dates';
import { backupContents, readBackup, restoreEffects, sizeProblem } from './import';
import { planRestore, type RestoreMode, type StoredConfig } from './restore-plan';
import type { Backup } from './schema';
import { loadStoredConfig, saveStoredConfig } from './stored-config';

export type RestoreResult = { ok: true; message: string } | { ok: false; message: string };

/** How the configuration is read and written; tests pass a failing `save`. */
export interface ConfigIo {
  load: () => Promise<StoredConfig>;
  save: (config: StoredConfig) => Promise<void>;
}
const STORED: ConfigIo = { load: loadStoredConfig, save: saveStoredConfig };

export type RestorePreview = { ok: true; backup: Backup; contents: string; effects: Record<RestoreMode, string> } | { ok: false; message: string };

/** Reads a chosen file and says what it holds and what each choice would do; changes nothing. */
export async function previewRestore(
  file: { size: number; text: () => Promise<string> },
  db: HistoryDB,
  given: Partial<CommandDeps> = {},
): Promise<RestorePreview> {
  const tooBig = sizeProblem(file.size);
  if (tooBig) return { ok: false, message: tooBig };
  const read = readBackup(await file.text());
  if (!read.ok) return read;
  const future = futureDateProblem(read.backup, await commandDeps(given).now());
  if (future) return { ok: false, message: future };
  const [current, ids] = await Promise.all([loadStoredConfig(), db.getAllKeys('events')]);
  return { ok: true, backup: read.backup, contents: backupContents(read.backup.data), effects: restoreEffects(read.backup.data, current, new Set(ids)) };
}

/** How to restore and where: the choice, the history, and (for tests) the storage and the deps. */
type RestoreArgs = [mode: RestoreMode, db: HistoryDB, io?: ConfigIo, given?: Partial<CommandDeps>];

/** Restores a checked backup, all or nothing (see the top of this file). */
export function restoreBackup(backup: Backup, ...[mode, db, io = STORED, given = {}]: RestoreArgs): Promise<RestoreResult> {
  const deps = commandDeps(given);
  return deps.lock(async () => {
    const now = await deps.now();
    const future = futureDateProblem(backup, now);
    if (future) return { ok: false, message: future };
    const current = await io.load();
    const { config, waiting } = planRestore(current, backup.data, mode, now, deps.makeId);
    let before: HistoryRecords;
    try {
      before = await writeHistory(db, { events: backup.data.events, reviews: backup.data.reviews }, mode);
    } catch {
      return { ok: false, message: t('backup_historyNotStored') };
    }
    try {
      await io.save(config);
    } catch {
      await putBack(db, before);
      return { ok: false, message: t('backup_notStored') };
    }
    const replaced = mode === 'replace';
    if (waiting.length === 0) return { ok: true, message: t(replaced ? 'backup_restored' : 'backup_merged') };
    return { ok: true, message: countOf(replaced ? 'backup_restoredWaiting' : 'backup_mergedWaiting', waiting.length) };
  });
}

/** Reads a backup's text and restores it; a file that does not pass changes nothing. */
export async function restoreFromText(text: string, ...args: RestoreArgs): Promise<RestoreResult> {
  const read = readBackup(text);
  return read.ok ? restoreBackup(read.backup, ...args) : read;
}

/** What a restore writes to the history: the events and the weekly reviews. */
interface HistoryRecords {
  events: readonly HistoryEvent[];
  reviews: readonly WeeklyReview[];
}

/** The history's stores a restore writes, in one transaction. */
const RESTORED = [...WITH_DAYS, 'reviews' as const];

/**
 * Writes the events and reviews and makes the day summaries again from the events, in one
 * transaction; returns what was there before, to put back if need be. Replace: the backup's in
 * place of what is here. Merge: what is here stays, and the backup adds what it has that is not
 * (by id), events and reviews alike.
 */
async function writeHistory(db: HistoryDB, records: HistoryRecords, mode: RestoreMode): Promise<HistoryRecords> {
  const tx = db.transaction(RESTORED, 'readwrite');
  const events = tx.objectStore('events');
  const reviews = tx.objectStore('reviews');
  const [before, reviewsBefore] = await Promise.all([events.getAll(), reviews.getAll()]);
  const here = new Set([...before.map((e) => e.id)]);
  const reviewsHere = new Set(reviewsBefore.map((r) => r.id));
  const replacing = mode === 'replace';
  // Requests in one transaction run in order: the clears land before the puts, the rebuild after them.
  const cleared = replacing ? [events.clear(), reviews.clear()] : [];
  const writes = [
    ...records.events.filter((e) => replacing || !here.has(e.id)).map((e) => events.put(e)),
    ...records.reviews.filter((r) => replacing || !reviewsHere.has(r.id)).map((r) => reviews.put(r)),
  ];
  await Promise.all([...cleared, ...writes, rebuildDays(tx), tx.done]);
  return { events: before, reviews: reviewsBefore };
}

async function putBack(db: HistoryDB, before: HistoryRecords): Promise<void> {
  const tx = db.transaction(RESTORED, 'readwrite');
  const events = tx.objectStore('events');
  const reviews = tx.objectStore('reviews');
  await Promise.all([
    events.clear(),
    reviews.clear(),
    ...before.events.map((e) => events.put(e)),
    ...before.reviews.map((r) => reviews.put(r)),
    rebuildDays(tx),
    tx.done,
  ]);
}

/** What a page shows after a file is chosen: what it holds and what each choice would do, or why not. */
export type ChosenPreview = { ok: true; contents: string; effects: Record<RestoreMode, string> } | { ok: false; message: string };

/**
 * A page's restore in two steps, as a person does it: choose a file (checked, nothing changed),
 * then restore that file. Used by "My recovery" and the welcome's "Coming back?".
 */
export function restoreSession(history: () => Promise<HistoryDB>) {
  let chosen: Backup | undefined;
  return {
    async choose(file: { size: number; text: () => Promise<string> }): Promise<ChosenPreview> {
      chosen = undefined;
      const preview = await previewRestore(file, await history());
      if (!preview.ok) return preview;
      chosen = preview.backup;
      return { ok: true, contents: preview.contents, effects: preview.effects };
    },
    async restore(mode: RestoreMode): Promise<RestoreResult> {
      const backup = chosen;
      if (!backup) return { ok: false, message: t('backup_chooseFirst') };
      chosen = undefined;
      return restoreBackup(backup, mode, await history());
    },
  };
}
