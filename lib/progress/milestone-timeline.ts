import type { CalendarDay, MilestoneEvent } from '../history/event';
import { milestonesReached, type Milestone, type Streak } from '../history/streak';
import { daysBetween } from '../time/days';

export interface TimelineEntry {
  days: number;
  reachedOn: CalendarDay;
  /** Part of the streak running now (not one a setback has since ended). */
  current: boolean;
}

export interface MilestoneTimeline {
  reached: TimelineEntry[];
  next?: Streak['next'];
}

/**
 * Every milestone ever reached, in the order they came (earlier streaks too: a setback erases
 * nothing), and the next one. Milestones of the current streak are included even before they are
 * recorded.
 */
export function milestoneTimeline(
  recorded: readonly MilestoneEvent[],
  streak: Streak | undefined,
  earlier: readonly Milestone[] = [],
): MilestoneTimeline {
  const byKey = new Map<string, TimelineEntry>();
  for (const m of earlier) byKey.set(`${m.reachedOn}:${m.days}`, { ...m, current: false });
  const current = new Set(streak ? milestonesReached(streak).map((m) => `${m.reachedOn}:${m.days}`) : []);
  for (const m of recorded) byKey.set(`${m.reachedOn}:${m.days}`, { days: m.days, reachedOn: m.reachedOn, current: false });
  if (streak) for (const m of milestonesReached(streak)) byKey.set(`${m.reachedOn}:${m.days}`, { ...m, current: true });
  for (const [key, entry] of byKey) entry.current = current.has(key);
  const reached = [...byKey.values()].sort((a, b) => (a.reachedOn < b.reachedOn ? -1 : a.reachedOn > b.reachedOn ? 1 : a.days - b.days));
  return { reached, next: streak?.next };
}

/**
 * Milestones of the streaks that setbacks ended, by the same maths as the current one (a streak
 * from mark A ended on day B reached B − A days), so they show even if no page recorded them then
 * (a restored backup, or the popup not opened in those weeks). `marks` are the start day and each
 * setback's day, in order; the last one begins the current streak and is left out.
 */
export function earlierStreakMilestones(marks: readonly CalendarDay[]): Milestone[] {
  const found: Milestone[] = [];
  for (let i = 0; i + 1 < marks.length; i++) {
    const since = marks[i]!;
    const length = daysBetween(since, marks[i + 1]!);
    found.push(...milestonesReached({ since, daysWithout: length }));
  }
  return found;
}
