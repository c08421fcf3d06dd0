/*
 * The one way the partner lock changes (issue 21, part 3). Turning it on and lengthening its long
 * wait are tightening, and apply at once. Turning it off, shortening its long wait and replacing
 * the code are loosening: each waits the lock's own long wait as a change the person sees and can
 * cancel, or takes effect at once with the current release code (`releaseWithCode`), which lets
 * through any waiting change the person names. Wrong codes are counted and, after a few in a row,
 * paused for longer and longer, by the trusted clock, in stored state: a restart or a clock set
 * back does not reset them.
 *
 * The decisions are pure (state, `now` and the result of checking the code in; next state out);
 * the commands read inside the configuration lock, decide and write once.
 */
import { commandDeps, type CommandDeps } from '../commands/deps';
import { readProtection, writeProtection, type Protection } from '../commands/protection-store';
import { t } from '../i18n/i18n';
import { changeLabel, lengthenWaits, looseningDelayMs, timeLeft, waitOut, type LooseningChange, type PendingChange } from '../triggers/cooling-off';
import { applyAndStore } from '../triggers/cooling-off-store';
import { countOf } from '../triggers/parse-list';
import { codeMatches, hashCode, makeCode, normaliseCode, type CodeHash } from './code';
import { afterRight, afterWrong, canTry, cleanHolder, noAttempts, PARTNER_WAIT_DAYS, type Holder, type PartnerLock } from './partner-lock';

type State = Pick<Protection, 'settings' | 'partner' | 'pending'>;

export type PartnerOutcome = { error: string } | { message: string; waiting?: PendingChange };

interface PartnerDecision {
  next: Partial<State>;
  outcome: PartnerOutcome;
}

const inRange = (days: number) => Number.isInteger(days) && days >= PARTNER_WAIT_DAYS.min && days <= PARTNER_WAIT_DAYS.max;
const outOfRange = (): PartnerDecision => ({
  next: {},
  outcome: { error: t('partner_waitOutOfRange', [PARTNER_WAIT_DAYS.min, PARTNER_WAIT_DAYS.max]) },
});

/** Turning the lock on: at once, and changes already waiting now wait its long wait too. */
export function decideTurnOn(state: State, key: CodeHash, waitDays: number, now: number): PartnerDecision {
  if (state.partner) return { next: {}, outcome: { error: t('partner_alreadyOn') } };
  if (!inRange(waitDays)) return outOfRange();
  const partner: PartnerLock = { key, waitDays, turnedOnAt: now, attempts: noAttempts() };
  return {
    next: { partner, pending: lengthenWaits(state.pending, looseningDelayMs({ settings: state.settings, partner })) },
    outcome: { message: t('partner_turnedOn') },
  };
}

/** Puts a loosening change to the lock on the waiting list (its long wait), with the person's words. */
function waitFor(
  state: State,
  change: LooseningChange,
  now: number,
  makeId: () => string,
  words: 'partner_offWaits' | 'partner_shorterWaitWaits' | 'partner_newCodeWaits',
): PartnerDecision {
  const waiting = waitOut(state, change, changeLabel(change), now, makeId);
  return { next: { pending: waiting.pending }, outcome: { message: t(words, [timeLeft(waiting.change.effectiveAt, now)]), waiting: waiting.change } };
}

/** A longer long wait applies at once (and ends a waiting shorter one); a shorter one waits. */
export function decidePartnerWait(state: State, waitDays: number, now: number, makeId: () => string): PartnerDecision {
  if (!state.partner) return { next: {}, outcome: { error: t('partner_notOn') } };
  if (!inRange(waitDays)) return outOfRange();
  if (waitDays < state.partner.waitDays) return waitFor(state, { kind: 'shorter-partner-wait', waitDays }, now, makeId, 'partner_shorterWaitWaits');
  return {
    next: { partner: { ...state.partner, waitDays }, pending: state.pending.filter((p) => p.kind !== 'shorter-partner-wait') },
    outcome: { message: countOf('partner_waitSaved', waitDays) },
  };
}

export function decidePartnerOff(state: State, now: number, makeId: () => string): PartnerDecision {
  if (!state.partner) return { next: {}, outcome: { error: t('partner_notOn') } };
  return waitFor(state, { kind: 'partner-off' }, now, makeId, 'partner_offWaits');
}

/** A new code takes over after the long wait, or at once with the current code: never on its own say. */
export function decideNewCode(state: State, key: CodeHash, now: number, makeId: () => string): PartnerDecision {
  if (!state.partner) return { next: {}, outcome: { error: t('partner_notOn') } };
  return waitFor(state, { kind: 'partner-new-code', key }, now, makeId, 'partner_newCodeWaits');
}

/**
 * Before a code is checked: is the lock on, does it look like a code, may one be tried now? A
 * malformed code is not counted; a paused one is refused before the code is even looked at.
 */
export function releaseGate(partner: PartnerLock | null, typed: string, now: number): { ok: true; normal: string } | { ok: false; error: string } {
  if (!partner) return { ok: false, error: t('partner_notOn') };
  const normal = normaliseCode(typed);
  if (!normal) return { ok: false, error: t('partner_codeFormat') };
  const gate = canTry(partner.attempts, now);
  if (!gate.ok) return { ok: false, error: t('partner_tryAgainIn', [timeLeft(now + gate.waitMs, now)]) };
  return { ok: true, normal };
}

/** "3 wrong codes since 4 December 2026", or '' when there has been none. */
export function wrongCodesText(partner: PartnerLock | null, language?: string): string {
  const { total, since } = partner?.attempts ?? noAttempts();
  if (total === 0 || since === null) return '';
  const date = new Intl.DateTimeFormat(language ?? navigatorLanguage(), { dateStyle: 'long' }).format(since);
  return countOf('partner_wrongCodes', total, [date]);
}
const navigatorLanguage = () => (globalThis as { navigator?: { language?: string } }).navigator?.language ?? 'en-GB';

/** How long before the next code may be tried, in words, or '' when one may be tried now. */
export function pausedText(partner: PartnerLock | null, now: number): string {
  if (!partner) return '';
  const gate = canTry(partner.attempts, now);
  return gate.ok ? '' : t('partner_pausedFor', [timeLeft(now + gate.waitMs, now)]);
}

// ---- Commands: read inside the lock, decide, write once. ----

const PARTS = ['settings', 'partner', 'pending'] as const;

function decideAndStore(decide: (state: State, now: number, makeId: () => string) => PartnerDecision, deps: CommandDeps): Promise<PartnerOutcome> {
  return deps.lock(async () => {
    const [state, now] = await Promise.all([readProtection(PARTS), deps.now()]);
    const decision = decide(state, now, deps.makeId);
    await writeProtection(decision.next);
    return decision.outcome;
  });
}

/**
 * Turns the partner lock on and returns the release code, to be shown once and handed on. Only
 * its salted hash is stored. The hash is worked out before the lock is taken (it takes a moment).
 */
export async function turnOnPartnerLock(waitDays: number, given: Partial<CommandDeps> = {}): Promise<PartnerOutcome & { code?: string }> {
  if (!inRange(waitDays)) return outOfRange().outcome;
  const code = makeCode();
  const key = await hashCode(code);
  const outcome = await decideAndStore((state, now) => decideTurnOn(state, key, waitDays, now), commandDeps(given));
  return 'error' in outcome ? outcome : { ...outcome, code };
}

export const setPartnerWait = (waitDays: number, given: Partial<CommandDeps> = {}) =>
  decideAndStore((state, now, makeId) => decidePartnerWait(state, waitDays, now, makeId), commandDeps(given));

export const askToTurnOffPartnerLock = (given: Partial<CommandDeps> = {}) =>
  decideAndStore((state, now, makeId) => decidePartnerOff(state, now, makeId), commandDeps(given));

/** Makes a new code (shown once) that waits to replace the current one. */
export async function replacePartnerCode(given: Partial<CommandDeps> = {}): Promise<PartnerOutcome & { code?: string }> {
  const code = makeCode();
  const key = await hashCode(code);
  const outcome = await decideAndStore((state, now, makeId) => decideNewCode(state, key, now, makeId), commandDeps(given));
  return 'error' in outcome ? outcome : { ...outcome, code };
}

/**
 * Who holds the code, to prefill messages to them. Not protection (it changes no wait), so it is
 * saved at once; hostile text is kept as text and only ever drawn as text.
 */
export function savePartnerHolder(holder: Partial<Holder>, given: Partial<CommandDeps> = {}): Promise<PartnerOutcome> {
  const deps = commandDeps(given);
  return deps.lock(async () => {
    const { partner } = await readProtection(['partner']);
    if (!partner) return { error: t('partner_notOn') };
    const { holder: _old, ...rest } = partner;
    const clean = cleanHolder(holder);
    await writeProtection({ partner: clean ? { ...rest, holder: clean } : rest });
    return { message: t('partner_holderSaved') };
  });
}

export type ReleaseResult = { ok: true; message: string } | { ok: false; error: string };

/**
 * Checks a release code and, when it is right, applies the named waiting changes at once, all in
 * one write (with the lock's attempts set back). A wrong one changes nothing but the count and the
 * pause, which are stored at once, so closing the page does not reset them.
 */
export function releaseWithCode(typed: string, pendingIds: readonly string[], given: Partial<CommandDeps> = {}): Promise<ReleaseResult> {
  const deps = commandDeps(given);
  return deps.lock(async () => {
    const [state, now] = await Promise.all([readProtection(['triggers', 'settings', 'partner', 'pending']), deps.now()]);
    const gate = releaseGate(state.partner, typed, now);
    if (!gate.ok) return gate;
    const partner = state.partner!;
    if (!(await codeMatches(gate.normal, partner.key))) {
      await writeProtection({ partner: { ...partner, attempts: afterWrong(partner.attempts, now) } });
      return { ok: false, error: t('partner_wrongCode') };
    }
    const ids = new Set(pendingIds);
    const due = state.pending.filter((p) => ids.has(p.id));
    await applyAndStore(state, due, (after) => after && { ...after, attempts: afterRight(after.attempts) });
    if (due.length === 0) return { ok: true, message: t('partner_codeRightNothingWaiting') };
    return { ok: true, message: countOf('partner_released', due.length) };
  });
}
