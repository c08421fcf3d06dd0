import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { HISTORY_DB_NAME, HISTORY_VERSION, openHistory, type HistoryDB } from '../../lib/history/db';
import { summariseDays } from '../../lib/history/day-summary';
import { daysOfMonths, monthTotals, readDays, totalsOfMonths } from '../../lib/history/days-store';
import type { HistoryEvent } from '../../lib/history/event';
import { addEvent } from '../../lib/history/events';
import { localClock } from '../../lib/time/days';

/** The shape every upgrade must end in: store, key path and indexes of the current version. */
const CURRENT_SCHEMA = {
  events: {
    keyPath: 'id',
    indexes: { 'by-time': 'at', 'by-type': 'type', 'by-type-time': ['type', 'at'] },
  },
  days: { keyPath: 'month', indexes: {} },
  months: { keyPath: 'month', indexes: {} },
  meta: { keyPath: 'key', indexes: {} },
  reviews: { keyPath: 'id', indexes: { 'by-time': 'at' } },
};

/** A weekly review in the version 4 shape. */
const V4_REVIEW = {
  id: 'r1',
  at: Date.parse('2026-03-29T19:00:00Z'),
  tz: 'Europe/London',
  weekEnding: '2026-03-29',
  wentWell: 'Three check-ins.',
  wasHard: 'Friday night.',
  planChange: 'Ring Sam on Fridays.',
  appliedTo: 'ifThenSteps',
};

/** One record of each kind, in the version 1 shape (versions 2 and 3 keep it: they only add derived stores). */
const V1_RECORDS = [
  {
    id: 'c1',
    type: 'checkin',
    at: Date.parse('2026-03-29T08:00:00Z'),
    tz: 'Europe/London',
    mood: 4,
    craving: 2,
    halt: { hungry: false, angry: false, lonely: true, tired: true },
    note: 'Slept badly.',
  },
  {
    id: 's1',
    type: 'setback',
    at: Date.parse('2026-03-20T22:00:00Z'),
    tz: 'Europe/London',
    whatHappened: 'A party.',
    whatIllChange: 'Leave by ten.',
  },
  { id: 'i1', type: 'intervention', at: Date.parse('2026-03-21T10:00:00Z'), tz: 'Europe/London', site: 'example.com', outcome: 'left' },
  { id: 'u1', type: 'urge', at: Date.parse('2026-03-22T10:00:00Z'), tz: 'Asia/Tokyo', before: 8, after: 3, minutes: 12 },
  {
    id: 'milestone:2026-03-21:1',
    type: 'milestone',
    at: Date.parse('2026-03-21T09:00:00Z'),
    tz: 'Europe/London',
    days: 1,
    reachedOn: '2026-03-21',
    celebrated: true,
  },
];

/**
 * One entry per version a person may still have on disk, 0 being a first install. `create` is a
 * frozen copy of that version's schema written with the raw IndexedDB API (never today's code, so
 * editing the ladder cannot change the fixture), `records` are in that version's shape, and
 * `upgraded` says what each record must look like at the current version.
 *
 * Adding version 2 means adding one entry here (and updating the `upgraded` of older entries if v2
 * changes the records' shape).
 */
interface OldVersion {
  name: string;
  version: number;
  create(db: IDBDatabase): void;
  records: readonly object[];
  upgraded(record: object): HistoryEvent;
  /** Records of that version's other stores (version 4's reviews), kept as they are. */
  reviews?: readonly object[];
}

/** Version 1's events store, frozen: every later version kept it as it was. */
function createV1Events(db: IDBDatabase): void {
  const events = db.createObjectStore('events', { keyPath: 'id' });
  events.createIndex('by-time', 'at');
  events.createIndex('by-type', 'type');
  events.createIndex('by-type-time', ['type', 'at']);
}

/** Version 3's stores, frozen: version 4 kept them as they were. */
function createV3Stores(db: IDBDatabase): void {
  createV1Events(db);
  db.createObjectStore('days', { keyPath: 'month' });
  db.createObjectStore('months', { keyPath: 'month' });
  db.createObjectStore('meta', { keyPath: 'key' });
}

const OLD_VERSIONS: OldVersion[] = [
  { name: 'nothing (a first install)', version: 0, create: () => {}, records: [], upgraded: (r) => r as HistoryEvent },
  {
    name: 'version 1',
    version: 1,
    create(db) {
      createV1Events(db);
    },
    records: V1_RECORDS,
    upgraded: (r) => r as HistoryEvent,
  },
  {
    // Version 2's stores, with events written by something that left the summaries alone (an
    // older build, a benchmark seeding the store): the first read must make them.
    name: 'version 2 (summaries missing)',
    version: 2,
    create(db) {
      createV1Events(db);
      db.createObjectStore('days', { keyPath: 'month' });
      db.createObjectStore('meta', { keyPath: 'key' });
    },
    records: V1_RECORDS,
    upgraded: (r) => r as HistoryEvent,
  },
  {
    name: 'version 3 (summaries missing)',
    version: 3,
    create: createV3Stores,
    records: V1_RECORDS,
    upgraded: (r) => r as HistoryEvent,
  },
  {
    name: 'version 4 (summaries missing, a review kept)',
    version: 4,
    create(db) {
      createV3Stores(db);
      db.createObjectStore('reviews', { keyPath: 'id' }).createIndex('by-time', 'at');
    },
    records: V1_RECORDS,
    upgraded: (r) => r as HistoryEvent,
    reviews: [V4_REVIEW],
  },
];

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Builds the database exactly as an old version left it, records and all. */
async function writeOldVersion(
  factory: IDBFactory,
  { version, create, records, reviews = [] }: OldVersion,
  stores: Record<string, readonly object[]> = {},
): Promise<void> {
  if (version === 0) return; // Nothing on disk yet.
  const open = factory.open(HISTORY_DB_NAME, version);
  open.onupgradeneeded = () => create(open.result);
  const db = await request(open);
  const all: Record<string, readonly object[]> = { events: records, ...(reviews.length > 0 ? { reviews } : {}), ...stores };
  const tx = db.transaction(Object.keys(all), 'readwrite');
  for (const [store, values] of Object.entries(all)) for (const record of values) tx.objectStore(store).add(record);
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

function schemaOf(db: HistoryDB) {
  const schema: Record<string, { keyPath: unknown; indexes: Record<string, unknown> }> = {};
  const tx = db.transaction([...db.objectStoreNames]);
  for (const name of db.objectStoreNames) {
    const store = tx.objectStore(name);
    const indexes: Record<string, unknown> = {};
    for (const index of store.indexNames) indexes[index] = store.index(index).keyPath;
    schema[name] = { keyPath: store.keyPath, indexes };
  }
  return schema;
}

describe('upgrading the history', () => {
  test('there is a fixture for every version up to the current one', () => {
    expect(OLD_VERSIONS.map((v) => v.version)).toEqual([...Array(HISTORY_VERSION + 1).keys()]);
  });

  test.each(OLD_VERSIONS)('from $name keeps every record', async (old) => {
    const factory = new IDBFactory();
    await writeOldVersion(factory, old);

    const db = await openHistory(HISTORY_DB_NAME, factory);
    expect(db.version).toBe(HISTORY_VERSION);
    expect(schemaOf(db)).toEqual(CURRENT_SCHEMA);

    const expected = old.records.map(old.upgraded).sort((a, b) => a.id.localeCompare(b.id));
    expect(await db.getAll('events')).toEqual(expected);
    for (const type of ['checkin', 'setback', 'intervention', 'urge', 'milestone'] as const) {
      const count = expected.filter((e) => e.type === type).length;
      expect(await db.countFromIndex('events', 'by-type', type), type).toBe(count);
    }
    expect((await db.getAllFromIndex('events', 'by-time')).map((e) => e.id)).toEqual([...expected].sort((a, b) => a.at - b.at).map((e) => e.id));

    // The per-day summaries and month totals equal ones made afresh from the events: built by the
    // upgrade itself from versions 1 and 2, and by the first read when something else wrote the events.
    const fresh = summariseDays(expected, localClock('UTC'));
    if (old.version < 3) {
      expect(daysOfMonths(await db.getAll('days'))).toEqual(fresh);
      expect(totalsOfMonths(await db.getAll('months'))).toEqual(monthTotals(fresh));
    }
    expect(await readDays(db)).toEqual(fresh);
    expect(daysOfMonths(await db.getAll('days'))).toEqual(fresh);
    expect(totalsOfMonths(await db.getAll('months'))).toEqual(monthTotals(fresh));
    expect(await db.getAll('reviews')).toEqual(old.reviews ?? []);
    db.close();
  });

  test('from version 3 with its summaries built, the step to 4 keeps every store as it was and adds no review', async () => {
    // The summaries as version 3 made them (read back from a history that built them), written
    // with the raw API beside the events under version 3's frozen schema.
    const maker = new IDBFactory();
    await writeOldVersion(maker, OLD_VERSIONS[3]!);
    const built = await openHistory(HISTORY_DB_NAME, maker);
    await readDays(built);
    const v3Stores = { days: await built.getAll('days'), months: await built.getAll('months'), meta: await built.getAll('meta') };
    built.close();
    expect(v3Stores.days.length).toBeGreaterThan(0);
    expect(v3Stores.meta.length).toBeGreaterThan(0);

    const factory = new IDBFactory();
    await writeOldVersion(factory, OLD_VERSIONS[3]!, v3Stores);
    const db = await openHistory(HISTORY_DB_NAME, factory);
    expect(db.version).toBe(HISTORY_VERSION);
    expect(await db.getAll('events')).toEqual([...V1_RECORDS].sort((a, b) => a.id.localeCompare(b.id)));
    expect({ days: await db.getAll('days'), months: await db.getAll('months'), meta: await db.getAll('meta') }).toEqual(v3Stores);
    expect(await db.getAll('reviews')).toEqual([]);
    db.close();
  });

  test('a step that fails aborts the upgrade: version 3 stays as it was, every event kept', async () => {
    // A version 3 history where something already made a store by the name version 4 needs: the
    // step to 4 throws, so the whole upgrade aborts and opening says so.
    const factory = new IDBFactory();
    const v3 = OLD_VERSIONS[3]!;
    await writeOldVersion(factory, { ...v3, create: (db) => (v3.create(db), db.createObjectStore('reviews')) });
    await expect(openHistory(HISTORY_DB_NAME, factory)).rejects.toMatchObject({ name: 'HistoryOpenError' });
    const again = await request(factory.open(HISTORY_DB_NAME));
    expect(again.version).toBe(3);
    const events = await request(again.transaction('events').objectStore('events').getAll());
    expect(events).toEqual([...V1_RECORDS].sort((a, b) => a.id.localeCompare(b.id)));
    again.close();
  });
});

describe('openHistory', () => {
  test('importing the module opens nothing', async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(HISTORY_DB_NAME);
  });

  test('what is written survives closing and reopening', async () => {
    const factory = new IDBFactory();
    const first = await openHistory(HISTORY_DB_NAME, factory);
    await addEvent(first, { type: 'urge', before: 7 }, 1_000, 'Europe/London');
    await addEvent(first, { type: 'intervention', site: 'example.com', outcome: 'closed' }, 2_000, 'Europe/London');
    first.close();

    const again = await openHistory(HISTORY_DB_NAME, factory);
    expect((await again.getAll('events')).map((e) => [e.type, e.at]).sort()).toEqual([
      ['intervention', 2_000],
      ['urge', 1_000],
    ]);
    again.close();
  });

  test('uses the name it is given, so tests and benchmarks stay apart', async () => {
    const factory = new IDBFactory();
    (await openHistory('bench-history', factory)).close();
    expect((await factory.databases()).map((d) => d.name)).toEqual(['bench-history']);
  });

  test('steps aside for a newer version opened elsewhere instead of blocking it', async () => {
    const factory = new IDBFactory();
    const db = await openHistory(HISTORY_DB_NAME, factory);
    const newer = factory.open(HISTORY_DB_NAME, HISTORY_VERSION + 1);
    let blocked = false;
    newer.onblocked = () => {
      blocked = true;
    };
    const opened = await request(newer);
    expect(blocked).toBe(false);
    expect(opened.version).toBe(HISTORY_VERSION + 1);
    opened.close();
    await expect(db.get('events', 'x')).rejects.toThrow();
  });
});
