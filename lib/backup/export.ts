import * as v from 'valibot';
import type { HistoryDB } from '../history/db';
import { issueText } from './read-backup';
import { BACKUP_FORMAT, BACKUP_VERSION, backupSchema, type Backup } from './schema';
import { loadStoredConfig } from './stored-config';
import { keyCopyOf } from '../partner/partner-lock';

/**
 * Everything Steadfast holds, as one backup (the history's events and weekly reviews with it). Cooling-off changes still waiting stay on this
 * device. The partner lock's key (its salted hash, never the code) goes in only when the person
 * ticks the box for it (`withPartnerLock`); its wrong-code count never does.
 */
export async function collectBackup(db: HistoryDB, now = Date.now(), options: { withPartnerLock?: boolean } = {}): Promise<Backup> {
  const [{ pending: _waiting, partner, ...config }, events, reviews] = await Promise.all([loadStoredConfig(), db.getAll('events'), db.getAll('reviews')]);
  const partnerLock = options.withPartnerLock && partner ? keyCopyOf(partner) : null;
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString(), data: { ...config, partnerLock, events, reviews } };
}

/**
 * Whether this backup would be accepted by import, and if not, where it would fail: a backup that
 * can't be restored must not pass for a safe one.
 */
export function restoreProblem(backup: Backup): string | undefined {
  const checked = v.safeParse(backupSchema, backup);
  if (checked.success) return undefined;
  return issueText(checked.issues[0]);
}

export const backupText = (backup: Backup): string => JSON.stringify(backup, null, 1);

/** "steadfast-backup-2026-11-26.json", in the person's own calendar. */
export function backupFileName(now = Date.now()): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `steadfast-backup-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.json`;
}
