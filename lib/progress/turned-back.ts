import { summariseDays, type DaySummary } from '../history/day-summary';
import type { InterventionEvent } from '../history/event';
import { monthOf, monthStart, weekdayOf, type Day, type LocalClock } from '../time/days';

export { turnedBackOutcome } from '../history/day-summary';

export interface TurnedBack {
  week: number;
  month: number;
  all: number;
  left: number;
  closed: number;
  /** Per site, most first (then by name). */
  bySite: { site: string; count: number }[];
}

/** Turned-back counts this week (from Monday), this calendar month and ever, and per site, from the day summaries. */
export function turnedBackOf(days: readonly DaySummary[], today: Day): TurnedBack {
  const weekStart = today - weekdayOf(today);
  const monthFrom = monthStart(monthOf(today));
  const result: TurnedBack = { week: 0, month: 0, all: 0, left: 0, closed: 0, bySite: [] };
  const sites = new Map<string, number>();
  for (const d of days) {
    const turned = d.outcomes.left + d.outcomes.closed;
    if (turned === 0) continue;
    result.all += turned;
    result.left += d.outcomes.left;
    result.closed += d.outcomes.closed;
    for (const [site, count] of Object.entries(d.turnedBack)) sites.set(site, (sites.get(site) ?? 0) + count);
    if (d.day > today) continue;
    if (d.day >= weekStart) result.week += turned;
    if (d.day >= monthFrom) result.month += turned;
  }
  result.bySite = [...sites].map(([site, count]) => ({ site, count })).sort((a, b) => b.count - a.count || (a.site < b.site ? -1 : 1));
  return result;
}

/** `turnedBackOf` straight from events, each on the day it was lived. */
export function turnedBack(interventions: readonly InterventionEvent[], clock: LocalClock, today: Day): TurnedBack {
  return turnedBackOf(summariseDays(interventions, clock), today);
}
