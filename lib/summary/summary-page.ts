import { historyConnection, type HistoryDB } from '../history/db';
import { eventsBetween } from '../history/events';
import { streakStartItem, type StreakStart } from '../history/streak-start-item';
import type { Plan } from '../plan/plan';
import { loadPlan } from '../plan/plan-item';
import { currentTimeZone } from '../time/days';
import { trustedNow } from '../time/trusted-clock';
import { summaryOf, summaryRange, type Summary } from './summary';

/**
 * Reads what the printed summary needs and works it out: only the window's events and weekly reviews (through the
 * `by-time` indexes, so ten years of history cost no more than four weeks), the streak's start and
 * the plan. Nothing is written.
 */
export async function loadSummary(
  now?: number,
  timeZone = currentTimeZone(),
  open: () => Promise<HistoryDB> = historyConnection,
  readStart: () => Promise<StreakStart | null> = () => streakStartItem.getValue(),
  readPlan: () => Promise<Plan> = loadPlan,
): Promise<Summary> {
  // The trusted time: a clock set back never moves the window back (lib/time/trusted-clock.ts).
  const [db, start, plan, at] = await Promise.all([open(), readStart(), readPlan(), now ?? trustedNow()]);
  const range = summaryRange(at, timeZone);
  const [events, reviews] = await Promise.all([
    eventsBetween(db, range.from, range.to),
    db.getAllFromIndex('reviews', 'by-time', IDBKeyRange.bound(range.from, range.to, false, true)),
  ]);
  return summaryOf({ events, start, plan, reviews, now: at, timeZone });
}
