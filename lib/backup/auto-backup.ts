/*
 * Automatic backups (opt-in): the usual backup file (./export.ts) saved to a `Steadfast` folder in
 * the Downloads folder every week and after big changes, keeping the last few. What is decided
 * here is pure: when the next one is due, what the file is called, which old files go. The
 * browser's part is in ./auto-backup-run.ts.
 */
import type { AutoBackup, SavedBackup } from './auto-backup-item';
import { backupFileName } from './export';

const HOUR = 60 * 60 * 1000;
export const WEEK = 7 * 24 * HOUR;
/** A big change is backed up once the changes around it have settled... */
export const SETTLE = 2 * 60 * 1000;
/** ...and at most once an hour: an evening of plan edits makes one file, not fifty. */
export const MIN_GAP = HOUR;
/** How many files Steadfast keeps; older ones it made are removed. */
export const KEEP = 5;
/** The folder inside the person's Downloads folder. */
export const FOLDER = 'Steadfast';

/** `Steadfast/steadfast-backup-2026-12-06.json`: relative to Downloads, in the person's own calendar. */
export function autoBackupFileName(now: number): string {
  return `${FOLDER}/${backupFileName(now)}`;
}

/**
 * When the next backup is due, or undefined when automatic backups are off. A week after the last
 * one (now, if there has never been one); sooner after a big change. A week missed while the
 * browser was closed is simply due: one backup, not one for every week.
 */
export function nextBackupAt(state: AutoBackup): number | undefined {
  if (!state.enabled) return undefined;
  if (state.lastSavedAt === null) return state.changedAt ?? 0;
  const weekly = state.lastSavedAt + WEEK;
  if (state.changedAt === null) return weekly;
  return Math.min(weekly, Math.max(state.changedAt + SETTLE, state.lastSavedAt + MIN_GAP));
}

export function backupDue(state: AutoBackup, now: number): boolean {
  const next = nextBackupAt(state);
  return next !== undefined && next <= now;
}

/** A big change noted: the first one since the last backup is the one the wait counts from. */
export function withChange(state: AutoBackup, now: number): AutoBackup {
  if (!state.enabled || state.changedAt !== null) return state;
  return { ...state, changedAt: now };
}

/** After a file is saved: remember it, and the change it covered is done. */
export function withSaved(state: AutoBackup, saved: SavedBackup): AutoBackup {
  return { ...state, lastSavedAt: saved.at, changedAt: null, problem: null, saved: [...state.saved, saved] };
}

/** The files Steadfast made beyond the newest `keep`, oldest first. Nothing else is ever a candidate. */
export function filesToRemove(saved: readonly SavedBackup[], keep = KEEP): SavedBackup[] {
  const newestFirst = [...saved].sort((a, b) => b.at - a.at || b.id - a.id);
  return newestFirst.slice(keep).reverse();
}

/**
 * Whether a download the browser reports is one of Steadfast's backups: in a `Steadfast` folder,
 * named as ours. A download id the browser reused for something else, or a file the person renamed
 * or moved, is left alone.
 */
export function isOwnBackupFile(filename: string): boolean {
  const parts = filename.split(/[\\/]/);
  const name = parts.at(-1) ?? '';
  return parts.at(-2) === FOLDER && /^steadfast-backup-\d{4}-\d{2}-\d{2}( ?\(\d+\))?\.json$/.test(name);
}
