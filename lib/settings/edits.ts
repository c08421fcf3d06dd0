/*
 * The one way the settings change. A longer wait or cooling-off applies at once (and ends a
 * waiting change to shorten the same setting); a shorter one waits out the cooling-off. The
 * cooling-off can only be lengthened while any change waits, or shortening it would hurry those.
 */
import { commandDeps, type CommandDeps } from '../commands/deps';
import { readProtection, writeProtection, type Protection } from '../commands/protection-store';
import { t } from '../i18n/i18n';
import { changeLabel, COOLING_OFF_HOURS, timeLeft, waitOut, type LooseningChange, type PendingChange } from '../triggers/cooling-off';
import { countOf } from '../triggers/parse-list';
import { copiesPaused, WAIT_SECONDS, type Settings } from './settings-item';

export type SettingOutcome = { error: string } | { message: string };

interface SettingDecision {
  next: Partial<Pick<Protection, 'settings' | 'pending'>>;
  outcome: SettingOutcome;
}

type Field = keyof Settings;

const RULES: Record<
  Field,
  {
    range: { min: number; max: number };
    outOfRange: () => string;
    shorter: (n: number) => LooseningChange;
    waits: 'settings_shorterWaitWaits' | 'settings_shorterDelayWaits';
    saved: Parameters<typeof countOf>[0];
  }
> = {
  waitSeconds: {
    range: WAIT_SECONDS,
    outOfRange: () => t('settings_waitOutOfRange', [WAIT_SECONDS.min, WAIT_SECONDS.max]),
    shorter: (waitSeconds) => ({ kind: 'shorter-wait', waitSeconds }),
    waits: 'settings_shorterWaitWaits',
    saved: 'settings_waitSaved',
  },
  coolingOffHours: {
    range: COOLING_OFF_HOURS,
    outOfRange: () => t('settings_delayOutOfRange', [COOLING_OFF_HOURS.min, COOLING_OFF_HOURS.max]),
    shorter: (coolingOffHours) => ({ kind: 'shorter-cooling-off', coolingOffHours }),
    waits: 'settings_shorterDelayWaits',
    saved: 'settings_delaySaved',
  },
};

/** Decides a new value for one setting from what is stored (pure). */
export function decideSetting(
  state: Pick<Protection, 'settings' | 'partner' | 'pending'>,
  field: Field,
  value: number,
  now: number,
  makeId: () => string,
): SettingDecision {
  const rule = RULES[field];
  if (!Number.isInteger(value) || value < rule.range.min || value > rule.range.max) return { next: {}, outcome: { error: rule.outOfRange() } };
  const shorter = rule.shorter(value);
  if (value < state.settings[field]) {
    if (field === 'coolingOffHours' && state.pending.length > 0) return { next: {}, outcome: { error: t('settings_delayOnlyLonger') } };
    const waiting = waitOut(state, shorter, changeLabel(shorter), now, makeId);
    return {
      next: { pending: waiting.pending },
      outcome: { message: t(rule.waits, [timeLeft(waiting.change.effectiveAt, now)]) },
    };
  }
  return {
    next: { settings: { ...state.settings, [field]: value }, pending: state.pending.filter((p) => p.kind !== shorter.kind) },
    outcome: { message: countOf(rule.saved, value) },
  };
}

function saveSetting(field: Field, value: number, given: Partial<CommandDeps>): Promise<SettingOutcome> {
  const deps = commandDeps(given);
  return deps.lock(async () => {
    const [state, now] = await Promise.all([readProtection(['settings', 'partner', 'pending']), deps.now()]);
    const decision = decideSetting(state, field, value, now, deps.makeId);
    await writeProtection(decision.next);
    return decision.outcome;
  });
}

/** How long the pause page waits before "Continue anyway", in seconds. */
export const saveWait = (seconds: number, given: Partial<CommandDeps> = {}) => saveSetting('waitSeconds', seconds, given);

/** How long a loosening change waits, in hours. */
export const saveCoolingOff = (hours: number, given: Partial<CommandDeps> = {}) => saveSetting('coolingOffHours', hours, given);

/** The waiting changes that are about the settings (shown beside them), in the order asked. */
export const settingChangesIn = (pending: readonly PendingChange[]): PendingChange[] =>
  pending.filter((p) => p.kind === 'shorter-wait' || p.kind === 'shorter-cooling-off' || p.kind === 'copies-off');

/**
 * Whether copies on translation and archive services are paused (pure): on applies at once and
 * ends a waiting "stop"; off is loosening, and waits out the cooling-off.
 */
export function decideCopies(state: Pick<Protection, 'settings' | 'partner' | 'pending'>, on: boolean, now: number, makeId: () => string): SettingDecision {
  if (on) {
    return {
      next: { settings: { ...state.settings, pauseCopies: true } as Settings, pending: state.pending.filter((p) => p.kind !== 'copies-off') },
      outcome: { message: t('settings_copiesOn') },
    };
  }
  if (!copiesPaused(state.settings)) return { next: {}, outcome: { message: t('settings_copiesOffSaved') } };
  const off: LooseningChange = { kind: 'copies-off' };
  const waiting = waitOut(state, off, changeLabel(off), now, makeId);
  return { next: { pending: waiting.pending }, outcome: { message: t('settings_copiesOffWaits', [timeLeft(waiting.change.effectiveAt, now)]) } };
}

/** Also pause copies of trigger sites on translation and archive services. */
export function saveCopies(on: boolean, given: Partial<CommandDeps> = {}): Promise<SettingOutcome> {
  const deps = commandDeps(given);
  return deps.lock(async () => {
    const [state, now] = await Promise.all([readProtection(['settings', 'partner', 'pending']), deps.now()]);
    const decision = decideCopies(state, on, now, deps.makeId);
    await writeProtection(decision.next);
    return decision.outcome;
  });
}
