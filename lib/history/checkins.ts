import type { HistoryDB } from './db';
import { eventsByType } from './events';
import { dayOf, type Day } from '../time/days';

/**
 * Has the person checked in on `day`? By the one day rule (lib/time/days.ts): a check-in's day is
 * the day it was lived, in its own zone. Only the two days either side of it are read.
 */
export async function checkedInOn(db: HistoryDB, day: Day, around: number): Promise<boolean> {
  const checkins = await eventsByType(db, 'checkin', { from: around - 2 * 86_400_000, to: around + 2 * 86_400_000 });
  return checkins.some((event) => dayOf(event.at, event.tz) === day);
}
