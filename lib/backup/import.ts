import type { HistoryDB } from '../history/db';
import { catalogueLanguage, t } from '../i18n/i18n';
import { rebuildDays, WITH_DAYS } from '../history/days-store';
import type { HistoryEvent } from '../history/event';
import { HELP_SERVICES } from '../help/directory';
import { isPlanEmpty } from '../plan/plan';
import { isSafetyPlanEmpty, shownSafetyPlan } from '../plan/safety-plan';
import { countOf } from '../triggers/parse-list';
import { planRestore, triggerKey, type RestoreMode, type StoredConfig } from './restore-plan';
import type { Backup, BackupData } from './schema';
import { loadStoredConfig, saveStoredConfig } from './stored-config';

export { readBackup, sizeProblem, MAX_BACKUP_BYTES } from './read-backup';
export type { RestoreMode } from './restore-plan';

/** "12 trigger sites, a plan, 2 support people, 340 history events": what a backup holds. */
export function backupContents(data: BackupData): string {
  const parts = [countOf('backup_triggerSites', data.triggers.length)];
  if (data.blocklists.length > 0) {
    const sites = data.blocklists.reduce((n, l) => n + l.domains.length, 0);
    parts.push(countOf('backup_importedLists', data.blocklists.length, [countOf('list_siteCount', sites)]));
  }
  parts.push(isPlanEmpty(data.plan) ? t('backup_emptyPlan') : t('backup_plan'));
  if (!isSafetyPlanEmpty(shownSafetyPlan(data.plan, HELP_SERVICES, data.myServices))) parts.push(t('backup_safetyPlan'));
  if (data.plan.supportPeople.length > 0) parts.push(countOf('backup_supportPeople', data.plan.supportPeople.length));
  if (data.myServices.length > 0) parts.push(countOf('backup_myServices', data.myServices.length));
  // The day as stored (YYYY-MM-DD): the one the person can check against their file.
  if (data.streak) parts.push(t('backup_streakStarted', [data.streak.startedOn]));
  parts.push(countOf('backup_historyEvents', data.events.length));
  return new Intl.ListFormat(catalogueLanguage(), { type: 'unit', style: 'long' }).format(parts);
}

/** What each choice would do to what is here now, in the person's words. */
export function restoreEffects(data: BackupData, current: StoredConfig, eventIds: ReadonlySet<string>): Record<RestoreMode, string> {
  const keys = new Set(current.triggers.map(triggerKey));
  const newTriggers = data.triggers.filter((t) => !keys.has(triggerKey(t))).length;
  const newEvents = data.events.filter((e) => !eventIds.has(e.id)).length;
  const theirs = new Set(data.triggers.map(triggerKey));
  const leaving = current.triggers.filter((t) => !theirs.has(triggerKey(t))).length;
  const eventsHere = countOf('backup_historyEvents', eventIds.size);
  return {
    replace:
      leaving > 0
        ? countOf('backup_replaceEffectLeaving', leaving, [eventsHere, current.settings.coolingOffHours])
        : t('backup_replaceEffect', [eventsHere]),
    merge: t('backup_mergeEffect', [countOf('backup_triggerSites', newTriggers), countOf('backup_historyEvents', newEvents)]),
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
