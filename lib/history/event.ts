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

/** What can set an urge off: where they were, who with, or how they felt (the HALT feelings). */
export const URGE_SET_OFFS = ['site', 'place', 'people', 'hungry', 'angry', 'lonely', 'tired'] as const;
export type UrgeSetOff = (typeof URGE_SET_OFFS)[number];

/** What they did with the urge; `own` is something of their own, named in `ownAction`. */
export const URGE_ACTIONS = ['delay', 'escape', 'avoid', 'distract', 'substitute', 'own'] as const;
export type UrgeAction = (typeof URGE_ACTIONS)[number];

/**
 * An urge: rated before and, if they got that far, after (urge surfing, or the urge log). What set
 * it off, what they did and the note came with backup version 4; every one is optional and older
 * records simply lack them, so no upgrade step is needed (lib/history/urge-log.ts checks them).
 */
export interface UrgeEvent extends EventBase {
  type: 'urge';
  /** Strength at the start, 0 to 10. */
  before: number;
  /** Strength at the end, 0 to 10. */
  after?: number;
  /** How long it lasted, in minutes. */
  minutes?: number;
  /** What set it off: any of the kinds, each at most once. */
  setOffBy?: UrgeSetOff[];
  /** What set it off in their own words, short (at most `URGE_TEXT_MAX` characters). */
  setOffOwn?: string;
  /** What they did. */
  action?: UrgeAction;
  /** What they did in their own words, when `action` is `own` (at most `URGE_TEXT_MAX` characters). */
  ownAction?: string;
}

/** The longest own words an urge keeps for what set it off or what they did. */
export const URGE_TEXT_MAX = 200;

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
