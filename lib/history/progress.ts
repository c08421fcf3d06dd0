import type { HistoryDB } from './db';
import { stampAdded, WITH_DAYS } from './days-store';
import type { MilestoneEvent } from './event';
import { eventsByType } from './events';
import { milestoneId, milestonesToCelebrate } from './milestones';
import { computeStreak, milestonesReached, type Milestone, type Streak } from './streak';
import type { StreakStart } from './streak-start-item';
import { currentTimeZone, dayFromText, dayText } from '../time/days';

export interface Progress {
  streak: Streak;
  /** Milestones to celebrate now, smallest first (see `milestonesToCelebrate`). */
  celebrate: MilestoneEvent[];
}

/**
 * What the popup and the pause page show: the streak, derived from the start day and the
 * setbacks, after recording any milestone newly reached. Undefined until a valid start day is set.
 */
export async function loadProgress(db: HistoryDB, start: StreakStart | null, now = Date.now(), timeZone = currentTimeZone()): Promise<Progress | undefined> {
  const streak = await readStreak(db, start, now, timeZone);
  return streak && recordProgress(db, streak, now, timeZone);
}

/**
 * The streak alone, from the start day and the setbacks (one index read): what a page shows first.
 * It writes nothing; `recordProgress` records the milestones it reached. Undefined until a valid
 * start day is set.
 */
export async function readStreak(db: HistoryDB, start: StreakStart | null, now = Date.now(), timeZone = currentTimeZone()): Promise<Streak | undefined> {
  const startedOn = start ? dayFromText(start.startedOn) : undefined;
  if (startedOn === undefined) return undefined;
  return computeStreak({ startedOn, setbacks: await eventsByType(db, 'setback'), now, timeZone });
}

/** Records the milestones `streak` reached (see `recordMilestones`) and says which to celebrate now. */
export async function recordProgress(db: HistoryDB, streak: Streak, now = Date.now(), timeZone = currentTimeZone()): Promise<Progress> {
  const recorded = await recordMilestones(db, milestonesReached(streak), now, timeZone);
  return { streak, celebrate: milestonesToCelebrate(recorded, streak) };
}

/**
 * Adds the milestones not yet in the history and returns all of them as stored. Reading and adding
 * in one transaction, by a fixed id, means two pages opening at once cannot record one twice.
 */
export async function recordMilestones(db: HistoryDB, reached: readonly Milestone[], now: number, timeZone: string): Promise<MilestoneEvent[]> {
  if (reached.length === 0) return [];
  // Milestones add nothing to the day summaries, but they are events: the summaries' stamp moves on.
  const tx = db.transaction(WITH_DAYS, 'readwrite');
  const events = tx.objectStore('events');
  const added: MilestoneEvent[] = [];
  const [stored] = await Promise.all([
    Promise.all(
      reached.map(async ({ days, reachedOn }): Promise<MilestoneEvent> => {
        const id = milestoneId({ days, reachedOn });
        const existing = await events.get(id);
        if (existing?.type === 'milestone') return existing;
        const event: MilestoneEvent = { id, type: 'milestone', at: now, tz: timeZone, days, reachedOn: dayText(reachedOn), celebrated: false };
        await events.put(event);
        added.push(event);
        return event;
      }),
    ).then(async (all) => (await stampAdded(tx, added), all)),
    tx.done,
  ]);
  return stored;
}

/** Marks milestones celebrated, in one transaction, so each is celebrated once. */
export async function markCelebrated(db: HistoryDB, milestones: readonly Pick<MilestoneEvent, 'id'>[]): Promise<void> {
  const tx = db.transaction('events', 'readwrite');
  await Promise.all([
    ...milestones.map(async ({ id }) => {
      const current = await tx.store.get(id);
      if (current?.type === 'milestone' && !current.celebrated) await tx.store.put({ ...current, celebrated: true });
    }),
    tx.done,
  ]);
}
