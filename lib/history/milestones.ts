import { tCount } from '../i18n/i18n';
import type { MilestoneEvent } from './event';
import { type Milestone, type Streak } from './streak';
import { dayText } from '../time/days';

/**
 * One id per milestone of one streak, so the popup and the pause page opening together record it
 * once (see `recordMilestones` in ./progress.ts). The id holds the day as stored text, as it always has.
 */
export function milestoneId({ days, reachedOn }: Milestone): string {
  return `milestone:${dayText(reachedOn)}:${days}`;
}

/**
 * Recorded milestones still to celebrate: not celebrated yet and part of the current streak (a
 * milestone of a streak that a setback has since ended is history, not news). Smallest first; show
 * the last, the largest, and mark them all celebrated.
 */
export function milestonesToCelebrate(recorded: readonly MilestoneEvent[], { since, daysWithout }: Pick<Streak, 'since' | 'daysWithout'>): MilestoneEvent[] {
  return recorded.filter((m) => !m.celebrated && m.days <= daysWithout && m.reachedOn === dayText(since + m.days)).sort((a, b) => a.days - b.days);
}

/** "1 day", "14 days", "1 year", "2 years". */
export function milestoneLabel(days: number): string {
  if (days >= 365 && days % 365 === 0) return tCount('milestone_years', days / 365);
  return tCount('milestone_days', days);
}
