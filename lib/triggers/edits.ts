/*
 * The one way triggers and imported lists change. Each command reads what is stored inside the
 * configuration lock, decides, and writes its decision in one storage call:
 *
 * - tightening applies at once: a new trigger or list, Pause → Block, cancelling a waiting change;
 * - loosening waits out the cooling-off as a change the person sees and can cancel: removing a
 *   trigger or list, Block → Pause (lib/triggers/cooling-off.ts);
 * - except a fresh addition (inside the undo window), which can be taken back at once: that only
 *   returns protection to where it was minutes ago.
 *
 * The decisions are pure (state and `now` in, next state out); the commands around them take the
 * time from the trusted clock. Pages call the commands and ask `canTakeBack` what to draw.
 */
import { commandDeps, type CommandDeps } from '../commands/deps';
import { readProtection, writeProtection, type Protection } from '../commands/protection-store';
import { t } from '../i18n/i18n';
import type { Blocklist } from './blocklist';
import { planImport, type ImportRequest, type ImportResult } from './blocklist-item';
import { changeLabel, isFreshAddition, sameTarget, targetOf, waitOut, type LooseningChange, type PendingChange } from './cooling-off';
import { parseKeyword } from './parse-keyword';
import { parseTrigger, type ParseTriggerResult } from './parse-trigger';
import type { Trigger, TriggerMode } from './trigger';

/** What a command did: took effect, is waiting out the cooling-off, or found nothing to do. */
export type EditOutcome = { result: 'applied' } | { result: 'waiting'; change: PendingChange } | { result: 'unchanged' };

export interface Decision {
  /** Only the parts that change; what is absent is not written. */
  next: Partial<Protection>;
  outcome: EditOutcome;
}

const unchanged: Decision = { next: {}, outcome: { result: 'unchanged' } };

/** Whether a trigger or list can be taken back at once: what the pages draw a "Remove" or a tick from. */
export function canTakeBack(item: Pick<Trigger | Blocklist, 'addedAt'>, now: number): boolean {
  return isFreshAddition(item, now);
}

/** Triggers and lists differ only in where they live, what their changes are called and their name. */
type Kind = 'trigger' | 'list';
const removeChange = (kind: Kind, id: string): LooseningChange =>
  kind === 'trigger' ? { kind: 'remove-trigger', triggerId: id } : { kind: 'remove-list', listId: id };
const pauseChange = (kind: Kind, id: string): LooseningChange =>
  kind === 'trigger' ? { kind: 'pause-mode', triggerId: id } : { kind: 'pause-list', listId: id };

type Entry = Trigger | Blocklist;
const nameOf = (entry: Entry): string => ('display' in entry ? entry.display : entry.name);
const entriesOf = (state: Pick<Protection, 'triggers' | 'lists'>, kind: Kind): readonly Entry[] => (kind === 'trigger' ? state.triggers : state.lists);
const withEntries = (kind: Kind, entries: Entry[]): Partial<Protection> =>
  kind === 'trigger' ? { triggers: entries as Trigger[] } : { lists: entries as Blocklist[] };

/** Removes a trigger or list: at once while fresh (with anything waiting for it), else after the cooling-off. */
export function decideRemove(state: Protection, kind: Kind, id: string, now: number, makeId: () => string): Decision {
  const entry = entriesOf(state, kind).find((e) => e.id === id);
  if (!entry) return unchanged;
  if (canTakeBack(entry, now)) {
    return {
      next: {
        ...withEntries(
          kind,
          entriesOf(state, kind).filter((e) => e.id !== id),
        ),
        pending: state.pending.filter((p) => targetOf(p) !== id),
      },
      outcome: { result: 'applied' },
    };
  }
  const change = removeChange(kind, id);
  const waiting = waitOut(state, change, changeLabel(change, nameOf(entry)), now, makeId);
  return { next: { pending: waiting.pending }, outcome: { result: 'waiting', change: waiting.change } };
}

/**
 * Sets a trigger's or list's mode. Block → Pause waits out the cooling-off unless fresh; Pause →
 * Block is at once, and ends any wait to switch the same one to Pause.
 */
export function decideMode(state: Protection, kind: Kind, id: string, mode: TriggerMode, now: number, makeId: () => string): Decision {
  const entry = entriesOf(state, kind).find((e) => e.id === id);
  if (!entry) return unchanged;
  const pause = pauseChange(kind, id);
  if (mode === 'pause' && entry.mode === 'block' && !canTakeBack(entry, now)) {
    const waiting = waitOut(state, pause, changeLabel(pause, nameOf(entry)), now, makeId);
    return { next: { pending: waiting.pending }, outcome: { result: 'waiting', change: waiting.change } };
  }
  const pending = mode === 'block' ? state.pending.filter((p) => !sameTarget(p, pause)) : state.pending;
  if (entry.mode === mode && pending.length === state.pending.length) return unchanged;
  return {
    next: {
      ...withEntries(
        kind,
        entriesOf(state, kind).map((e) => (e.id === id ? { ...e, mode } : e)),
      ),
      pending,
    },
    outcome: { result: 'applied' },
  };
}

/** Cancelling a waiting change keeps protection as it is: always at once. */
export function decideCancel(state: Pick<Protection, 'pending'>, pendingId: string): Decision {
  const pending = state.pending.filter((p) => p.id !== pendingId);
  if (pending.length === state.pending.length) return unchanged;
  return { next: { pending }, outcome: { result: 'applied' } };
}

// ---- Commands: read inside the lock, decide, write once. ----

/** Runs a decision over freshly read parts inside the lock and stores what it changed. */
async function decideAndStore<K extends keyof Protection>(
  parts: readonly K[],
  decide: (state: Pick<Protection, K>, now: number, makeId: () => string) => Decision,
  deps: CommandDeps,
): Promise<EditOutcome> {
  return deps.lock(async () => {
    const [state, now] = await Promise.all([readProtection(parts), deps.now()]);
    const decision = decide(state, now, deps.makeId);
    await writeProtection(decision.next);
    return decision.outcome;
  });
}

const TRIGGER_PARTS = ['triggers', 'settings', 'partner', 'pending'] as const;
const LIST_PARTS = ['lists', 'settings', 'partner', 'pending'] as const;
const withoutLists = (state: Pick<Protection, 'triggers' | 'settings' | 'partner' | 'pending'>): Protection => ({ ...state, lists: [] });
const withoutTriggers = (state: Pick<Protection, 'lists' | 'settings' | 'partner' | 'pending'>): Protection => ({ ...state, triggers: [] });

export type AddResult = { added: Trigger } | { error: string };

/**
 * Adds a site or path (`kind: 'site'`) or trigger words (`kind: 'keyword'`) as the person typed
 * them. Adding only tightens, so it is stored at once; on a mistake nothing is stored.
 */
export function addTrigger(text: string, kind: 'site' | 'keyword' = 'site', given: Partial<CommandDeps> = {}): Promise<AddResult> {
  const deps = commandDeps(given);
  return deps.lock(async () => {
    const [{ triggers }, now] = await Promise.all([readProtection(['triggers']), deps.now()]);
    const parsed: ParseTriggerResult =
      kind === 'keyword' ? parseKeyword(text, triggers, 'pause', now, deps.makeId) : parseTrigger(text, triggers, now, deps.makeId);
    if (!parsed.ok) return { error: parsed.message };
    await writeProtection({ triggers: [...triggers, parsed.trigger] });
    return { added: parsed.trigger };
  });
}

export function removeTrigger(id: string, given: Partial<CommandDeps> = {}): Promise<EditOutcome> {
  return decideAndStore(TRIGGER_PARTS, (s, now, makeId) => decideRemove(withoutLists(s), 'trigger', id, now, makeId), commandDeps(given));
}

export function setTriggerMode(id: string, mode: TriggerMode, given: Partial<CommandDeps> = {}): Promise<EditOutcome> {
  return decideAndStore(TRIGGER_PARTS, (s, now, makeId) => decideMode(withoutLists(s), 'trigger', id, mode, now, makeId), commandDeps(given));
}

/**
 * Takes back a trigger only while it is fresh (the welcome offers nothing else); an older one
 * stays, and nothing starts to wait. Returns whether it went.
 */
export function takeBackTrigger(id: string, given: Partial<CommandDeps> = {}): Promise<boolean> {
  const deps = commandDeps(given);
  return deps.lock(async () => {
    const [state, now] = await Promise.all([readProtection(TRIGGER_PARTS), deps.now()]);
    const trigger = state.triggers.find((tr) => tr.id === id);
    if (!trigger || !canTakeBack(trigger, now)) return false;
    await writeProtection(decideRemove(withoutLists(state), 'trigger', id, now, deps.makeId).next);
    return true;
  });
}

/** Imports a list in one storage write, or changes nothing and says why. */
export function importList(request: ImportRequest, given: Partial<CommandDeps> = {}): Promise<ImportResult> {
  const deps = commandDeps(given);
  return deps.lock(async () => {
    const [{ triggers, lists }, now] = await Promise.all([readProtection(['triggers', 'lists']), deps.now()]);
    const planned = planImport(request, triggers, lists, now, deps.makeId);
    if (!planned.ok) return planned;
    try {
      await writeProtection({ lists: [...lists, planned.list] });
    } catch {
      return { ok: false, message: t('list_storeFailed') };
    }
    return planned;
  });
}

export function removeList(id: string, given: Partial<CommandDeps> = {}): Promise<EditOutcome> {
  return decideAndStore(LIST_PARTS, (s, now, makeId) => decideRemove(withoutTriggers(s), 'list', id, now, makeId), commandDeps(given));
}

export function setListMode(id: string, mode: TriggerMode, given: Partial<CommandDeps> = {}): Promise<EditOutcome> {
  return decideAndStore(LIST_PARTS, (s, now, makeId) => decideMode(withoutTriggers(s), 'list', id, mode, now, makeId), commandDeps(given));
}

/** Cancels a waiting change (of a trigger, a list or a setting): protection stays as it is. */
export function cancelPending(pendingId: string, given: Partial<CommandDeps> = {}): Promise<EditOutcome> {
  return decideAndStore(['pending'], (s) => decideCancel(s, pendingId), commandDeps(given));
}
