import type { Plan } from '../plan/plan';
import { loadPlan } from '../plan/plan-item';
import { problemCollector, type Problem } from '../problems/problems';
import { trustedNow } from '../time/trusted-clock';
import { historyConnection, type HistoryDB } from './db';
import { loadProgress, markCelebrated, type Progress } from './progress';
import { streakStartItem, type StreakStart } from './streak-start-item';

export interface RecoveryState {
  /** Undefined when the history could not be opened (`problems` then holds `history`). */
  db?: HistoryDB;
  /** `null`: no start date set; undefined: it could not be read. */
  start?: StreakStart | null;
  progress?: Progress;
  /** Undefined when the stored plan could not be read (`problems` then holds `storage`). */
  plan?: Plan;
  /** What could not be read, for the page to say in plain words (lib/problems/problems.ts). */
  problems: Problem[];
}

export interface RecoverySources {
  open: () => Promise<HistoryDB>;
  readPlan: () => Promise<Plan>;
  readStart: () => Promise<StreakStart | null>;
  now: () => Promise<number>;
}

const SOURCES: RecoverySources = {
  open: historyConnection,
  readPlan: loadPlan,
  readStart: () => streakStartItem.getValue(),
  now: () => trustedNow(),
};

/**
 * What the popup and the pause page read on opening: the plan, the streak, milestones to celebrate.
 * Counted at the trusted time: a clock set back never counts the days from earlier than the latest
 * time Steadfast has seen, so the day count does not move back (lib/time/trusted-clock.ts).
 *
 * The plan (storage) and the history (IndexedDB) are read apart and never reject: when one fails
 * the other still shows, and `problems` says what is missing. It never rejects.
 */
export async function loadRecoveryState(now?: number, sources: Partial<RecoverySources> = {}): Promise<RecoveryState> {
  const { open, readPlan, readStart, now: readNow } = { ...SOURCES, ...sources };
  const { read, problems } = problemCollector('read');
  const [db, start, plan, at] = await Promise.all([
    read(open(), 'history', undefined),
    read(readStart(), 'storage', undefined),
    read(readPlan(), 'storage', undefined),
    now ?? readNow().catch(() => Date.now()),
  ]);
  const progress = db && start !== undefined ? await read(loadProgress(db, start, at), 'history', undefined) : undefined;
  return { db, start, plan, progress, problems: problems() };
}

/**
 * The milestone to celebrate now (the largest new one) and one of the person's reasons to go
 * with it. Marks every new milestone celebrated at once, so each is celebrated once, wherever.
 * Nothing is celebrated that could not be marked (no history, or the write failed).
 */
export async function takeCelebration(state: RecoveryState, random: () => number = Math.random): Promise<{ days: number; reason?: string } | undefined> {
  const due = state.progress?.celebrate ?? [];
  const largest = due.at(-1);
  if (!largest || !state.db) return undefined;
  try {
    await markCelebrated(state.db, due);
  } catch (error) {
    console.error('steadfast: celebrated', error);
    return undefined;
  }
  const reasons = (state.plan?.reasons ?? []).filter((r) => r.trim());
  return { days: largest.days, reason: reasons[Math.floor(random() * reasons.length)] };
}
