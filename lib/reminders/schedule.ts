/*
 * When each reminder falls due (issue 17): pure, with the clock, the zone and the wall-clock
 * conversion passed in, so that the background (./run.ts) only asks and acts.
 *
 * Every reminder has due times ("candidates"): the check-in's time on each day, the plan review
 * `weeks` after it was turned on or last shown, a snooze's end, the nudge 15 minutes before the
 * person's hardest hour of the week. A due time inside quiet hours moves to their end (a nudge
 * inside them is dropped: after them it would come too late). A reminder is due when its latest
 * due time has passed and nothing has been shown for it since; several missed while the browser
 * was closed are one reminder, shown once.
 */
import { dayOf, dayText, minuteOfDay, weekdayOf, type CalendarDay } from '../time/days';
import type { Reminders, ReminderKind } from './reminders-item';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const WEEK = 7 * 24 * HOUR;
export const SNOOZE_MS = HOUR;
/** The nudge comes this long before the hardest hour begins. */
export const NUDGE_LEAD = 15 * MINUTE;
/** Plan reviews every 1 to 26 weeks. */
export const MIN_WEEKS = 1;
export const MAX_WEEKS = 26;

/** The instant of a wall-clock `HH:MM` on a day in a zone (lib/time/wall-clock.ts in the browser). */
export type InstantAt = (day: CalendarDay, time: string, timeZone: string) => number;

export interface Moment {
  now: number;
  /** The zone the person is in now. */
  zone: string;
  instantAt: InstantAt;
}

/** A wall-clock time as the options page takes it: `HH:MM`, 24-hour. */
export function isWallTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Whole weeks between the limits, or undefined for anything else. */
export function validWeeks(value: number): number | undefined {
  return Number.isInteger(value) && value >= MIN_WEEKS && value <= MAX_WEEKS ? value : undefined;
}

/** Inside quiet hours? `from` to `to` may span midnight (22:00 to 07:00); equal ends mean none. */
export function isQuiet(at: number, quiet: Reminders['quiet'], zone: string): boolean {
  if (!quiet.on || quiet.from === quiet.to) return false;
  const m = minuteOfDay(at, zone);
  const [from, to] = [minutes(quiet.from), minutes(quiet.to)];
  return from < to ? m >= from && m < to : m >= from || m < to;
}

/** `at`, or the end of the quiet hours it falls in. */
export function afterQuiet(at: number, quiet: Reminders['quiet'], { zone, instantAt }: Pick<Moment, 'zone' | 'instantAt'>): number {
  if (!isQuiet(at, quiet, zone)) return at;
  const day = dayOf(at, zone);
  // Before `to` on this day (the early part of a span over midnight, or inside a daytime span): today's end; else tomorrow's.
  const endDay = minuteOfDay(at, zone) < minutes(quiet.to) ? day : day + 1;
  return Math.max(at, instantAt(dayText(endDay), quiet.to, zone));
}

/** The hour of the week to nudge before: 0 Monday … 6 Sunday, and 0 to 23. */
export interface NudgeSlot {
  weekday: number;
  hour: number;
}

/** Every due time of one reminder near `now` (two days either side; a week for the nudge), quiet hours applied. */
export function dueTimes(kind: ReminderKind, state: Reminders, moment: Moment, slot?: NudgeSlot): number[] {
  const { now, zone, instantAt } = moment;
  const today = dayOf(now, zone);
  const times: number[] = [];
  if (kind === 'checkin' && state.checkin.on && isWallTime(state.checkin.time)) {
    for (let i = -2; i <= 2; i++) times.push(instantAt(dayText(today + i), state.checkin.time, zone));
  }
  if (kind === 'plan-review' && state.planReview.on && state.planReview.since !== null) {
    const from = Math.max(state.planReview.since, state.shown['plan-review'] ?? -Infinity);
    times.push(from + (validWeeks(state.planReview.weeks) ?? 4) * WEEK);
  }
  if (kind === 'nudge' && state.nudge.on && slot) {
    const hour = `${String(slot.hour).padStart(2, '0')}:00`;
    for (let i = -7; i <= 7; i++) {
      const day = today + i;
      if (weekdayOf(day) !== slot.weekday) continue;
      const at = instantAt(dayText(day), hour, zone) - NUDGE_LEAD;
      // A nudge inside quiet hours is dropped, not moved: after them it would be too late.
      if (!isQuiet(at, state.quiet, zone)) times.push(at);
    }
    return times;
  }
  if (state.snoozed?.kind === kind) times.push(state.snoozed.until);
  return times.map((at) => afterQuiet(at, state.quiet, moment));
}

const sinceOf = (kind: ReminderKind, state: Reminders): number | null =>
  kind === 'checkin' ? state.checkin.since : kind === 'plan-review' ? state.planReview.since : state.nudge.since;
const isOn = (kind: ReminderKind, state: Reminders): boolean =>
  kind === 'checkin' ? state.checkin.on : kind === 'plan-review' ? state.planReview.on : state.nudge.on;

/** The latest due time that has passed and has had nothing shown for it since, if any. */
export function missedDue(kind: ReminderKind, state: Reminders, moment: Moment, slot?: NudgeSlot): number | undefined {
  if (!isOn(kind, state)) return undefined;
  const after = Math.max(sinceOf(kind, state) ?? Infinity, state.shown[kind] ?? -Infinity);
  const passed = dueTimes(kind, state, moment, slot).filter((at) => at <= moment.now && at > after);
  return passed.length > 0 ? Math.max(...passed) : undefined;
}

/** The next due time after now, for the alarm; undefined when off or nothing is coming. */
export function nextDue(kind: ReminderKind, state: Reminders, moment: Moment, slot?: NudgeSlot): number | undefined {
  if (!isOn(kind, state)) return undefined;
  const coming = dueTimes(kind, state, moment, slot).filter((at) => at > moment.now);
  return coming.length > 0 ? Math.min(...coming) : undefined;
}

/** What happens to a reminder now: shown, passed over (settled without showing), or nothing yet. */
export type Decision = 'show' | 'settle' | 'wait';

export interface Facts {
  /** The person has checked in today (lib/history/checkins.ts, by the one day rule). */
  checkedInToday: boolean;
  /** The hour to nudge before, when their history is enough to say (./nudge.ts). */
  slot?: NudgeSlot;
}

/**
 * Decides one reminder: a check-in on a day already checked in is settled without a word; a nudge
 * comes at most once a day and never after the hard hour has begun (a nudge missed while the
 * browser was closed is no use late); everything else due is shown once.
 */
export function decide(kind: ReminderKind, state: Reminders, moment: Moment, facts: Facts): Decision {
  const due = missedDue(kind, state, moment, facts.slot);
  if (due === undefined) return 'wait';
  if (kind === 'checkin' && facts.checkedInToday) return 'settle';
  if (kind === 'nudge') {
    const shown = state.shown.nudge;
    if (shown !== null && dayOf(shown, moment.zone) === dayOf(moment.now, moment.zone)) return 'settle';
    if (moment.now - due >= NUDGE_LEAD) return 'settle';
  }
  return 'show';
}

/** The state after a reminder was shown (or settled) at `now`: never shown again for the same due time. */
export function markShown(state: Reminders, kind: ReminderKind, now: number, via?: 'notification' | 'badge'): Reminders {
  return {
    ...state,
    shown: { ...state.shown, [kind]: now },
    snoozed: state.snoozed?.kind === kind && state.snoozed.until <= now ? null : state.snoozed,
    pending: via ? { kind, at: now, via } : state.pending,
  };
}

/** Put off for an hour: the reminder's line goes, and it comes back at `now` + 1 hour (after quiet hours). */
export function snooze(state: Reminders, kind: ReminderKind, now: number): Reminders {
  return { ...state, snoozed: { kind, until: now + SNOOZE_MS }, pending: state.pending?.kind === kind ? null : state.pending };
}

/** Done with (checked in, plan looked at, nudge read): its line and badge go. */
export function dismiss(state: Reminders, kind: ReminderKind): Reminders {
  return { ...state, pending: state.pending?.kind === kind ? null : state.pending, snoozed: state.snoozed?.kind === kind ? null : state.snoozed };
}

/** Turns one reminder on or off; turning on starts it from now (nothing earlier is due). */
export function switched(state: Reminders, kind: ReminderKind, on: boolean, now: number): Reminders {
  const next = dismiss(state, kind);
  if (kind === 'checkin') return { ...next, checkin: { ...next.checkin, on, since: on ? now : null } };
  if (kind === 'plan-review') return { ...next, planReview: { ...next.planReview, on, since: on ? now : null } };
  return { ...next, nudge: { on, since: on ? now : null } };
}
