import type { HistoryDB } from '../history/db';
import { openHistory } from '../history/db';
import { computeStreak, dayOf, isCalendarDay, type Streak } from '../history/streak';
import { streakStartItem, type StreakStart } from '../history/streak-start-item';
import { currentTimeZone } from '../history/time-zone';
import { loadPlan, planItem } from '../plan/plan-item';
import { calendarYears, dayMarks, type DayMarks } from './calendar';
import { loadProgressHistory, RECENT_MS, type ProgressHistory } from './history';
import { calendarDay, dayNumber, localClock, type DayNumber, type LocalClock } from './local-time';
import { earlierStreakMilestones, milestoneTimeline, type MilestoneTimeline } from './milestone-timeline';
import { planHasSituation, riskGrid, riskWindow, withSituation, type RiskGrid, type RiskWindow } from './risk';
import { turnedBack, type TurnedBack } from './turned-back';
import { surfSummary, urgeTrend, type SurfSummary, type TrendPeriod, type TrendPoint } from './urge-trend';

/** Everything the Progress page shows, worked out once when it opens. */
export interface ProgressView {
  today: DayNumber;
  start: StreakStart | null;
  startedOn?: DayNumber;
  streak?: Streak;
  marks: DayMarks;
  years: { from: number; to: number };
  risk: RiskGrid;
  riskWindow?: RiskWindow;
  turnedBack: TurnedBack;
  surf?: SurfSummary;
  timeline: MilestoneTimeline;
  /** Nothing recorded and no start day: the page greets rather than draws empty charts. */
  empty: boolean;
  /**
   * False while only the recent history is read (see `loadProgressView`): then the calendar goes
   * back only as far as what was read, the all-time counts wait, and the by-year trend too.
   */
  complete: boolean;
  trend: (period: TrendPeriod) => TrendPoint[];
}

/** Pure: the page's figures from the history, the start day, now and the person's zone. */
export const RISK_MS = 365 * 86_400_000;

export function progressView(
  history: ProgressHistory,
  start: StreakStart | null,
  now: number,
  timeZone: string,
  readSince?: number,
): ProgressView {
  const clock: LocalClock = localClock(timeZone);
  const today = dayNumber(dayOf(now, timeZone));
  const valid = start && isCalendarDay(start.startedOn) ? start : null;
  const streak = valid ? computeStreak({ startedOn: valid.startedOn, setbacks: history.setbacks, now, timeZone }) : undefined;
  const startedOn = valid ? dayNumber(valid.startedOn) : undefined;
  const firstEvent = Math.min(
    ...[history.checkins[0], history.setbacks[0], history.interventions[0], history.urges[0]]
      .filter((e) => e !== undefined)
      .map((e) => clock(e.at, e.tz).day),
  );
  const first = Math.min(firstEvent, startedOn ?? Infinity);
  const grid = riskGrid(history.interventions, history.urges, history.checkins, clock, now - RISK_MS);
  const marks = dayMarks(history.checkins, history.setbacks, clock);
  // The streak's marks as computeStreak counts them: the start day, then each setback day after it.
  const streakMarks =
    startedOn === undefined ? [] : [startedOn, ...[...marks.setbacks].filter((d) => d > startedOn && d <= today).sort((a, b) => a - b)].map(calendarDay);
  const trends = new Map<TrendPeriod, TrendPoint[]>();
  const counted = history.checkins.length + history.setbacks.length + history.interventions.length + history.urges.length;
  return {
    today,
    start: valid,
    startedOn,
    streak,
    marks,
    years: calendarYearsRead(calendarYears(Number.isFinite(first) ? first : undefined, today), readSince),
    risk: grid,
    riskWindow: riskWindow(grid),
    turnedBack: turnedBack(history.interventions, clock, today),
    surf: surfSummary(history.urges),
    timeline: milestoneTimeline(history.milestones, streak, earlierStreakMilestones(streakMarks)),
    empty: !valid && counted === 0,
    complete: readSince === undefined,
    trend: (period) => {
      let points = trends.get(period);
      if (!points) trends.set(period, (points = urgeTrend(history.checkins, history.urges, clock, today, period)));
      return points;
    },
  };
}

/** While only part is read, the calendar offers only the years fully read. */
function calendarYearsRead(years: { from: number; to: number }, readSince: number | undefined): { from: number; to: number } {
  if (readSince === undefined) return years;
  const fullFrom = new Date(readSince).getUTCFullYear() + 1;
  return { from: Math.min(years.to, Math.max(years.from, fullFrom)), to: years.to };
}

/**
 * Opens the history and reads what the page needs, in two steps: `onRecent` gets a view of the
 * last two years (all the page shows at first), then the promise gives the view of everything.
 * It writes nothing.
 */
export async function loadProgressView(
  onRecent: (view: ProgressView) => void,
  now = Date.now(),
  timeZone = currentTimeZone(),
  open: () => Promise<HistoryDB> = openHistory,
  readStart: () => Promise<StreakStart | null> = () => streakStartItem.getValue(),
  afterPaint: () => Promise<void> = nextPaint,
): Promise<ProgressView> {
  const [db, start] = await Promise.all([open(), readStart()]);
  const since = now - RECENT_MS;
  onRecent(progressView(await loadProgressHistory(db, since), start, now, timeZone, since));
  // Reading everything turns every record into an object on this thread: let the recent view paint first.
  await afterPaint();
  return progressView(await loadProgressHistory(db), start, now, timeZone);
}

export type AddedToPlan = 'added' | 'already';

/** Adds a risk window to the plan's high-risk situations, unless it is already there. */
export async function addSituationToPlan(line: string, load = loadPlan, save = (plan: Awaited<ReturnType<typeof loadPlan>>) => planItem.setValue(plan)): Promise<AddedToPlan> {
  const plan = await load();
  if (planHasSituation(plan.highRiskSituations, line)) return 'already';
  await save({ ...plan, highRiskSituations: withSituation(plan.highRiskSituations, line) });
  return 'added';
}


/** Resolves after the next frame has painted. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}
