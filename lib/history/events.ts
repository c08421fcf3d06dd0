import type { HistoryDB } from './db';
import { applyToDays, stampAdded, stampDays, WITH_DAYS } from './days-store';
import type { EventOf, EventType, HistoryEvent, NewEvent } from './event';
import { currentTimeZone } from '../time/days';

/** A span of time in ms since the epoch: `from` included, `to` left out. Either end may be open. */
export interface TimeRange {
  from?: number;
  to?: number;
}

function typeRange(type: EventType, { from = -Infinity, to = Infinity }: TimeRange = {}): IDBKeyRange | undefined {
  if (!(from < to)) return undefined;
  return IDBKeyRange.bound([type, from], [type, to], false, true);
}

/** Adds one event, filling `id`, `at` and `tz` when the caller left them out, and its day's summary with it. */
export async function addEvent<T extends EventType>(
  db: HistoryDB,
  event: NewEvent<EventOf<T>> & { type: T },
  now = Date.now(),
  timeZone = currentTimeZone(),
): Promise<EventOf<T>> {
  // TypeScript cannot follow a spread through the generic union; the parameter's type already checked the fields.
  const filled = { ...event, id: event.id ?? crypto.randomUUID(), at: event.at ?? now, tz: event.tz ?? timeZone };
  const stored = filled as unknown as EventOf<T>;
  const tx = db.transaction(WITH_DAYS, 'readwrite');
  await Promise.all([tx.objectStore('events').add(stored), applyToDays(tx, [], [stored]), stampAdded(tx, [stored]), tx.done]);
  return stored;
}

/** Events of one type in time order, oldest first. */
export async function eventsByType<T extends EventType>(db: HistoryDB, type: T, range?: TimeRange): Promise<EventOf<T>[]> {
  const keys = typeRange(type, range);
  if (!keys) return [];
  const events = await db.getAllFromIndex('events', 'by-type-time', keys);
  return events.filter((e): e is EventOf<T> => e.type === type);
}

/** Every event from `from` (included) to `to` (left out), oldest first. */
export async function eventsBetween(db: HistoryDB, from: number, to: number): Promise<HistoryEvent[]> {
  if (!(from < to)) return [];
  return db.getAllFromIndex('events', 'by-time', IDBKeyRange.bound(from, to, false, true));
}

/** The most recent event of one type, or undefined if there is none. */
export async function latest<T extends EventType>(db: HistoryDB, type: T): Promise<EventOf<T> | undefined> {
  const cursor = await db.transaction('events').store.index('by-type-time').openCursor(typeRange(type), 'prev');
  const event = cursor?.value;
  return event?.type === type ? (event as EventOf<T>) : undefined;
}

/** How many events of one type, in all or within a range ("you turned back 14 times this month"). */
export async function countByType(db: HistoryDB, type: EventType, range?: TimeRange): Promise<number> {
  if (!range) return db.countFromIndex('events', 'by-type', type);
  const keys = typeRange(type, range);
  return keys ? db.countFromIndex('events', 'by-type-time', keys) : 0;
}

/**
 * Changes some fields of one event (a setback's reflections, a milestone celebrated) and its day's
 * summary in one transaction. Returns the stored event, or undefined when there is no event of
 * that type and id, or `only` (asked inside the transaction) says to leave it as it is.
 */
export async function updateEvent<T extends EventType>(
  db: HistoryDB,
  id: string,
  type: T,
  change: Partial<Omit<EventOf<T>, 'id' | 'type'>>,
  only: (current: EventOf<T>) => boolean = () => true,
): Promise<EventOf<T> | undefined> {
  const tx = db.transaction(WITH_DAYS, 'readwrite');
  const events = tx.objectStore('events');
  const current = await events.get(id);
  if (current?.type !== type || !only(current as EventOf<T>)) {
    await tx.done;
    return undefined;
  }
  const updated = { ...current, ...change, id, type } as EventOf<T>;
  await Promise.all([
    events.put(updated),
    applyToDays(tx, [current], [updated]),
    // A new time may change which event is last; the count stays.
    updated.at === current.at ? undefined : stampDays(tx),
    tx.done,
  ]);
  return updated;
}
