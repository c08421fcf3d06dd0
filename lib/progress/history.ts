import type { HistoryDB } from '../history/db';
import type { CheckinEvent, InterventionEvent, MilestoneEvent, SetbackEvent, UrgeEvent } from '../history/event';
import { eventsByType } from '../history/events';

/** Everything the Progress page draws from, each kind oldest first. */
export interface ProgressHistory {
  checkins: CheckinEvent[];
  setbacks: SetbackEvent[];
  interventions: InterventionEvent[];
  urges: UrgeEvent[];
  milestones: MilestoneEvent[];
}

export function emptyHistory(): ProgressHistory {
  return { checkins: [], setbacks: [], interventions: [], urges: [], milestones: [] };
}

/**
 * Reads each kind through the `by-type-time` index, so no record of another kind is read. All of
 * them: the calendar's years, the all-time counts and the risk windows need the whole history
 * (ten years is about 25,000 small records; BENCHMARKS.md, "Progress").
 */
export async function loadProgressHistory(db: HistoryDB): Promise<ProgressHistory> {
  const [checkins, setbacks, interventions, urges, milestones] = await Promise.all([
    eventsByType(db, 'checkin'),
    eventsByType(db, 'setback'),
    eventsByType(db, 'intervention'),
    eventsByType(db, 'urge'),
    eventsByType(db, 'milestone'),
  ]);
  return { checkins, setbacks, interventions, urges, milestones };
}
