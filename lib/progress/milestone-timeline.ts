import type { CalendarDay, MilestoneEvent } from '../history/event';
import { milestonesReached, type Streak } from '../history/streak';

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
export function milestoneTimeline(recorded: readonly MilestoneEvent[], streak: Streak | undefined): MilestoneTimeline {
  const byKey = new Map<string, TimelineEntry>();
  const current = new Set(streak ? milestonesReached(streak).map((m) => `${m.reachedOn}:${m.days}`) : []);
  for (const m of recorded) byKey.set(`${m.reachedOn}:${m.days}`, { days: m.days, reachedOn: m.reachedOn, current: false });
  if (streak) for (const m of milestonesReached(streak)) byKey.set(`${m.reachedOn}:${m.days}`, { ...m, current: true });
  for (const [key, entry] of byKey) entry.current = current.has(key);
  const reached = [...byKey.values()].sort((a, b) => (a.reachedOn < b.reachedOn ? -1 : a.reachedOn > b.reachedOn ? 1 : a.days - b.days));
  return { reached, next: streak?.next };
}
