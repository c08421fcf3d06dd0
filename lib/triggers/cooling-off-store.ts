import { commandDeps, type CommandDeps } from '../commands/deps';
import { readProtection, writeProtection, type Protection } from '../commands/protection-store';
import { applyDue, postponeChanges, type PendingChange } from './cooling-off';

/**
 * Applies every change whose cooling-off is over, in one atomic storage write (triggers, settings
 * and the pending list together), inside the configuration lock, and returns the changes still
 * waiting. The background calls it; changes are asked for through ./edits.ts and
 * ../settings/edits.ts.
 */
export function applyDueChanges(given: Partial<CommandDeps> = {}): Promise<PendingChange[]> {
  const deps = commandDeps(given);
  return deps.lock(async () => {
    const [state, now] = await Promise.all([readProtection(['triggers', 'settings', 'partner', 'pending']), deps.now()]);
    const due = state.pending.filter((p) => p.effectiveAt <= now);
    if (due.length === 0) return state.pending;
    const result = await applyAndStore(state, due);
    return result.pending;
  });
}

/**
 * Applies `due` (waiting changes whose time has come, or that a release code let through: see
 * lib/partner/commands.ts) to what is stored, and writes it all in one storage call. Call inside
 * the configuration lock, with `state` read in it.
 */
export async function applyAndStore(
  state: Pick<Protection, 'triggers' | 'settings' | 'partner' | 'pending'>,
  due: readonly PendingChange[],
  partnerAfter: (partner: Protection['partner']) => Protection['partner'] = (partner) => partner,
): Promise<{ pending: PendingChange[]; partner: Protection['partner'] }> {
  const ids = new Set(due.map((p) => p.id));
  // Reading and rewriting a 100,000-domain list costs a second: only when a change is about lists.
  const listsChanged = due.some((p) => p.kind === 'remove-list' || p.kind === 'pause-list');
  const lists = listsChanged ? (await readProtection(['lists'])).lists : [];
  // Every change named applies, whatever its time; the others keep waiting as they were.
  const result = applyDue({ ...state, lists, pending: due.map((p) => ({ ...p, effectiveAt: 0 })) }, 0);
  const pending = state.pending.filter((p) => !ids.has(p.id));
  const partner = partnerAfter(result.partner);
  await writeProtection({
    triggers: result.triggers,
    settings: result.settings,
    pending,
    ...(listsChanged ? { lists: result.lists } : {}),
    ...(partner !== state.partner ? { partner } : {}),
  });
  return { pending, partner };
}

/**
 * Every waiting change ends `ms` later, inside the configuration lock: the wall clock was set
 * forward while the background watched (lib/time/background-clock.ts), and a jump is not time waited.
 */
export function postponePending(ms: number, given: Partial<CommandDeps> = {}): Promise<void> {
  if (!(ms > 0)) return Promise.resolve();
  const deps = commandDeps(given);
  return deps.lock(async () => {
    const { pending } = await readProtection(['pending']);
    if (pending.length > 0) await writeProtection({ pending: postponeChanges(pending, ms) });
  });
}
