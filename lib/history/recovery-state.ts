import type { Plan } from '../plan/plan';
import { loadPlan } from '../plan/plan-item';
import { problemCollector, type Problem } from '../problems/problems';
import { trustedNowUnrecorded } from '../time/trusted-clock';
import { historyConnection, type HistoryDB } from './db';
import { markCelebrated, readStreak, recordProgress, type Progress } from './progress';
import type { Streak } from './streak';
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
  // Only shown with, so the page does not wait for the newer time to be written.
  now: () => trustedNowUnrecorded(),
};

/** The streak as soon as it can be counted, before the plan and the milestones: what the popup shows first. */
export interface StreakReading {
  /** `null`: no start date set; undefined: it could not be read. */
  start?: StreakStart | null;
  /** Undefined until a valid start day is set, or when the history could not be read. */
  streak?: Streak;
  /** What could not be read so far. */
  problems: Problem[];
}

export interface RecoveryReads {
  /** The start day, the trusted time and the setbacks: no write, no plan. */
  streak: Promise<StreakReading>;
  /** Everything, with the milestones reached recorded (`loadRecoveryState`). */
  state: Promise<RecoveryState>;
}

/**
 * What the popup and the pause page read on opening: the plan, the streak, milestones to celebrate.
 * Counted at the trusted time: a clock set back never counts the days from earlier than the latest
 * time Steadfast has seen, so the day count does not move back (lib/time/trusted-clock.ts).
 *
 * Every read starts at once (the history's open, the start day, the plan, the time); the streak
 * is counted as soon as the start day, the time and the setbacks are in, without waiting for the
 * plan or for the milestones to be written. The plan (storage) and the history (IndexedDB) are read
 * apart and never reject: when one fails the other still shows, and `problems` says what is missing.
 */
export function readRecovery(now?: number, sources: Partial<RecoverySources> = {}): RecoveryReads {
  const { open, readPlan, readStart, now: readNow } = { ...SOURCES, ...sources };
  const { read, problems } = problemCollector('read');
  const db = read(open(), 'history', undefined);
  const start = read(readStart(), 'storage', undefined);
  const plan = read(readPlan(), 'storage', undefined);
  const at = now ?? readNow().catch(() => Date.now());
  const counted = Promise.all([db, start, at]).then(([opened, started, time]) =>
    opened && started !== undefined ? read(readStreak(opened, started, time), 'history', undefined) : undefined,
  );
  const streak = counted.then(async (value) => ({ start: await start, streak: value, problems: problems() }));
  const state = Promise.all([db, start, plan, at, counted]).then(async ([opened, started, storedPlan, time, value]) => {
    const progress = opened && value ? await read(recordProgress(opened, value, time), 'history', undefined) : undefined;
    return { db: opened, start: started, plan: storedPlan, progress, problems: problems() };
  });
  return { streak, state };
}

/** Everything `readRecovery` reads, once it is all in. It never rejects. */
export async function loadRecoveryState(now?: number, sources: Partial<RecoverySources> = {}): Promise<RecoveryState> {
  return readRecovery(now, sources).state;
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
