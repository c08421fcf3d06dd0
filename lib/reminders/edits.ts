/*
 * What the options page and the welcome change in the reminders (issue 17). Each change is read
 * and written inside the reminders' lock; bad input is refused with a message and changes nothing.
 */
import { browser } from 'wxt/browser';
import { t } from '../i18n/i18n';
import { REMINDER_KINDS, type ReminderKind, type Reminders } from './reminders-item';
import { NOTIFICATIONS_PERMISSION, remindersLock, remindersStore } from './run';
import { MAX_WEEKS, MIN_WEEKS, isWallTime, switched, validWeeks } from './schedule';

interface Permissions {
  request(permissions: typeof NOTIFICATIONS_PERMISSION): Promise<boolean>;
  remove(permissions: typeof NOTIFICATIONS_PERMISSION): Promise<boolean>;
  contains(permissions: typeof NOTIFICATIONS_PERMISSION): Promise<boolean>;
}
export interface EditDeps {
  permissions: Permissions;
  store: typeof remindersStore;
  lock: typeof remindersLock;
  now: () => number;
}
const DEPS = (): EditDeps => ({
  permissions: browser.permissions as unknown as Permissions,
  store: remindersStore,
  lock: remindersLock,
  now: () => Date.now(),
});

const anyOn = (state: Reminders) =>
  REMINDER_KINDS.some((kind) => (kind === 'checkin' ? state.checkin.on : kind === 'plan-review' ? state.planReview.on : state.nudge.on));

/**
 * Turns one reminder on or off. Turning on asks the browser for notifications first (call this
 * straight from the person's click: the browser asks only during one) and keeps the reminder on
 * whatever the answer: without notifications the toolbar badge reminds instead. `allowed` says
 * the answer (it may never come where the browser's prompt is not answered). Turning the last one
 * off gives the permission back.
 */
export function turnReminder(kind: ReminderKind, on: boolean, deps: EditDeps = DEPS()): { saved: Promise<void>; allowed: Promise<boolean> } {
  // Called at once (a throw becomes a refusal): the browser asks only during the click.
  let asked: Promise<boolean> | undefined;
  try {
    asked = on ? deps.permissions.request(NOTIFICATIONS_PERMISSION).catch(() => false) : undefined;
  } catch {
    asked = Promise.resolve(false);
  }
  const saved = deps.lock(async () => {
    const next = switched(await deps.store.getValue(), kind, on, deps.now());
    await deps.store.setValue(next);
    return next;
  });
  const allowed =
    asked ??
    saved.then(async (state) => {
      if (!anyOn(state)) await deps.permissions.remove(NOTIFICATIONS_PERMISSION).catch(() => false);
      return notificationsAllowed(deps.permissions);
    });
  return { saved: saved.then(() => undefined), allowed };
}

/** Does the browser allow Steadfast's notifications now? */
export function notificationsAllowed(permissions: Pick<Permissions, 'contains'> = DEPS().permissions): Promise<boolean> {
  return Promise.resolve()
    .then(() => permissions.contains(NOTIFICATIONS_PERMISSION))
    .catch(() => false);
}

export type TimingChange =
  { field: 'checkin-time' | 'quiet-from' | 'quiet-to'; value: string } | { field: 'weeks'; value: number } | { field: 'quiet'; value: boolean };

/** Changes a time, the weeks or quiet hours; returns the message when the value is refused (nothing stored then). */
export async function changeTiming(change: TimingChange, deps: Pick<EditDeps, 'store' | 'lock'> = DEPS()): Promise<string | undefined> {
  if (change.field === 'weeks' && validWeeks(change.value) === undefined) return t('reminders_weeksInvalid', [String(MIN_WEEKS), String(MAX_WEEKS)]);
  if (typeof change.value === 'string' && !isWallTime(change.value)) return t('reminders_timeInvalid');
  await deps.lock(async () => {
    const state = await deps.store.getValue();
    const next: Reminders =
      change.field === 'checkin-time'
        ? { ...state, checkin: { ...state.checkin, time: change.value } }
        : change.field === 'weeks'
          ? { ...state, planReview: { ...state.planReview, weeks: change.value } }
          : change.field === 'quiet'
            ? { ...state, quiet: { ...state.quiet, on: change.value } }
            : { ...state, quiet: { ...state.quiet, [change.field === 'quiet-from' ? 'from' : 'to']: change.value } };
    await deps.store.setValue(next);
  });
  return undefined;
}
