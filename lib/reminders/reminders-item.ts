import { storage } from 'wxt/utils/storage';
import { createQueueLock, type ConfigLock } from '../commands/lock';

/** The reminders a person can choose (issue 17): each off until they turn it on. */
export type ReminderKind = 'checkin' | 'plan-review' | 'nudge';
export const REMINDER_KINDS: readonly ReminderKind[] = ['checkin', 'plan-review', 'nudge'];

/** A reminder shown and not yet acted on: the popup shows its line; `via` says how it was shown. */
export interface PendingReminder {
  kind: ReminderKind;
  at: number;
  via: 'notification' | 'badge';
}

/**
 * The person's reminders (lib/reminders/), version 1. Times are wall-clock `HH:MM` in the zone the
 * person is in when each falls due. `since` is when a reminder was turned on (nothing before it is
 * ever due); `shown` when each was last shown (none is shown twice for one due time, and one missed
 * while the browser was closed is shown once). The plan review falls due `weeks` after `since` or
 * after it was last shown, whichever is later.
 *
 * A later version adds `migrations: { 2: (v1: RemindersV1) => RemindersV2 }` and keeps this type.
 */
export interface RemindersV1 {
  checkin: { on: boolean; time: string; since: number | null };
  planReview: { on: boolean; weeks: number; since: number | null };
  nudge: { on: boolean; since: number | null };
  quiet: { on: boolean; from: string; to: string };
  /** A reminder put off for an hour: due again at `until`. */
  snoozed: { kind: ReminderKind; until: number } | null;
  shown: Record<ReminderKind, number | null>;
  pending: PendingReminder | null;
}
export type Reminders = RemindersV1;

export const DEFAULT_REMINDERS: Reminders = {
  checkin: { on: false, time: '20:00', since: null },
  planReview: { on: false, weeks: 4, since: null },
  nudge: { on: false, since: null },
  quiet: { on: false, from: '22:00', to: '08:00' },
  snoozed: null,
  shown: { checkin: null, 'plan-review': null, nudge: null },
  pending: null,
};

export const remindersItem = storage.defineItem<Reminders>('local:reminders', {
  version: 1,
  fallback: DEFAULT_REMINDERS,
});

/** Reads the reminders, filling any field a partial value lacks. */
export async function loadReminders(): Promise<Reminders> {
  return withDefaults(await remindersItem.getValue());
}

export function withDefaults(value: Partial<Reminders> | null | undefined): Reminders {
  const v = value ?? {};
  return {
    ...DEFAULT_REMINDERS,
    ...v,
    checkin: { ...DEFAULT_REMINDERS.checkin, ...v.checkin },
    planReview: { ...DEFAULT_REMINDERS.planReview, ...v.planReview },
    nudge: { ...DEFAULT_REMINDERS.nudge, ...v.nudge },
    quiet: { ...DEFAULT_REMINDERS.quiet, ...v.quiet },
    shown: { ...DEFAULT_REMINDERS.shown, ...v.shown },
  };
}

/** One lock for this item, across pages and the worker where Web Locks exist. */
const queue = createQueueLock();
export const remindersLock: ConfigLock = (work) => {
  const locks = (globalThis as { navigator?: { locks?: { request<T>(name: string, cb: () => Promise<T>): Promise<T> } } }).navigator?.locks;
  return locks ? locks.request('steadfast:reminders', work) : queue(work);
};

export const remindersStore = { getValue: loadReminders, setValue: (value: Reminders) => remindersItem.setValue(value) };

/** Changes the reminders inside their lock (a page's snooze or "Done"). */
export function updateReminders(change: (state: Reminders) => Reminders): Promise<void> {
  return remindersLock(async () => remindersStore.setValue(change(await remindersStore.getValue())));
}
