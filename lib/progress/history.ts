import type { HistoryDB } from '../history/db';
import type { DaySummary } from '../history/day-summary';
import { readDays } from '../history/days-store';
import type { MilestoneEvent, SetbackEvent } from '../history/event';
import { eventsByType } from '../history/events';

/**
 * Everything the Progress page draws from: the per-day summaries (check-ins, urges, pause-page
 * visits, setbacks), oldest first, and the few events it shows one by one (setbacks for the
 * streak, milestones for the timeline).
 */
export interface ProgressHistory {
  days: DaySummary[];
  setbacks: SetbackEvent[];
  milestones: MilestoneEvent[];
}

export function emptyHistory(): ProgressHistory {
  return { days: [], setbacks: [], milestones: [] };
}

/**
 * Reads the day summaries (a few thousand small records for ten years, where the events are about
 * 25,000: BENCHMARKS.md, "Progress") and the setbacks and milestones through the `by-type-time`
 * index.
 */
export async function loadProgressHistory(db: HistoryDB): Promise<ProgressHistory> {
  const [days, setbacks, milestones] = await Promise.all([readDays(db), eventsByType(db, 'setback'), eventsByType(db, 'milestone')]);
  return { days, setbacks, milestones };
}
