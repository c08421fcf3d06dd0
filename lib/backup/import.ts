import type { HistoryDB } from '../history/db';
import { rebuildDays, WITH_DAYS } from '../history/days-store';
import type { HistoryEvent } from '../history/event';
import { isPlanEmpty } from '../plan/plan';
import { planRestore, triggerKey, type RestoreMode, type StoredConfig } from './restore-plan';
import type { Backup, BackupData } from './schema';
import { loadStoredConfig, saveStoredConfig } from './stored-config';

export { readBackup, sizeProblem, MAX_BACKUP_BYTES } from './read-backup';
export type { RestoreMode } from './restore-plan';

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** "12 trigger sites, a plan, 2 support people, 340 history events": what a backup holds. */
export function backupContents(data: BackupData): string {
  const parts = [count(data.triggers.length, 'trigger site', 'trigger sites')];
  if (data.blocklists.length > 0) {
    const sites = data.blocklists.reduce((n, l) => n + l.domains.length, 0);
    parts.push(`${count(data.blocklists.length, 'imported list', 'imported lists')} (${count(sites, 'site', 'sites')})`);
  }
  parts.push(isPlanEmpty(data.plan) ? 'an empty plan' : 'a plan');
  if (data.plan.supportPeople.length > 0) parts.push(count(data.plan.supportPeople.length, 'support person', 'support people'));
  if (data.myServices.length > 0) parts.push(count(data.myServices.length, 'service of your own', 'services of your own'));
  if (data.streak) parts.push(`a streak started on ${data.streak.startedOn}`);
  parts.push(count(data.events.length, 'history event', 'history events'));
  return parts.join(', ');
}

/** What each choice would do to what is here now, in the person's words. */
export function restoreEffects(data: BackupData, current: StoredConfig, eventIds: ReadonlySet<string>): Record<RestoreMode, string> {
  const keys = new Set(current.triggers.map(triggerKey));
  const newTriggers = data.triggers.filter((t) => !keys.has(triggerKey(t))).length;
  const newEvents = data.events.filter((e) => !eventIds.has(e.id)).length;
  const theirs = new Set(data.triggers.map(triggerKey));
  const leaving = current.triggers.filter((t) => !theirs.has(triggerKey(t))).length;
  return {
    replace:
      `Replace everything: your plan, settings and ${count(eventIds.size, 'history event', 'history events')} here are replaced by the backup's.` +
      (leaving > 0
        ? ` ${count(leaving, 'trigger site', 'trigger sites')} not in the backup stay until your ${current.settings.coolingOffHours}-hour cooling-off is over.`
        : ''),
    merge: `Merge: adds ${count(newTriggers, 'trigger site', 'trigger sites')} and ${count(newEvents, 'history event', 'history events')}, fills what your plan leaves empty, and keeps everything you have.`,
  };
}

export type RestoreResult = { ok: true; message: string } | { ok: false; message: string };

/**
 * Restores a checked backup, all or nothing. The history is written first, in one readwrite
 * transaction; the configuration then in one storage write; if that write fails, the history is
 * put back as it was, in one more transaction.
 */
export async function restoreBackup(
  backup: Backup,
  mode: RestoreMode,
  db: HistoryDB,
  io: { load: () => Promise<StoredConfig>; save: (config: StoredConfig) => Promise<void> } = { load: loadStoredConfig, save: saveStoredConfig },
  now = Date.now(),
): Promise<RestoreResult> {
  const current = await io.load();
  const { config, waiting } = planRestore(current, backup.data, mode, now);
  let before: HistoryEvent[];
  try {
    before = await writeEvents(db, backup.data.events, mode);
  } catch {
    return { ok: false, message: 'The browser could not store the history, so nothing was changed.' };
  }
  try {
    await io.save(config);
  } catch {
    await putBack(db, before);
    return { ok: false, message: 'The browser could not store the backup (it may be out of room), so nothing was changed.' };
  }
  const done = mode === 'replace' ? 'Your backup is restored.' : 'Your backup is merged with what you had.';
  const later = waiting.length > 0 ? ` ${count(waiting.length, 'change that loosens', 'changes that loosen')} your protection will wait out your cooling-off, as always.` : '';
  return { ok: true, message: done + later };
}

/**
 * Writes the events and makes the day summaries again from them, in one transaction; returns what
 * was there before, to put back if need be.
 */
async function writeEvents(db: HistoryDB, events: readonly HistoryEvent[], mode: RestoreMode): Promise<HistoryEvent[]> {
  const tx = db.transaction(WITH_DAYS, 'readwrite');
  const store = tx.objectStore('events');
  const before = await store.getAll();
  const here = new Set(before.map((e) => e.id));
  // Requests in one transaction run in order: the clear lands before the puts, the rebuild after them.
  const cleared = mode === 'replace' ? [store.clear()] : [];
  const writes = events.filter((e) => mode === 'replace' || !here.has(e.id)).map((e) => store.put(e));
  await Promise.all([...cleared, ...writes, rebuildDays(tx), tx.done]);
  return before;
}

async function putBack(db: HistoryDB, before: readonly HistoryEvent[]): Promise<void> {
  const tx = db.transaction(WITH_DAYS, 'readwrite');
  const store = tx.objectStore('events');
  await Promise.all([store.clear(), ...before.map((e) => store.put(e)), rebuildDays(tx), tx.done]);
}
