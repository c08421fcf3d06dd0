import { storage } from 'wxt/utils/storage';
import type { CalendarDay } from './event';
import { validateStartDate, type DateCheck } from './streak';
import { trustedNow } from '../time/trusted-clock';
import { currentTimeZone, dayText } from '../time/days';

/**
 * The day the person's streak started and what they are staying away from. It is configuration
 * the person sets and edits, not something that happened, so it lives in `storage.local` with the
 * plan (and can sync with it); setbacks, which did happen, go to the history. Version 1.
 *
 * Log a setback rather than moving this day later: the days before it leave `longest` and the total.
 */
export interface StreakStart {
  startedOn: CalendarDay;
  /** Their own word ("ketamine"); absent means the neutral "days since my last use". */
  substance?: string;
}

/** Empty (`null`) until the person chooses a day. */
export const streakStartItem = storage.defineItem<StreakStart>('local:streak', { version: 1 });

/**
 * Saves the start day if it is a real day, not in the future; otherwise saves nothing. "Today" is
 * the trusted time's (lib/time/trusted-clock.ts), so a clock set back does not move it.
 */
export async function saveStreakStart(startedOn: string, substance = '', now?: number, timeZone = currentTimeZone()): Promise<DateCheck> {
  const check = validateStartDate(startedOn, now ?? (await trustedNow()), timeZone);
  if (!check.ok) return check;
  const word = substance.trim();
  const day = dayText(check.day);
  await streakStartItem.setValue(word ? { startedOn: day, substance: word } : { startedOn: day });
  return check;
}
