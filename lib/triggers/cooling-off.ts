/*
 * Cooling-off: tightening is immediate; loosening waits. Removing a trigger, switching Block to
 * Pause, shortening the wait or shortening the cooling-off itself only takes effect after the
 * delay the person chose, can be cancelled until then, and the delay can only be lengthened while
 * a change is pending. Blockers are switched off in exactly the moment they matter; this makes
 * Steadfast hard to loosen on impulse and easy to tighten. Pure: time comes in as `now`.
 */
import { t } from '../i18n/i18n';
import type { CodeHash } from '../partner/code';
import { longWaitMs, type PartnerLock } from '../partner/partner-lock';
import type { Settings, StoredSettings } from '../settings/settings-item';
import { countOf } from './parse-list';
import type { Blocklist } from './blocklist';
import type { Trigger } from './trigger';

export type LooseningChange =
  | { kind: 'remove-trigger'; triggerId: string }
  | { kind: 'pause-mode'; triggerId: string }
  | { kind: 'remove-list'; listId: string }
  | { kind: 'pause-list'; listId: string }
  | { kind: 'shorter-wait'; waitSeconds: number }
  | { kind: 'shorter-cooling-off'; coolingOffHours: number }
  /** Stop pausing copies on translation and archive services (lib/settings/settings-item.ts). */
  | { kind: 'copies-off' }
  /** The partner lock (lib/partner/): turning it off, a shorter long wait, a new code. */
  | { kind: 'partner-off' }
  | { kind: 'shorter-partner-wait'; waitDays: number }
  | { kind: 'partner-new-code'; key: CodeHash };

export type PendingChange = LooseningChange & {
  id: string;
  /** What the person will read: "Remove example.com". */
  label: string;
  requestedAt: number;
  effectiveAt: number;
};

export const COOLING_OFF_HOURS = { min: 1, max: 168, default: 24 } as const;

/**
 * A trigger added in the last few minutes can go at once: taking back a fresh addition (a typo,
 * say) leaves protection where it was before. Anything older waits out the cooling-off.
 */
export const UNDO_WINDOW_MS = 10 * 60_000;

/**
 * Whether `trigger` is fresh enough to take back without a cooling-off. An `addedAt` after `now`
 * is never fresh: a clock moved back (or a date from a file) must not make an old trigger new.
 * Pass the trusted time (lib/time/trusted-clock.ts), not the wall clock.
 */
export function isFreshAddition(trigger: Pick<Trigger, 'addedAt'>, now: number): boolean {
  const age = now - trigger.addedAt;
  return age >= 0 && age < UNDO_WINDOW_MS;
}

/** Hours to ms, clamped to what the settings allow. */
export function coolingOffMs(hours: number): number {
  const h = Number.isFinite(hours) ? hours : COOLING_OFF_HOURS.default;
  return Math.min(COOLING_OFF_HOURS.max, Math.max(COOLING_OFF_HOURS.min, h)) * 3_600_000;
}

/** Adds a loosening change to wait out its delay, replacing an older one for the same thing. */
export function requestChange(
  pending: readonly PendingChange[],
  change: LooseningChange,
  label: string,
  now: number,
  delayMs: number,
  makeId: () => string = () => crypto.randomUUID(),
): PendingChange[] {
  const others = pending.filter((p) => !sameTarget(p, change));
  return [...others, { ...change, id: makeId(), label, requestedAt: now, effectiveAt: now + delayMs }];
}

/**
 * Every waiting change ends `ms` later: the wall clock was set forward while the background
 * watched (lib/time/clock-watch.ts), and that jump is not time waited.
 */
export function postponeChanges(pending: readonly PendingChange[], ms: number): PendingChange[] {
  if (!(ms > 0)) return [...pending];
  return pending.map((p) => ({ ...p, effectiveAt: p.effectiveAt + ms }));
}

/** The trigger or list a change is about; undefined for changes to settings. */
export function targetOf(change: LooseningChange): string | undefined {
  return 'triggerId' in change ? change.triggerId : 'listId' in change ? change.listId : undefined;
}

export function sameTarget(a: LooseningChange, b: LooseningChange): boolean {
  return a.kind === b.kind && targetOf(a) === targetOf(b);
}

/** The value a change to a setting asks for (a new code's hash too); undefined for triggers and lists. */
const valueOf = (change: LooseningChange): number | string | undefined =>
  'waitSeconds' in change
    ? change.waitSeconds
    : 'coolingOffHours' in change
      ? change.coolingOffHours
      : 'waitDays' in change
        ? change.waitDays
        : 'key' in change
          ? change.key.hash
          : undefined;

/** What every loosening change decides its wait from. `partner` is required so no path can forget the lock. */
export interface WaitState {
  settings: Pick<Settings, 'coolingOffHours'>;
  partner: PartnerLock | null;
  pending: readonly PendingChange[];
}

/**
 * How long a loosening change waits: the cooling-off, or with the partner lock on its long wait
 * (never shorter than the cooling-off). The one place this is decided.
 */
export function looseningDelayMs(state: Pick<WaitState, 'settings' | 'partner'>): number {
  const coolingOff = coolingOffMs(state.settings.coolingOffHours);
  return state.partner ? longWaitMs(state.partner, coolingOff) : coolingOff;
}

/**
 * Puts a loosening change on the waiting list with the wait the settings and the partner lock
 * hold now. Asking again for a change that already waits keeps the one waiting: pressing twice,
 * or restoring the same file twice, never restarts it.
 */
export function waitOut(
  state: WaitState,
  change: LooseningChange,
  label: string,
  now: number,
  makeId: () => string = () => crypto.randomUUID(),
): { pending: PendingChange[]; change: PendingChange } {
  const already = state.pending.find((p) => sameTarget(p, change) && valueOf(p) === valueOf(change));
  if (already) return { pending: [...state.pending], change: already };
  const pending = requestChange(state.pending, change, label, now, looseningDelayMs(state), makeId);
  return { pending, change: pending.at(-1)! };
}

/**
 * With the partner lock just turned on, changes already waiting wait its long wait too, counted
 * from when they were asked for: the person has handed the key on, for these as well.
 */
export function lengthenWaits(pending: readonly PendingChange[], delayMs: number): PendingChange[] {
  return pending.map((p) => ({ ...p, effectiveAt: Math.max(p.effectiveAt, p.requestedAt + delayMs) }));
}

/**
 * The change waiting for a trigger or an imported list (by id); a removal outranks a switch to
 * Pause (it will end it anyway).
 */
export function pendingFor(pending: readonly PendingChange[], id: string): PendingChange | undefined {
  const mine = pending.filter((p) => targetOf(p) === id);
  return mine.find((p) => p.kind === 'remove-trigger' || p.kind === 'remove-list') ?? mine[0];
}

/**
 * Applies every change whose time has come. Returns the new triggers, settings and the changes
 * still waiting; a change whose trigger is already gone is simply dropped.
 */
export function applyDue(
  state: {
    triggers: readonly Trigger[];
    lists?: readonly Blocklist[];
    settings: StoredSettings;
    partner?: PartnerLock | null;
    pending: readonly PendingChange[];
  },
  now: number,
): { triggers: Trigger[]; lists: Blocklist[]; settings: StoredSettings; partner: PartnerLock | null; pending: PendingChange[]; applied: PendingChange[] } {
  const due = state.pending.filter((p) => p.effectiveAt <= now);
  let triggers = [...state.triggers];
  let lists = [...(state.lists ?? [])];
  let settings: StoredSettings = { ...state.settings };
  let partner = state.partner ?? null;
  for (const change of due) {
    switch (change.kind) {
      case 'remove-trigger':
        triggers = triggers.filter((t) => t.id !== change.triggerId);
        break;
      case 'pause-mode':
        triggers = triggers.map((t) => (t.id === change.triggerId ? { ...t, mode: 'pause' } : t));
        break;
      case 'remove-list':
        lists = lists.filter((l) => l.id !== change.listId);
        break;
      case 'pause-list':
        lists = lists.map((l) => (l.id === change.listId ? { ...l, mode: 'pause' } : l));
        break;
      case 'shorter-wait':
        settings = { ...settings, waitSeconds: change.waitSeconds };
        break;
      case 'shorter-cooling-off':
        settings = { ...settings, coolingOffHours: change.coolingOffHours };
        break;
      case 'copies-off':
        settings = { ...settings, pauseCopies: false };
        break;
      case 'partner-off':
        partner = null;
        break;
      case 'shorter-partner-wait':
        if (partner) partner = { ...partner, waitDays: change.waitDays };
        break;
      case 'partner-new-code':
        if (partner) partner = { ...partner, key: change.key };
        break;
    }
  }
  return { triggers, lists, settings, partner, pending: state.pending.filter((p) => p.effectiveAt > now), applied: due };
}

/**
 * What a loosening change will do, as the person reads it in a waiting change ("Remove
 * example.com"). `name` is the trigger's display or the list's name; settings carry their number.
 * Stored with the change, so it stays in the language it was asked in (for at most 7 days).
 */
export function changeLabel(change: LooseningChange, name = ''): string {
  switch (change.kind) {
    case 'remove-trigger':
      return t('coolingOff_removeTrigger', [name]);
    case 'pause-mode':
      return t('coolingOff_pauseTrigger', [name]);
    case 'remove-list':
      return t('coolingOff_removeList', [name]);
    case 'pause-list':
      return t('coolingOff_pauseList', [name]);
    case 'shorter-wait':
      return countOf('coolingOff_shorterWait', change.waitSeconds);
    case 'shorter-cooling-off':
      return countOf('coolingOff_shorterDelay', change.coolingOffHours);
    case 'copies-off':
      return t('coolingOff_copiesOff');
    case 'partner-off':
      return t('coolingOff_partnerOff');
    case 'shorter-partner-wait':
      return countOf('coolingOff_shorterPartnerWait', change.waitDays);
    case 'partner-new-code':
      return t('coolingOff_partnerNewCode');
  }
}

/** Beside a trigger or list with a change waiting: "removing in 23 h 59 min". */
export function pendingText(change: PendingChange, now: number): string {
  const time = timeLeft(change.effectiveAt, now);
  return change.kind === 'remove-trigger' || change.kind === 'remove-list' ? t('coolingOff_removingIn', [time]) : t('coolingOff_switchingToPauseIn', [time]);
}

/** "23 h 59 min", "5 min", "less than a minute": how long until a change takes effect. */
export function timeLeft(effectiveAt: number, now: number): string {
  const minutes = Math.ceil((effectiveAt - now) / 60_000);
  if (minutes <= 0) return t('coolingOff_lessThanAMinute');
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  // Units from largest to smallest, each one the catalogue's short form, as on a timer.
  return [days && countOf('coolingOff_days', days), hours && countOf('coolingOff_hours', hours), mins && countOf('coolingOff_minutes', mins)]
    .filter(Boolean)
    .join(' ');
}
