import { catalogueLanguage, t } from '../i18n/i18n';
import { HELP_SERVICES } from '../help/directory';
import { isPlanEmpty } from '../plan/plan';
import { isSafetyPlanEmpty, shownSafetyPlan } from '../plan/safety-plan';
import { countOf } from '../triggers/parse-list';
import { triggerKey, type RestoreMode, type StoredConfig } from './restore-plan';
import type { BackupData } from './schema';

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
  if (data.reviews.length > 0) parts.push(countOf('backup_weeklyReviews', data.reviews.length));
  // Restoring it turns the partner lock on where none is on (lib/partner/partner-lock.ts `restoredPartner`).
  if (data.partnerLock) parts.push(t('backup_partnerLockKey'));
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
      leaving > 0 ? countOf('backup_replaceEffectLeaving', leaving, [eventsHere, current.settings.coolingOffHours]) : t('backup_replaceEffect', [eventsHere]),
    merge: t('backup_mergeEffect', [countOf('backup_triggerSites', newTriggers), countOf('backup_historyEvents', newEvents)]),
  };
}
