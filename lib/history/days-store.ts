/*
 * The `days` store: per-day summaries kept in step with the `events` store (see ./day-summary.ts).
 * Every writer of events changes the summaries in the same transaction, so both commit or neither.
 * A stamp in `meta` (how many events, and the last one in time order) says which events the
 * summaries were made from; a reader that finds another count or last event (something wrote
 * events without the summaries: an older build, a test, a benchmark seeding the store) rebuilds
 * them from the events before using them, so a summary never silently disagrees with the events.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import { localClock, type DayNumber, type LocalClock } from '../progress/local-time';
import type { HistoryDB, HistorySchema } from './db';
import { applyEvent, countsInDays, emptyDay, isEmptyDay, summariseDays, type DaySummary } from './day-summary';
import type { HistoryEvent } from './event';

/** The stores a writer of events opens its transaction on. */
export const WITH_DAYS: StoreNames<HistorySchema>[] = ['events', 'days', 'meta'];

export type DaysTransaction = IDBPTransaction<HistorySchema, StoreNames<HistorySchema>[], 'readwrite' | 'versionchange'>;

/** Which events the summaries were made from: their count and the last by time (`at`, then id). */
export interface DaysStamp {
  key: 'days';
  events: number;
  lastAt?: number;
  lastId?: string;
}

/**
 * Places events on days for the summaries. An event's zone this browser does not know (a backup
 * from a newer browser) counts as UTC: the same for every writer and reader, whatever zone each
 * is in, so adding and taking away the event always touches the same day.
 */
export const FALLBACK_ZONE = 'UTC';
export const summaryClock = (): LocalClock => localClock(FALLBACK_ZONE);

/** Takes `removed` out of their days and adds `added` to theirs, within `tx`. */
export async function applyToDays(
  tx: DaysTransaction,
  removed: readonly HistoryEvent[],
  added: readonly HistoryEvent[],
  clock: LocalClock = summaryClock(),
): Promise<void> {
  const changes = new Map<DayNumber, [HistoryEvent, number, 1 | -1][]>();
  const note = (event: HistoryEvent, sign: 1 | -1) => {
    if (!countsInDays(event)) return;
    const { day, hour } = clock(event.at, event.tz);
    changes.set(day, [...(changes.get(day) ?? []), [event, hour, sign]]);
  };
  for (const e of removed) note(e, -1);
  for (const e of added) note(e, 1);
  const days = tx.objectStore('days');
  await Promise.all(
    [...changes].map(async ([day, list]) => {
      const summary = (await days.get(day)) ?? emptyDay(day);
      for (const [event, hour, sign] of list) applyEvent(summary, event, hour, sign);
      await (isEmptyDay(summary) ? days.delete(day) : days.put(summary));
    }),
  );
}

/** The stamp of the events as they are in `tx` now. */
async function currentStamp(tx: IDBPTransaction<HistorySchema, StoreNames<HistorySchema>[], IDBTransactionMode>): Promise<DaysStamp> {
  const events = tx.objectStore('events');
  const [count, last] = await Promise.all([events.count(), events.index('by-time').openKeyCursor(null, 'prev')]);
  return { key: 'days', events: count, lastAt: last?.key, lastId: last?.primaryKey };
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
  await meta.put({ key: 'days', events: stamp.events + added.length, lastAt, lastId });
}

/** Makes the summaries again from every event, within `tx`, and stamps them. */
export async function rebuildDays(tx: DaysTransaction, clock: LocalClock = summaryClock()): Promise<DaySummary[]> {
  const events = await tx.objectStore('events').getAll();
  const summaries = summariseDays(events, clock);
  const days = tx.objectStore('days');
  await Promise.all([days.clear(), ...summaries.map((s) => days.put(s)), stampDays(tx)]);
  return summaries;
}

const sameStamp = (a: DaysStamp | undefined, b: DaysStamp) =>
  a !== undefined && a.events === b.events && a.lastAt === b.lastAt && a.lastId === b.lastId;

/**
 * Every day's summary, oldest first, read in one transaction with the stamp; rebuilt from the
 * events first (one readwrite transaction) when the stamp does not match them.
 */
export async function readDays(db: HistoryDB, clock: LocalClock = summaryClock()): Promise<DaySummary[]> {
  const tx = db.transaction(WITH_DAYS);
  const [days, stamp, now] = await Promise.all([tx.objectStore('days').getAll(), tx.objectStore('meta').get('days'), currentStamp(tx)]);
  if (sameStamp(stamp, now)) return days;
  const write = db.transaction(WITH_DAYS, 'readwrite');
  const [rebuilt] = await Promise.all([rebuildDays(write, clock), write.done]);
  return rebuilt;
}
