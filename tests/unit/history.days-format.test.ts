import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { openHistory, type HistoryDB } from '../../lib/history/db';
import { DAYS_FORMAT, formatOf, readDays, readSummaries, type DaysStamp, type StoredMonth, type StoredMonthTotal } from '../../lib/history/days-store';
import type { HistoryEvent } from '../../lib/history/event';
import { addEvent } from '../../lib/history/events';

/*
 * The packed days store's format version (lib/history/days-store.ts). The fixture below is exactly
 * what Steadfast wrote before formats were versioned (captured from that build: a check-in, an urge
 * and a pause-page visit in March and April 2026): no `format` anywhere. It must read as version 1,
 * as it is, without being rebuilt.
 */
const V1_EVENTS: HistoryEvent[] = [
  { type: 'checkin', mood: 2, craving: 6, halt: { hungry: false, angry: false, lonely: true, tired: false }, id: 'c1', at: 1774819800000, tz: 'Europe/London' },
  { type: 'intervention', site: 'example.com', outcome: 'left', id: 'i1', at: 1775116800000, tz: 'Asia/Tokyo' },
  { type: 'urge', before: 8, after: 3, minutes: 12, id: 'u1', at: 1774908600000, tz: 'Europe/London' },
];
const V1_DAYS: StoredMonth[] = [
  { month: 674, days: '[[20541,0,0,0,0,0,0,0,0,0,0,0,{"6":1},{},{}],[20542,0,1,8,1,3,8,1,0,0,0,0,{},{},{"23":1}]]' },
  { month: 675, days: '[[20545,0,0,0,0,0,0,0,0,1,0,0,{},{"example.com":1},{"17":1}]]' },
];
const V1_MONTHS: StoredMonthTotal[] = [
  { month: 674, total: '[20513,0,1,8,1,3,8,1,0,0,0,0,{"6":1},{},{"23":1}]' },
  { month: 675, total: '[20544,0,0,0,0,0,0,0,0,1,0,0,{},{"example.com":1},{"17":1}]' },
];
const V1_STAMP: DaysStamp = { key: 'days', events: 3, lastAt: 1775116800000, lastId: 'i1' };

async function historyWith(days: StoredMonth[], months: StoredMonthTotal[], stamp: DaysStamp): Promise<HistoryDB> {
  const db = await openHistory('format', new IDBFactory());
  const tx = db.transaction(['events', 'days', 'months', 'meta'], 'readwrite');
  await Promise.all([
    ...V1_EVENTS.map((e) => tx.objectStore('events').put(e)),
    ...days.map((d) => tx.objectStore('days').put(d)),
    ...months.map((m) => tx.objectStore('months').put(m)),
    tx.objectStore('meta').put(stamp),
    tx.done,
  ]);
  return db;
}

describe('the days store format', () => {
  test('records and stamps without a format are version 1, today’s format', () => {
    expect(DAYS_FORMAT).toBe(1);
    expect(formatOf(V1_DAYS[0]!)).toBe(1);
    expect(formatOf(V1_STAMP)).toBe(1);
  });

  test('today’s unversioned bytes are read as they are, without a rebuild', async () => {
    const db = await historyWith(V1_DAYS, V1_MONTHS, V1_STAMP);
    const read = await readSummaries(db, 675);
    expect(await read.recount).toBeNull();
    expect(read.days.map((d) => [d.day, d.outcomes.left, d.turnedBack, d.risky[17]])).toEqual([[20545, 1, { 'example.com': 1 }, 1]]);
    expect(read.earlier).toHaveLength(1);
    expect(read.earlier[0]).toMatchObject({ day: 20513, urges: 1, urgeBefore: 8, urgeAfter: 3, cravings: { 6: 1 } });
    // Not rewritten: the records are still the bytes they were.
    expect(await db.getAll('days')).toEqual(V1_DAYS);
    expect(await db.getAll('meta')).toEqual([V1_STAMP]);
    // And they are what the events say.
    const all = await readDays(db);
    expect(all.map((d) => d.day)).toEqual([20541, 20542, 20545]);
  });

  test('a new write carries the format, and the old months beside it still read', async () => {
    const db = await historyWith(V1_DAYS, V1_MONTHS, V1_STAMP);
    await addEvent(db, { type: 'urge', before: 5, after: 2, minutes: 5 }, Date.UTC(2026, 3, 3, 12), 'Europe/London');
    const april = (await db.get('days', 675))!;
    expect(april.format).toBe(DAYS_FORMAT);
    expect((await db.get('days', 674))!.format).toBeUndefined();
    expect(((await db.get('meta', 'days')) as DaysStamp).events).toBe(4);
    expect((await readDays(db)).map((d) => d.day)).toEqual([20541, 20542, 20545, 20546]);
  });

  test('summaries of a format this build does not know are made again from the events, never misread', async () => {
    const future = V1_DAYS.map((d) => ({ ...d, days: '"packed some other way"', format: DAYS_FORMAT + 1 }));
    const db = await historyWith(future, V1_MONTHS, { ...V1_STAMP, format: DAYS_FORMAT + 1 });
    const days = await readDays(db);
    expect(days.map((d) => d.day)).toEqual([20541, 20542, 20545]);
    expect((await db.getAll('days')).every((d) => d.format === DAYS_FORMAT)).toBe(true);
    expect(formatOf((await db.get('meta', 'days'))!)).toBe(DAYS_FORMAT);
  });

  test('an event written into a month of an unknown format is kept, and the summaries are rebuilt on the next read', async () => {
    const future = V1_DAYS.map((d) => ({ ...d, days: '"packed some other way"', format: DAYS_FORMAT + 1 }));
    const db = await historyWith(future, V1_MONTHS, V1_STAMP);
    await addEvent(db, { type: 'urge', before: 5, after: 2, minutes: 5, id: 'u2' }, Date.UTC(2026, 3, 3, 12), 'Europe/London');
    expect(await db.get('events', 'u2')).toBeTruthy();
    expect((await readDays(db)).map((d) => d.day)).toEqual([20541, 20542, 20545, 20546]);
  });
});
