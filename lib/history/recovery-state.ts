import type { Plan } from '../plan/plan';
import { loadPlan } from '../plan/plan-item';
import { trustedNow } from '../time/trusted-clock';
import { historyConnection, type HistoryDB } from './db';
import { loadProgress, markCelebrated, type Progress } from './progress';
import { streakStartItem, type StreakStart } from './streak-start-item';

export interface RecoveryState {
  db: HistoryDB;
  start: StreakStart | null;
  progress?: Progress;
  plan: Plan;
}

/**
 * What the popup and the pause page read on opening: the plan, the streak, milestones to celebrate.
 * Counted at the trusted time: a clock set back never counts the days from earlier than the latest
 * time Steadfast has seen, so the day count does not move back (lib/time/trusted-clock.ts).
 */
export async function loadRecoveryState(now?: number): Promise<RecoveryState> {
  const [db, start, plan, at] = await Promise.all([historyConnection(), streakStartItem.getValue(), loadPlan(), now ?? trustedNow()]);
  const progress = await loadProgress(db, start, at);
  return { db, start, plan, progress };
}

/**
 * The milestone to celebrate now (the largest new one) and one of the person's reasons to go
 * with it. Marks every new milestone celebrated at once, so each is celebrated once, wherever.
 */
export async function takeCelebration(
  state: RecoveryState,
  random: () => number = Math.random,
): Promise<{ days: number; reason?: string } | undefined> {
  const due = state.progress?.celebrate ?? [];
  const largest = due.at(-1);
  if (!largest) return undefined;
  await markCelebrated(state.db, due);
  const reasons = state.plan.reasons.filter((r) => r.trim());
  return { days: largest.days, reason: reasons[Math.floor(random() * reasons.length)] };
}
