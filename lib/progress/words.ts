/*
 * The Progress page's words for days, weekdays and milestones, in the catalogue's language.
 * Dates and weekday names come from `Intl` (they are the browser's, not ours to translate);
 * everything around them from the catalogue.
 */
import { catalogueLanguage, t, tCount } from '../i18n/i18n';
import type { CalendarCell, DayStatus } from './calendar';
import { utcMidnight, type Day } from '../time/days';
import type { DayPart, RiskWindow } from './risk';
import type { HelpedEntry, SetOffEntry } from './urge-insights';
import { ACTION_WORDS, SET_OFF_WORDS } from '../history/urge-log';

const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>();
function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>(key: string, make: (language: string) => F): F {
  const language = catalogueLanguage();
  let format = formats.get(`${language}|${key}`);
  if (!format) formats.set(`${language}|${key}`, (format = make(language)));
  return format as F;
}

/** "Tuesday, 3 March 2026" */
export function longDate(day: Day): string {
  const format = cached('long', (l) => new Intl.DateTimeFormat(l, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
  return (format as Intl.DateTimeFormat).format(utcMidnight(day));
}

/** "3 Mar 2026" */
export function shortDate(day: Day): string {
  const format = cached('short', (l) => new Intl.DateTimeFormat(l, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }));
  return (format as Intl.DateTimeFormat).format(utcMidnight(day));
}

/** "Mar 2026" or "2026" */
export function periodName(day: Day, period: 'week' | 'month' | 'year'): string {
  if (period === 'week') return shortDate(day);
  const options: Intl.DateTimeFormatOptions = period === 'month' ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { year: 'numeric', timeZone: 'UTC' };
  return (cached(period, (l) => new Intl.DateTimeFormat(l, options)) as Intl.DateTimeFormat).format(utcMidnight(day));
}

/** "Jan" for the month a day falls in. */
export function monthName(day: Day): string {
  return (cached('month', (l) => new Intl.DateTimeFormat(l, { month: 'short', timeZone: 'UTC' })) as Intl.DateTimeFormat).format(utcMidnight(day));
}

// 5 January 1970 was a Monday: weekday i (0 Monday) is that day plus i.
const MONDAY = 4;
/** Weekday 0 Monday … 6 Sunday, "Monday" or "Mon". */
export function weekdayName(weekday: number, width: 'long' | 'short' = 'long'): string {
  const format = cached(`weekday-${width}`, (l) => new Intl.DateTimeFormat(l, { weekday: width, timeZone: 'UTC' }));
  return (format as Intl.DateTimeFormat).format(utcMidnight(MONDAY + weekday));
}

/** 6.5 → "6.5", 4 → "4" */
export function decimal(n: number): string {
  return (cached('decimal', (l) => new Intl.NumberFormat(l, { maximumFractionDigits: 1 })) as Intl.NumberFormat).format(n);
}

const STATUS: Record<DayStatus, () => string> = {
  before: () => t('progress_dayBefore'),
  without: () => t('progress_dayWithout'),
  setback: () => t('progress_daySetback'),
  today: () => t('progress_dayToday'),
  future: () => t('progress_dayFuture'),
};

/** What a day of the calendar says: "Tuesday, 3 March 2026: a day without use, you checked in (craving 4 of 10)". */
export function dayName(cell: CalendarCell): string {
  const date = longDate(cell.day);
  const status = STATUS[cell.status]();
  return cell.craving === undefined ? t('progress_dayName', [date, status]) : t('progress_dayNameCheckin', [date, status, cell.craving]);
}

/** "7 days", "1 year", "3 years" */
export function milestoneName(days: number): string {
  return days >= 365 && days % 365 === 0 ? tCount('progress_milestoneYears', days / 365) : tCount('progress_milestoneDays', days);
}

/** "Friday and Saturday evenings": the words added to the plan, and named in the sentence. */
export function riskWindowName({ days, part }: Pick<RiskWindow, 'days' | 'part'>): string {
  const names = (cached('list', (l) => new Intl.ListFormat(l, { type: 'conjunction' })) as Intl.ListFormat).format(days.map((d) => weekdayName(d)));
  const parts: Record<DayPart, () => string> = {
    night: () => t('progress_riskNights', [names]),
    morning: () => t('progress_riskMornings', [names]),
    afternoon: () => t('progress_riskAfternoons', [names]),
    evening: () => t('progress_riskEvenings', [names]),
  };
  return parts[part]();
}

/** What the person did, as the urge log names it: their own words when they gave them. */
export function helpedName(entry: Pick<HelpedEntry, 'action' | 'ownAction'>): string {
  return entry.ownAction ?? t(ACTION_WORDS[entry.action]);
}

/** What set urges off, as the urge log names it: their own words for their own. */
export function setOffName(entry: SetOffEntry): string {
  return entry.setOff === 'own' ? entry.text : t(SET_OFF_WORDS[entry.setOff]);
}
