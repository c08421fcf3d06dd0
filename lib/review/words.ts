/*
 * The weekly review's words for its figures, hard moments and plan parts, in the catalogue's
 * language. Dates and hours come from `Intl`; everything around them from the catalogue.
 */
import { catalogueLanguage, t, tCount, type MessageKey } from '../i18n/i18n';
import { decimal, helpedName, longDate, setOffName } from '../progress/words';
import { dayFromText, type Day } from '../time/days';
import type { HelpedEntry, SetOffEntry } from '../progress/urge-insights';
import type { PlanTarget } from './review';
import type { HardMoment, Week } from './week';

/** "Wednesday, 25 March 2026 to Tuesday, 31 March 2026" */
export function weekRange(week: Week): string {
  return t('review_weekRange', [longDate(week.from), longDate(week.to)]);
}

/** "Week ending Tuesday, 31 March 2026", for a past review. */
export function weekEndingName(day: string): string {
  const ending = dayFromText(day);
  return ending === undefined ? day : t('review_weekEnding', [longDate(ending)]);
}

const hours = new Map<string, Intl.DateTimeFormat>();
/** "10 pm": the hour a moment was lived, where it was lived. */
export function hourName(hour: number): string {
  const language = catalogueLanguage();
  let format = hours.get(language);
  if (!format) hours.set(language, (format = new Intl.DateTimeFormat(language, { hour: 'numeric', hour12: true, timeZone: 'UTC' })));
  return format.format(Date.UTC(1970, 0, 1, hour));
}

/** "Saturday, 28 March 2026, around 2 am: an urge of 8, down to 3 as you waited" */
export function hardMomentText(moment: HardMoment): string {
  const when = t('review_momentWhen', [longDate(moment.day as Day), hourName(moment.hour)]);
  if (moment.kind === 'checkin') return t('review_momentCraving', [when, moment.rating]);
  if (moment.after === undefined) return t('review_momentUrge', [when, moment.rating]);
  return t('review_momentUrgeEased', [when, moment.rating, moment.after]);
}

export const PLAN_TARGET_WORDS: Record<PlanTarget, MessageKey> = {
  copingStrategies: 'review_targetCoping',
  ifThenSteps: 'review_targetIfThen',
  highRiskSituations: 'review_targetSituations',
  dailyRoutine: 'review_targetRoutine',
};

/** "Delaying: down 4 on average, after 2 urges" (or "up 1" when the urges grew, "no change" when level). */
export function helpedText(entry: HelpedEntry): string {
  const what = helpedName(entry);
  const drop = entry.averageDrop;
  const change = drop > 0 ? t('review_helpedDown', [decimal(drop)]) : drop < 0 ? t('review_helpedUp', [decimal(-drop)]) : t('review_helpedLevel');
  return tCount('review_helped', entry.count, [what, change]);
}

/** "What set them off: Lonely (2), Tired (1) and their own words (1)." */
export function setOffsText(entries: readonly SetOffEntry[]): string {
  const parts = entries.map((entry) => t('review_setOffCount', [setOffName(entry), entry.count]));
  return t('review_setOffs', [new Intl.ListFormat(catalogueLanguage(), { type: 'conjunction' }).format(parts)]);
}
