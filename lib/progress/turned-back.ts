import type { InterventionEvent } from '../history/event';
import { calendarDay, dayNumber, weekdayOf, type DayNumber, type LocalClock } from './local-time';

/**
 * "Turned back" counts a pause-page visit whose outcome is `left` (the person chose "Take me away")
 * or `closed` (they closed the pause page or went elsewhere from it): either way the trigger site
 * was not opened from it. `continued` is not counted, nor `shown` (no outcome was recorded). The
 * page says this, and shows the two apart.
 */
export function turnedBackOutcome(outcome: InterventionEvent['outcome']): boolean {
  return outcome === 'left' || outcome === 'closed';
}

export interface TurnedBack {
  week: number;
  month: number;
  all: number;
  left: number;
  closed: number;
  /** Per site, most first (then by name). */
  bySite: { site: string; count: number }[];
}

/** Turned-back counts this week (from Monday), this calendar month and ever, and per site. */
export function turnedBack(interventions: readonly InterventionEvent[], clock: LocalClock, today: DayNumber): TurnedBack {
  const weekStart = today - weekdayOf(today);
  const monthStart = dayNumber(`${calendarDay(today).slice(0, 7)}-01`);
  const result: TurnedBack = { week: 0, month: 0, all: 0, left: 0, closed: 0, bySite: [] };
  const sites = new Map<string, number>();
  for (const event of interventions) {
    if (!turnedBackOutcome(event.outcome)) continue;
    result.all += 1;
    if (event.outcome === 'left') result.left += 1;
    else result.closed += 1;
    sites.set(event.site, (sites.get(event.site) ?? 0) + 1);
    // Only recent events need their local day.
    if (event.at < (monthStart - 2) * 86_400_000 && event.at < (weekStart - 2) * 86_400_000) continue;
    const { day } = clock(event.at, event.tz);
    if (day > today) continue;
    if (day >= weekStart) result.week += 1;
    if (day >= monthStart) result.month += 1;
  }
  result.bySite = [...sites].map(([site, count]) => ({ site, count })).sort((a, b) => b.count - a.count || (a.site < b.site ? -1 : 1));
  return result;
}
