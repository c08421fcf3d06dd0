import type { MessageKey } from '../i18n/i18n';

/**
 * What can go wrong underneath a page, in the person's words (the catalogue's `problem_*` keys).
 * Pages never show an exception's own text: they ask here which kind it was and show those words.
 *
 * - `history`: the history (IndexedDB) could not be opened or read: streak, progress, check-ins.
 * - `storage`: the saved configuration (`storage.local`) could not be read: plan, triggers, settings.
 * - `full`: the device has no room left to save (a quota error on a write).
 * - `not-saved`: a write failed for another reason (a transaction aborted, storage turned off).
 */
export type Problem = 'history' | 'storage' | 'full' | 'not-saved';

export const PROBLEM_WORDS: Record<Problem, MessageKey> = {
  history: 'problem_history',
  storage: 'problem_storage',
  full: 'problem_full',
  'not-saved': 'problem_notSaved',
};

/** True when the browser says there is no room left (IndexedDB's and storage's quota errors). */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const name = (e as { name?: unknown }).name;
    const message = String((e as { message?: unknown }).message ?? '');
    if (name === 'QuotaExceededError' || /quota/i.test(message)) return true;
  }
  return false;
}

/** The problem a failed write is: `full` when out of room, else `not-saved`. */
export function writeProblem(error: unknown): Problem {
  return isQuotaError(error) ? 'full' : 'not-saved';
}

/** Each problem once, in a steady order, for a page to show. */
export function uniqueProblems(problems: readonly (Problem | undefined)[]): Problem[] {
  const order: Problem[] = ['history', 'storage', 'full', 'not-saved'];
  return order.filter((p) => problems.includes(p));
}

/** A promise's value, or `fallback` and the problem when it rejects: one failing read never hides the others. */
export async function orProblem<T, F>(read: Promise<T>, problem: Problem, fallback: F, report: (p: Problem, error: unknown) => void): Promise<T | F> {
  try {
    return await read;
  } catch (error) {
    report(problem, error);
    return fallback;
  }
}

/**
 * One page's (or one load's) reads, each through `orProblem`, with the problems they met kept
 * together: `read(promise, problem, fallback)` never rejects; `problems()` lists what failed, each
 * once. `where` names the reads in the console (in English, for whoever reads it).
 */
export function problemCollector(where: string): {
  read: <T, F>(value: Promise<T>, problem: Problem, fallback: F) => Promise<T | F>;
  problems: () => Problem[];
} {
  const met: Problem[] = [];
  const report = (problem: Problem, error: unknown) => {
    met.push(problem);
    console.error(`steadfast: ${where}`, problem, error);
  };
  return { read: (value, problem, fallback) => orProblem(value, problem, fallback, report), problems: () => uniqueProblems(met) };
}
