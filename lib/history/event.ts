/**
 * What the recovery history holds: one `events` store, one shape a kind, told apart by `type`.
 * Stored shapes only change through the upgrade ladder in ./db.ts.
 */

import type { CalendarDay } from '../time/days';

/** A calendar day as the person names it, `YYYY-MM-DD`, with no time or zone (lib/time/days.ts). */
export type { CalendarDay };

interface EventBase {
  id: string;
  /** When it happened, ms since the epoch. For a setback logged later, the time the person chose. */
  at: number;
  /** The person's IANA time zone when they logged it, so the day it fell on stays the day they lived. */
  tz: string;
}

/** Hungry, angry, lonely, tired: the HALT check. */
export interface Halt {
  hungry: boolean;
  angry: boolean;
  lonely: boolean;
  tired: boolean;
}

export interface CheckinEvent extends EventBase {
  type: 'checkin';
  mood: 1 | 2 | 3 | 4 | 5;
  /** 0 (none) to 10, whole numbers. */
  craving: number;
  halt: Halt;
  note?: string;
}

/**
 * A use after the start date. The streak starts again from its day; nothing else is erased.
 * The learning questions are all optional and may be answered later (care after a lapse,
 * ../shared/CARE.md). `whatHelpedBefore` and `followUp` came with backup version 2; older records
 * simply lack them (a record without `followUp` asks nothing more), so no upgrade step is needed.
 */
export interface SetbackEvent extends EventBase {
  type: 'setback';
  /** What led to it. */
  whatHappened?: string;
  whatIFelt?: string;
  warningSignMissed?: string;
  /** One change to the plan. */
  whatIllChange?: string;
  whatHelpedBefore?: string;
  /** `open` while the learning questions wait for the person to come back to them; `done` once answered. */
  followUp?: 'open' | 'done';
}

/** One pause-page visit and what the person did next. */
export interface InterventionEvent extends EventBase {
  type: 'intervention';
  /** The trigger site as the person would name it (a host), never the full URL. */
  site: string;
  outcome: 'shown' | 'left' | 'continued' | 'closed';
}

/** Urge surfing: the urge rated before and, if they got that far, after waiting it out. */
export interface UrgeEvent extends EventBase {
  type: 'urge';
  /** 0 to 10. */
  before: number;
  after?: number;
  minutes?: number;
}

/** A milestone of the current streak, recorded once when reached (see ./milestones.ts). */
export interface MilestoneEvent extends EventBase {
  type: 'milestone';
  days: number;
  reachedOn: CalendarDay;
  celebrated: boolean;
}

export type HistoryEvent = CheckinEvent | SetbackEvent | InterventionEvent | UrgeEvent | MilestoneEvent;
export type EventType = HistoryEvent['type'];
export type EventOf<T extends EventType> = Extract<HistoryEvent, { type: T }>;

/** An event as a caller writes it: `id`, `at` and `tz` default to a new id, now and the current zone. */
export type NewEvent<E extends HistoryEvent = HistoryEvent> = E extends HistoryEvent
  ? Omit<E, 'id' | 'at' | 'tz'> & Partial<Pick<E, 'id' | 'at' | 'tz'>>
  : never;
