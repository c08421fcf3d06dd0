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

/** How far back the first drawing reads check-ins, urges and pause-page visits: two years and a few days. */
export const RECENT_MS = (2 * 366 + 7) * 86_400_000;

/**
 * Reads each kind through the `by-type-time` index, so no record of another kind is read. With
 * `since`, check-ins, urges and pause-page visits only from then on (setbacks and milestones are
 * few and always all read). Reading ten years (about 25,000 records) takes far longer than drawing
 * them (BENCHMARKS.md, "Progress"), so the page draws from the recent part first, then reads all.
 */
export async function loadProgressHistory(db: HistoryDB, since?: number): Promise<ProgressHistory> {
  const range = since === undefined ? undefined : { from: since };
  const [checkins, setbacks, interventions, urges, milestones] = await Promise.all([
    eventsByType(db, 'checkin', range),
    eventsByType(db, 'setback'),
    eventsByType(db, 'intervention', range),
    eventsByType(db, 'urge', range),
    eventsByType(db, 'milestone'),
  ]);
  return { checkins, setbacks, interventions, urges, milestones };
}
