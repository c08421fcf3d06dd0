import { summariseDays, type DaySummary } from '../history/day-summary';
import type { CheckinEvent, InterventionEvent, UrgeEvent } from '../history/event';
import { weekdayOf, type Day, type LocalClock } from '../time/days';

export { HIGH_CRAVING } from '../history/day-summary';

/** counts[weekday 0 Monday … 6 Sunday][hour 0 … 23] */
export type RiskGrid = number[][];

/**
 * When urges come: every pause-page visit (a trigger site was reached for), every urge surfed
 * and every check-in with a craving of 7 or more, by weekday and hour where the person was; with
 * `sinceDay`, only from that day on (the page uses the last twelve months: what is risky now).
 */
export function riskGridOf(days: readonly DaySummary[], sinceDay: Day = -Infinity): RiskGrid {
  const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const d of days) {
    if (d.day < sinceDay) continue;
    const row = grid[weekdayOf(d.day)]!;
    d.risky.forEach((n, hour) => (row[hour]! += n));
  }
  return grid;
}

/** `riskGridOf` straight from events; with `since`, only events from that instant on. */
export function riskGrid(
  interventions: readonly InterventionEvent[],
  urges: readonly UrgeEvent[],
  checkins: readonly CheckinEvent[],
  clock: LocalClock,
  since = -Infinity,
): RiskGrid {
  return riskGridOf(
    summariseDays(
      [...interventions, ...urges, ...checkins].filter((e) => e.at >= since),
      clock,
    ),
  );
}

export type DayPart = 'night' | 'morning' | 'afternoon' | 'evening';
/** Hours each part of the day begins at; a part runs six hours. */
export const DAY_PARTS: readonly { part: DayPart; from: number }[] = [
  { part: 'night', from: 0 },
  { part: 'morning', from: 6 },
  { part: 'afternoon', from: 12 },
  { part: 'evening', from: 18 },
];

export interface RiskWindow {
  /** Weekdays (0 Monday) in order, one or two. */
  days: number[];
  part: DayPart;
  /** Risky moments in that window, and in all. */
  count: number;
  total: number;
}

/** Fewer moments than this say nothing reliable about a pattern. */
export const MIN_MOMENTS = 5;

/**
 * The part of the week when most urges come: the busiest weekday and part of the day, joined by a
 * second weekday at the same part of the day when it has at least two thirds as many (so "Friday
 * and Saturday evenings" rather than just "Friday evenings"). Undefined while there is too little.
 */
export function riskWindow(grid: RiskGrid): RiskWindow | undefined {
  const cells: { day: number; part: DayPart; count: number }[] = [];
  let total = 0;
  grid.forEach((hours, day) => {
    for (const { part, from } of DAY_PARTS) {
      const count = hours.slice(from, from + 6).reduce((a, b) => a + b, 0);
      total += count;
      cells.push({ day, part, count });
    }
  });
  if (total < MIN_MOMENTS) return undefined;
  const ranked = [...cells].sort((a, b) => b.count - a.count || a.day - b.day);
  const top = ranked[0]!;
  const second = ranked.find((c) => c.part === top.part && c.day !== top.day);
  const days = second && second.count > 0 && second.count * 3 >= top.count * 2 ? [top.day, second.day].sort((a, b) => a - b) : [top.day];
  const count = cells.filter((c) => c.part === top.part && days.includes(c.day)).reduce((a, c) => a + c.count, 0);
  return { days, part: top.part, count, total };
}

/** True when the plan's high-risk situations already hold this line (ignoring case and spaces). */
export function planHasSituation(situations: string, line: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return situations.split('\n').some((l) => norm(l) === norm(line));
}

/** The high-risk situations with `line` added on a line of its own, unless it is already there. */
export function withSituation(situations: string, line: string): string {
  if (planHasSituation(situations, line)) return situations;
  const kept = situations.replace(/\s+$/, '');
  return kept ? `${kept}\n${line}` : line;
}
