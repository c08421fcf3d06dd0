import { commandDeps, type CommandDeps } from '../commands/deps';
import { readProtection, writeProtection } from '../commands/protection-store';
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
    const [state, now] = await Promise.all([readProtection(['triggers', 'settings', 'pending']), deps.now()]);
    const due = state.pending.filter((p) => p.effectiveAt <= now);
    if (due.length === 0) return state.pending;
    // Reading and rewriting a 100,000-domain list costs a second: only when a change is about lists.
    const listsChanged = due.some((p) => p.kind === 'remove-list' || p.kind === 'pause-list');
    const lists = listsChanged ? (await readProtection(['lists'])).lists : [];
    const result = applyDue({ ...state, lists }, now);
    await writeProtection({
      triggers: result.triggers,
      settings: result.settings,
      pending: result.pending,
      ...(listsChanged ? { lists: result.lists } : {}),
    });
    return result.pending;
  });
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
