/*
 * The `days` store: per-day summaries kept in step with the `events` store (see ./day-summary.ts),
 * one record a calendar month holding that month's days as JSON text. Ten years are 3,650 days;
 * as one small object each, IndexedDB's structured clone took about 300 ms to hand them to the
 * page in Chromium (as long as the page takes to draw), where 121 strings take 20 to 50 ms and
 * `JSON.parse` a few (BENCHMARKS.md, "Progress").
 * Beside it, the `months` store holds each month's total (the sum of its days, the same shape), so
 * Progress reads every day of the last year or so but only one total for each month before it:
 * what it shows of older months is sums (turned back ever, urges by month and year). Ten years then
 * read about 400 days and 110 totals rather than 3,650 days.
 * Every writer of events changes the summaries in the same transaction, so both commit or neither.
 * A stamp in `meta` (how many events, and the last one in time order) says which events the
 * summaries were made from; a reader that finds another last event (something wrote events
 * without the summaries: an older build, a test, a benchmark seeding the store) rebuilds them from
 * the events before using them, and one that then counts another number of events rebuilds them and
 * says so (see `readSummaries`), so a summary never silently disagrees with the events.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import { localClock, monthOf, monthStart, type LocalClock, type LocalTime as LocalTimeOf } from '../time/days';
import type { HistoryDB, HistorySchema } from './db';
import { applyEvent, countsInDays, emptyDay, isEmptyDay, summariseDays, type DaySummary } from './day-summary';
import type { HistoryEvent } from './event';

/** The stores a writer of events opens its transaction on. */
export const WITH_DAYS: StoreNames<HistorySchema>[] = ['events', 'days', 'months', 'meta'];

export type DaysTransaction = IDBPTransaction<HistorySchema, StoreNames<HistorySchema>[], 'readwrite' | 'versionchange'>;

/**
 * The format of the stored summaries (`PackedDay` in `days` and `months`), written with them and in
 * the stamp. Records and stamps written before formats were versioned carry none: that is version 1,
 * today's format. A later format bumps this and says here how it differs; a reader finding a stamp
 * of another format rebuilds the summaries from the events (they are derived: nothing is lost).
 */
export const DAYS_FORMAT = 1;

/** A stored record's or stamp's format: none written means version 1. */
export const formatOf = (stored: { format?: number }): number => stored.format ?? 1;

/** Which events the summaries were made from: their count and the last by time (`at`, then id). */
export interface DaysStamp {
  key: 'days';
  events: number;
  lastAt?: number;
  lastId?: string;
  /** The summaries' format (`DAYS_FORMAT`); absent in stamps written before it existed: 1. */
  format?: number;
}

/**
 * Places events on days for the summaries. An event's zone this browser does not know (a backup
 * from a newer browser) counts as UTC: the same for every writer and reader, whatever zone each
 * is in, so adding and taking away the event always touches the same day.
 */
export const FALLBACK_ZONE = 'UTC';
export const summaryClock = (): LocalClock => localClock(FALLBACK_ZONE);

/** One month's day summaries as stored: `month` is months since January 1970 (the key). */
export interface StoredMonth {
  month: number;
  /** JSON of the month's days in day order, none empty, each as a `PackedDay`. */
  days: string;
  /** `DAYS_FORMAT` when written; absent (version 1) in records written before it existed. */
  format?: number;
}

/** One month's total as stored: the sum of its days as one `PackedDay` (JSON) whose day is the month's first. */
export interface StoredMonthTotal {
  month: number;
  total: string;
  /** As `StoredMonth.format`. */
  format?: number;
}

/** Refuses a record this build cannot read, by name, rather than misread its numbers. */
function checkFormat(stored: { month: number; format?: number }, store: string): void {
  if (formatOf(stored) !== DAYS_FORMAT)
    throw new Error(`Steadfast cannot read ${store} month ${stored.month}: format ${formatOf(stored)}, this build reads ${DAYS_FORMAT}`);
}

/**
 * A day as stored: its numbers in a fixed order, then cravings, turned back per site and risky
 * moments per hour, each holding only what is not 0. Ten years of the benchmark's history are
 * 512 K characters this way, 1.1 M as objects: under half as much to read when Progress opens.
 */
type PackedDay = [...number[], Record<string, number>, Record<string, number>, Record<string, number>];

function packDay(d: DaySummary): PackedDay {
  const o = d.outcomes;
  const risky: Record<string, number> = {};
  d.risky.forEach((n, hour) => {
    if (n !== 0) risky[hour] = n;
  });
  return [
    d.day,
    d.setbacks,
    d.urges,
    d.urgeBefore,
    d.afters,
    d.urgeAfter,
    d.pairBefore,
    d.fell,
    o.shown,
    o.left,
    o.continued,
    o.closed,
    d.cravings,
    d.turnedBack,
    risky,
  ];
}

function unpackDay(p: PackedDay): DaySummary {
  const [day, setbacks, urges, urgeBefore, afters, urgeAfter, pairBefore, fell, shown, left, continued, closed] = p as number[];
  const [cravings, turnedBack, sparse] = p.slice(12) as Record<string, number>[];
  const risky = new Array<number>(24).fill(0);
  for (const hour in sparse) risky[Number(hour)] = sparse[hour]!;
  return {
    day: day!,
    cravings: cravings!,
    setbacks: setbacks!,
    urges: urges!,
    urgeBefore: urgeBefore!,
    afters: afters!,
    urgeAfter: urgeAfter!,
    pairBefore: pairBefore!,
    fell: fell!,
    outcomes: { shown: shown!, left: left!, continued: continued!, closed: closed! },
    turnedBack: turnedBack!,
    risky,
  };
}

const unpackMonth = (m: StoredMonth): DaySummary[] => {
  checkFormat(m, 'days');
  return (JSON.parse(m.days) as PackedDay[]).map(unpackDay);
};

/** Adds one day summary (or total) into another, in place: a month's total is its days added up. */
function addInto(total: DaySummary, d: DaySummary): void {
  total.setbacks += d.setbacks;
  total.urges += d.urges;
  total.urgeBefore += d.urgeBefore;
  total.afters += d.afters;
  total.urgeAfter += d.urgeAfter;
  total.pairBefore += d.pairBefore;
  total.fell += d.fell;
  for (const k of ['shown', 'left', 'continued', 'closed'] as const) total.outcomes[k] += d.outcomes[k];
  for (const [k, n] of Object.entries(d.cravings)) total.cravings[k] = (total.cravings[k] ?? 0) + n;
  for (const [k, n] of Object.entries(d.turnedBack)) total.turnedBack[k] = (total.turnedBack[k] ?? 0) + n;
  d.risky.forEach((n, hour) => (total.risky[hour]! += n));
}

/** Each month's total of some day summaries, in month order, as the `months` store must hold them. */
export function monthTotals(days: readonly DaySummary[]): DaySummary[] {
  const totals = new Map<number, DaySummary>();
  for (const d of days) {
    const month = monthOf(d.day);
    let total = totals.get(month);
    if (!total) totals.set(month, (total = emptyDay(monthStart(month))));
    addInto(total, d);
  }
  return [...totals.values()].filter((t) => !isEmptyDay(t)).sort((a, b) => a.day - b.day);
}

const unpackTotal = (m: StoredMonthTotal): DaySummary => {
  checkFormat(m, 'months');
  return unpackDay(JSON.parse(m.total) as PackedDay);
};
const storedTotal = (month: number, total: DaySummary): StoredMonthTotal => ({ month, total: JSON.stringify(packDay(total)), format: DAYS_FORMAT });

/** Month totals as stored, in month order. */
export function totalsOfMonths(months: readonly StoredMonthTotal[]): DaySummary[] {
  return [...months].sort((a, b) => a.month - b.month).map(unpackTotal);
}

function storedMonth(month: number, days: readonly DaySummary[]): StoredMonth {
  return {
    month,
    days: JSON.stringify(
      [...days]
        .filter((d) => !isEmptyDay(d))
        .sort((a, b) => a.day - b.day)
        .map(packDay),
    ),
    format: DAYS_FORMAT,
  };
}

/** Every day summary in stored months, in day order. */
export function daysOfMonths(months: readonly StoredMonth[]): DaySummary[] {
  return [...months].sort((a, b) => a.month - b.month).flatMap(unpackMonth);
}

function byMonth(days: readonly DaySummary[]): Map<number, DaySummary[]> {
  const months = new Map<number, DaySummary[]>();
  for (const d of days) {
    const month = monthOf(d.day);
    months.set(month, [...(months.get(month) ?? []), d]);
  }
  return months;
}

/** Takes `removed` out of their days and adds `added` to theirs, within `tx`. */
export async function applyToDays(
  tx: DaysTransaction,
  removed: readonly HistoryEvent[],
  added: readonly HistoryEvent[],
  clock: LocalClock = summaryClock(),
): Promise<void> {
  const changes = new Map<number, [HistoryEvent, LocalTimeOf, 1 | -1][]>();
  const note = (event: HistoryEvent, sign: 1 | -1) => {
    if (!countsInDays(event)) return;
    const local = clock(event.at, event.tz);
    const month = monthOf(local.day);
    changes.set(month, [...(changes.get(month) ?? []), [event, local, sign]]);
  };
  for (const e of removed) note(e, -1);
  for (const e of added) note(e, 1);
  const store = tx.objectStore('days');
  const totals = tx.objectStore('months');
  await Promise.all(
    [...changes].map(async ([month, list]) => {
      const [stored, storedSum] = await Promise.all([store.get(month), totals.get(month)]);
      // A month of another format is never misread nor lost: the event is still written, and with the
      // stamp gone the next reader makes the summaries again from the events.
      if ((stored && formatOf(stored) !== DAYS_FORMAT) || (storedSum && formatOf(storedSum) !== DAYS_FORMAT)) {
        await tx.objectStore('meta').delete('days');
        return;
      }
      const days = new Map((stored ? unpackMonth(stored) : []).map((d) => [d.day, d]));
      const total = storedSum ? unpackTotal(storedSum) : emptyDay(monthStart(month));
      for (const [event, { day, hour }, sign] of list) {
        let summary = days.get(day);
        if (!summary) days.set(day, (summary = emptyDay(day)));
        applyEvent(summary, event, hour, sign);
        applyEvent(total, event, hour, sign);
      }
      const next = storedMonth(month, [...days.values()]);
      await Promise.all([
        next.days === '[]' ? store.delete(month) : store.put(next),
        isEmptyDay(total) ? totals.delete(month) : totals.put(storedTotal(month, total)),
      ]);
    }),
  );
}

/** The stamp of the events as they are in `tx` now. */
async function currentStamp(tx: IDBPTransaction<HistorySchema, StoreNames<HistorySchema>[], IDBTransactionMode>): Promise<DaysStamp> {
  const events = tx.objectStore('events');
  const [count, last] = await Promise.all([events.count(), events.index('by-time').openKeyCursor(null, 'prev')]);
  return { key: 'days', events: count, lastAt: last?.key, lastId: last?.primaryKey, format: DAYS_FORMAT };
}

/** Stamps the summaries as made from the events as they are now (after a replace or merge). */
export async function stampDays(tx: DaysTransaction): Promise<void> {
  await tx.objectStore('meta').put(await currentStamp(tx));
}

const later = (at: number, id: string, stamp: DaysStamp) =>
  stamp.lastAt === undefined || at > stamp.lastAt || (at === stamp.lastAt && id > (stamp.lastId ?? ''));

/**
 * Moves the stamp on by events just added, without counting the store again (the pause page adds
 * one on every visit). A stamp that was already stale stays stale, so the next reader rebuilds.
 */
export async function stampAdded(tx: DaysTransaction, added: readonly HistoryEvent[]): Promise<void> {
  if (added.length === 0) return;
  const meta = tx.objectStore('meta');
  const stamp = await meta.get('days');
  if (!stamp) return; // No stamp: the next reader rebuilds anyway.
  let { lastAt, lastId } = stamp;
  for (const e of added) {
    if (later(e.at, e.id, { key: 'days', events: 0, lastAt, lastId })) [lastAt, lastId] = [e.at, e.id];
  }
  await meta.put({ ...stamp, events: stamp.events + added.length, lastAt, lastId });
}

/** Makes the summaries again from every event, within `tx`, and stamps them. */
export async function rebuildDays(tx: DaysTransaction, clock: LocalClock = summaryClock()): Promise<DaySummary[]> {
  const events = await tx.objectStore('events').getAll();
  const summaries = summariseDays(events, clock);
  const store = tx.objectStore('days');
  const totals = tx.objectStore('months');
  const months = [...byMonth(summaries)].map(([month, days]) => storedMonth(month, days));
  await Promise.all([
    store.clear(),
    totals.clear(),
    ...months.map((m) => store.put(m)),
    ...monthTotals(summaries).map((total) => totals.put(storedTotal(monthOf(total.day), total))),
    stampDays(tx),
  ]);
  return summaries;
}

/** The summaries from one month on, day by day, and the months before it as totals. */
export interface Summaries {
  /** Every day's summary from the first day of `fromMonth`, oldest first. */
  days: DaySummary[];
  /** Each earlier month's total (its `day` the month's first), oldest first. */
  earlier: DaySummary[];
}

/** Splits day summaries as `readSummaries` returns them. */
export function splitSummaries(days: readonly DaySummary[], fromMonth: number): Summaries {
  if (!Number.isFinite(fromMonth)) return { days: [...days], earlier: [] };
  const from = monthStart(fromMonth);
  return { days: days.filter((d) => d.day >= from), earlier: monthTotals(days.filter((d) => d.day < from)) };
}

/** What `readSummaries` gives: the summaries, and the count of the events still to come. */
export interface SummariesRead extends Summaries {
  /**
   * Settles once the events are counted against the stamp: null when the summaries were made from
   * them all, else the summaries made again from the events. Counting 25,000 events takes Chromium
   * about 15 ms (IndexedDB walks them), so a page can draw first and check after.
   */
  recount: Promise<Summaries | null>;
}

/**
 * The days from `fromMonth` on and the totals of the months before it, read in one transaction
 * with the stamp. When the stamp's last event is not the events' last, they are rebuilt from the
 * events first (one readwrite transaction); the count (an event taken away or put in the past by
 * something that left the summaries alone) comes after, in `recount`. With `fromMonth` -Infinity,
 * every day.
 */
export async function readSummaries(db: HistoryDB, fromMonth = -Infinity, clock: LocalClock = summaryClock()): Promise<SummariesRead> {
  const tx = db.transaction(WITH_DAYS);
  const events = tx.objectStore('events');
  const recent = Number.isFinite(fromMonth) ? IDBKeyRange.lowerBound(fromMonth) : undefined;
  const before = Number.isFinite(fromMonth) ? IDBKeyRange.upperBound(fromMonth, true) : undefined;
  const reads = Promise.all([
    tx.objectStore('days').getAll(recent),
    before ? tx.objectStore('months').getAll(before) : [],
    tx.objectStore('meta').get('days'),
    events.index('by-time').openKeyCursor(null, 'prev'),
  ]);
  // Requests in a transaction run in order: asked last, the count keeps none of the reads waiting.
  const counted = events.count();
  counted.catch(() => {}); // Not awaited when the summaries are rebuilt at once.
  const [days, earlier, stamp, last] = await reads;
  const rebuild = async () => {
    const write = db.transaction(WITH_DAYS, 'readwrite');
    const [rebuilt] = await Promise.all([rebuildDays(write, clock), write.done]);
    return splitSummaries(rebuilt, fromMonth);
  };
  // Summaries of another format (written by a newer or older build) are made again from the events.
  const foreign = [stamp, ...days, ...earlier].some((stored) => stored !== undefined && formatOf(stored) !== DAYS_FORMAT);
  if (!stamp || foreign || stamp.lastAt !== last?.key || stamp.lastId !== last?.primaryKey) return { ...(await rebuild()), recount: Promise.resolve(null) };
  return {
    days: daysOfMonths(days),
    earlier: totalsOfMonths(earlier),
    recount: counted.then((count) => (count === stamp.events ? null : rebuild())),
  };
}

/** Every day's summary, oldest first, once checked against the events (see `readSummaries`). */
export async function readDays(db: HistoryDB, clock: LocalClock = summaryClock()): Promise<DaySummary[]> {
  const read = await readSummaries(db, -Infinity, clock);
  return ((await read.recount) ?? read).days;
}

/** The day summaries of the months `from` to `to` (both included), as stored, oldest first. */
export async function readMonths(db: HistoryDB, from: number, to: number): Promise<DaySummary[]> {
  const months = await db.getAll('days', IDBKeyRange.bound(from, to));
  if (months.every((m) => formatOf(m) === DAYS_FORMAT)) return daysOfMonths(months);
  // Another format (see DAYS_FORMAT): made again from the events, never misread.
  const write = db.transaction(WITH_DAYS, 'readwrite');
  const [rebuilt] = await Promise.all([rebuildDays(write), write.done]);
  return rebuilt.filter((d) => monthOf(d.day) >= from && monthOf(d.day) <= to);
}
