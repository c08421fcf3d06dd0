import type { HistoryDB } from '../history/db';
import { historyConnection } from '../history/db';
import { computeStreak, streakRuns, type Streak } from '../history/streak';
import { streakStartItem, type StreakStart } from '../history/streak-start-item';
import { updatePlan } from '../plan/edits';
import { calendarYears, dayMarksOf, type DayMarks } from './calendar';
import { loadProgressHistory, readYear, type ProgressHistory } from './history';
import type { DaySummary } from '../history/day-summary';
import { summaryClock } from '../history/days-store';
import { currentTimeZone, dayFromText, dayOf, yearStart, type Day } from '../time/days';
import { earlierStreakMilestones, milestoneTimeline, type MilestoneTimeline } from './milestone-timeline';
import { planHasSituation, riskGridOf, riskWindow, withSituation, type RiskGrid, type RiskWindow } from './risk';
import { turnedBackOf, type TurnedBack } from './turned-back';
import { surfSummaryOf, urgeTrendOf, type SurfSummary, type TrendPeriod, type TrendPoint } from './urge-trend';
import { trustedNowUnrecorded } from '../time/trusted-clock';
import { urgeInsights, type UrgeInsights } from './urge-insights';
import { problemCollector, type Problem } from '../problems/problems';

/** Everything the Progress page shows, worked out once when it opens. */
export interface ProgressView {
  today: Day;
  start: StreakStart | null;
  startedOn?: Day;
  streak?: Streak;
  /** The marks of the days read one by one (the recent months: this year's calendar). */
  marks: DayMarks;
  /** The marks of a year's days, for the calendar: from `marks` when the recent months hold the whole year, else read. */
  marksOf: (year: number) => Promise<DayMarks>;
  years: { from: number; to: number };
  risk: RiskGrid;
  riskWindow?: RiskWindow;
  turnedBack: TurnedBack;
  surf?: SurfSummary;
  timeline: MilestoneTimeline;
  /** What the urge log has learnt from the last `URGE_INSIGHT_DAYS` days' urges. */
  urgeInsights: UrgeInsights;
  /** Nothing recorded and no start day: the page greets rather than draws empty charts. */
  empty: boolean;
  trend: (period: TrendPeriod) => TrendPoint[];
}

/** A value worked out the first time it is asked for, then kept. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** Risk windows cover the last twelve months (365 days, today included): what is risky now. */
export const RISK_DAYS = 365;
/** What helps with urges is learnt from the last twelve months' (365 days to now): what helps now. */
export const URGE_INSIGHT_DAYS = 365;
const DAY_MS = 86_400_000;

/**
 * Pure: the page's figures from the day summaries (and earlier months' totals), setbacks and
 * milestones, the start day, now and the person's zone. `readYear` gives a year's days for the
 * calendar when the recent days do not hold all of it.
 */
export function progressView(
  history: ProgressHistory,
  start: StreakStart | null,
  now: number,
  timeZone: string,
  readYear: (year: number) => Promise<DaySummary[]> = () => Promise.resolve([]),
): ProgressView {
  const today = dayOf(now, timeZone);
  const startedOn = start ? dayFromText(start.startedOn) : undefined;
  const valid = startedOn === undefined ? null : start;
  const streak = startedOn === undefined ? undefined : computeStreak({ startedOn, setbacks: history.setbacks, now, timeZone });
  const { days, earlier, recentFrom } = history;
  // Days (and the months before them) hold every check-in, setback, urge and visit, oldest first.
  // Sums over all time, by month or by year read both; anything by day or weekday reads the days.
  const all = earlier.length === 0 ? days : [...earlier, ...days];
  const first = Math.min(all[0]?.day ?? Infinity, startedOn ?? Infinity);
  const marks = dayMarksOf(days);
  // The runs as computeStreak counts them, from each setback's day where it was lived (as the
  // calendar places it); the last run is the current one.
  const earlierRuns = () => {
    if (startedOn === undefined) return [];
    const clock = summaryClock();
    const setbackDays = [...new Set(history.setbacks.map((e) => clock(e.at, e.tz).day))];
    return streakRuns(
      startedOn,
      setbackDays.filter((d) => d >= startedOn && d <= today),
      today,
    ).slice(0, -1);
  };
  const trends = new Map<TrendPeriod, TrendPoint[]>();
  // What the first screen does not show (the streak and this year's calendar are) is worked out
  // when a section first asks for it, after the first screen has painted (issue 19).
  const risk = once(() => riskGridOf(days, today - RISK_DAYS + 1));
  const window = once(() => riskWindow(risk()));
  const turnedBack = once(() => turnedBackOf(all, today));
  const surf = once(() => surfSummaryOf(all));
  const timeline = once(() => milestoneTimeline(history.milestones, streak, earlierStreakMilestones(earlierRuns())));
  const insights = once(() => urgeInsights(history.urges ?? [], { from: now - URGE_INSIGHT_DAYS * DAY_MS }));
  return {
    today,
    start: valid,
    startedOn,
    streak,
    marks,
    marksOf: async (year) => (yearStart(year) >= recentFrom ? marks : dayMarksOf(await readYear(year))),
    years: calendarYears(Number.isFinite(first) ? first : undefined, today),
    get risk() {
      return risk();
    },
    get riskWindow() {
      return window();
    },
    get turnedBack() {
      return turnedBack();
    },
    get surf() {
      return surf();
    },
    get timeline() {
      return timeline();
    },
    get urgeInsights() {
      return insights();
    },
    empty: !valid && all.length === 0,
    trend: (period) => {
      let points = trends.get(period);
      if (!points) trends.set(period, (points = urgeTrendOf(all, today, period)));
      return points;
    },
  };
}

/** The page's view, and the same made again should the events, once counted, disagree with the summaries (else null). */
export interface ProgressLoad {
  view: ProgressView;
  corrected: Promise<ProgressView | null>;
  /** What could not be read (the start day, from storage): the history still shows, without a streak. */
  problems: Problem[];
}

/**
 * Opens the history and reads what the page needs: the recent day summaries and earlier months'
 * totals (rebuilt from the events first if they do not match them, the only write), setbacks and
 * milestones. Another year's days are read when the calendar turns to it.
 */
export async function loadProgressView(
  now?: number,
  timeZone = currentTimeZone(),
  open: () => Promise<HistoryDB> = historyConnection,
  readStart: () => Promise<StreakStart | null> = () => streakStartItem.getValue(),
): Promise<ProgressLoad> {
  // The trusted time: a clock set back never moves the days back (lib/time/trusted-clock.ts).
  const { read, problems } = problemCollector('progress read');
  const [db, start, at] = await Promise.all([open(), read(readStart(), 'storage', null), now ?? read(trustedNowUnrecorded(), 'storage', Date.now())]);
  const today = dayOf(at, timeZone);
  const { history, recount } = await loadProgressHistory(db, today, at - URGE_INSIGHT_DAYS * DAY_MS);
  const viewOf = (h: ProgressHistory) => progressView(h, start, at, timeZone, (year) => readYear(db, year));
  const corrected = recount.then((again) => again && viewOf(again));
  // A caller that never asks (the page closed first) leaves no unhandled rejection; one that awaits it still sees it.
  corrected.catch(() => {});
  return { view: viewOf(history), corrected, problems: problems() };
}

export type AddedToPlan = 'added' | 'already';

/** Adds a risk window to the plan's high-risk situations, unless it is already there (lib/plan/edits.ts). */
export async function addSituationToPlan(line: string, update = updatePlan): Promise<AddedToPlan> {
  let outcome: AddedToPlan = 'already';
  await update((plan) => {
    if (planHasSituation(plan.highRiskSituations, line)) return plan;
    outcome = 'added';
    return { ...plan, highRiskSituations: withSituation(plan.highRiskSituations, line) };
  });
  return outcome;
}
