/*
 * A wall-clock time in a zone, for a setback logged later (the options page). Its own file because
 * a module shared by several pages is bundled whole into one chunk: in ./days.ts this
 * would carry date-fns' `parseISO` and `TZDate` (about 2 KB gzipped) into the popup, which never
 * asks for it. Which instant 01:30 is on a day the clocks change is date-fns' call, not ours.
 */
import { tz } from '@date-fns/tz';
import { parseISO } from 'date-fns';
import type { CalendarDay } from './days';

/** The instant of a wall-clock time (`HH:MM`) on a day in a zone, for a setback logged later. */
export function instantAt(day: CalendarDay, time: string, timeZone: string): number {
  return parseISO(`${day}T${time}`, { in: tz(timeZone) }).getTime();
}
