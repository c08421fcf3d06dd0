/*
 * A date from outside is never trusted. A backup holds what has already happened, so a date in it
 * that lies ahead of this device's time means an edited file or a clock set wrong. Such a backup
 * is refused, naming the field, rather than clamped: clamping would quietly change the person's
 * own history (which day a check-in or setback falls on, when a streak began), and a refusal
 * changes nothing and says exactly what to fix. The plan's review date is the one date meant to lie
 * ahead, so it is not checked. (Triggers' and lists' `addedAt` are checked too, though a restore
 * never takes them: ./restore-plan.ts dates them itself.)
 */
import { t } from '../i18n/i18n';
import type { Backup } from './schema';

/** Two devices' clocks can differ by a little: a backup made a few minutes "ahead" is not edited. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** The latest calendar day anywhere on Earth at `now` (UTC+14), as YYYY-MM-DD. */
function latestDayOnEarth(now: number): string {
  return new Date(now + 14 * 3_600_000 + FUTURE_TOLERANCE_MS).toISOString().slice(0, 10);
}

/** The first date in the future, with where it is in the file, or undefined when there is none (pure). */
export function futureDate(backup: Backup, now: number): { field: string; date: string } | undefined {
  const limit = now + FUTURE_TOLERANCE_MS;
  const lastDay = latestDayOnEarth(now);
  const instant = (field: string, at: number) => (at > limit ? { field, date: new Date(at).toISOString() } : undefined);
  const day = (field: string, value: string) => (value > lastDay ? { field, date: value } : undefined);
  const { data } = backup;
  const checks = function* () {
    yield instant('exportedAt', Date.parse(backup.exportedAt));
    for (const [i, trigger] of data.triggers.entries()) yield instant(`data.triggers.${i}.addedAt`, trigger.addedAt);
    for (const [i, list] of data.blocklists.entries()) yield instant(`data.blocklists.${i}.addedAt`, list.addedAt);
    if (data.streak) yield day('data.streak.startedOn', data.streak.startedOn);
    for (const [i, event] of data.events.entries()) {
      yield instant(`data.events.${i}.at`, event.at);
      if (event.type === 'milestone') yield day(`data.events.${i}.reachedOn`, event.reachedOn);
    }
    for (const [i, review] of data.reviews.entries()) {
      yield instant(`data.reviews.${i}.at`, review.at);
      yield day(`data.reviews.${i}.weekEnding`, review.weekEnding);
    }
  };
  for (const found of checks()) if (found) return found;
  return undefined;
}

/** The person's words for a backup with a date in the future, or undefined. */
export function futureDateProblem(backup: Backup, now: number): string | undefined {
  const found = futureDate(backup, now);
  return found && t('backup_futureDate', [found.field, found.date]);
}
