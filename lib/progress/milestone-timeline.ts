import type { MilestoneEvent } from '../history/event';
import { milestonesReached, type Milestone, type Streak, type StreakRun } from '../history/streak';
import { dayFromText, type Day } from '../time/days';

export interface TimelineEntry {
  days: number;
  reachedOn: Day;
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
export function milestoneTimeline(recorded: readonly MilestoneEvent[], streak: Streak | undefined, earlier: readonly Milestone[] = []): MilestoneTimeline {
  const byKey = new Map<string, TimelineEntry>();
  for (const m of earlier) byKey.set(`${m.reachedOn}:${m.days}`, { ...m, current: false });
  const current = new Set(streak ? milestonesReached(streak).map((m) => `${m.reachedOn}:${m.days}`) : []);
  const counted = [...earlier, ...(streak ? milestonesReached(streak) : [])];
  for (const stored of recorded) {
    const reachedOn = dayFromText(stored.reachedOn);
    if (reachedOn === undefined) continue;
    const m = { days: stored.days, reachedOn };
    // Before the counting rule was one (lib/history/streak.ts), a run after a setback counted the
    // setback's day, so its milestones were recorded a day early: the one counted now stands for it.
    if (counted.some((c) => c.days === m.days && c.reachedOn - m.reachedOn === 1)) continue;
    byKey.set(`${m.reachedOn}:${m.days}`, { ...m, current: false });
  }
  if (streak) for (const m of milestonesReached(streak)) byKey.set(`${m.reachedOn}:${m.days}`, { ...m, current: true });
  for (const [key, entry] of byKey) entry.current = current.has(key);
  const reached = [...byKey.values()].sort((a, b) => a.reachedOn - b.reachedOn || a.days - b.days);
  return { reached, next: streak?.next };
}

/**
 * Milestones of the runs that setbacks ended, by the same rule as the current one (a run of N days
 * reached every milestone up to N, each on `since` + its days), so they show even if no page
 * recorded them then (a restored backup, or the popup not opened in those weeks). `runs` are
 * lib/history/streak.ts's `streakRuns` without the last (current) one.
 */
export function earlierStreakMilestones(runs: readonly StreakRun[]): Milestone[] {
  return runs.flatMap(({ since, days }) => milestonesReached({ since, daysWithout: days }));
}
