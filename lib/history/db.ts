import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { rebuildDays, type DaysStamp, type StoredMonth, type StoredMonthTotal } from './days-store';
import type { EventType, HistoryEvent } from './event';
import type { WeeklyReview } from '../review/review';

/**
 * The history database. Each version is one step of `upgradeHistory`; a step never drops a store
 * holding records, and a step that fails aborts the whole upgrade, so the old data stays as it was.
 *
 * To add version 5: bump `HISTORY_VERSION`, add `if (oldVersion < 5) { … }` below (reach the
 * existing stores through `tx.objectStore(…)`), keep the old record type beside the new one, and
 * add a version 4 fixture to the table in tests/unit/history.db.test.ts.
 *
 * Every writer of events also writes the `days` summaries and their stamp in the same transaction
 * (./days-store.ts): open write transactions on `WITH_DAYS`, never on `events` alone.
 */
export const HISTORY_VERSION = 4;
export const HISTORY_DB_NAME = 'steadfast-history';

/**
 * Version 1: the events alone. Version 2 adds the derived `days` and its `meta` stamp; version 3
 * the derived `months` totals; version 4 the weekly `reviews` (lib/review/). Events are unchanged.
 */
export interface HistorySchemaV1 extends DBSchema {
  events: HistorySchema['events'];
}

/** Version 3 (and 2, without `months`): the events and their summaries, before the reviews. */
export type HistorySchemaV3 = Omit<HistorySchema, 'reviews'>;

export interface HistorySchema extends DBSchema {
  events: {
    key: string;
    value: HistoryEvent;
    indexes: {
      'by-time': number;
      'by-type': EventType;
      /** One type in time order: ranges, latest and counts without reading other types. */
      'by-type-time': [EventType, number];
    };
  };
  /** Per-day summaries derived from `events`, a record a month (./day-summary.ts, ./days-store.ts): what Progress reads. */
  days: {
    key: number;
    value: StoredMonth;
  };
  /** Each month's total of its days (./days-store.ts): what Progress reads for months before the last year. */
  months: {
    key: number;
    value: StoredMonthTotal;
  };
  /** The person's weekly reviews (lib/review/review.ts), written in the review page. Added in version 4. */
  reviews: {
    key: string;
    value: WeeklyReview;
    indexes: { 'by-time': number };
  };
  /** `days` and `months`: which events the summaries were made from. */
  meta: {
    key: string;
    value: DaysStamp;
  };
}

export type HistoryDB = IDBPDatabase<HistorySchema>;
type UpgradeTransaction = IDBPTransaction<HistorySchema, StoreNames<HistorySchema>[], 'versionchange'>;

/** The ladder. `tx` is the upgrade's own transaction: later steps migrate existing records through it. */
export function upgradeHistory(db: HistoryDB, oldVersion: number, tx: UpgradeTransaction): void {
  if (oldVersion < 1) {
    const events = db.createObjectStore('events', { keyPath: 'id' });
    events.createIndex('by-time', 'at');
    events.createIndex('by-type', 'type');
    events.createIndex('by-type-time', ['type', 'at']);
  }
  if (oldVersion < 2) {
    db.createObjectStore('days', { keyPath: 'month' });
    db.createObjectStore('meta', { keyPath: 'key' });
  }
  if (oldVersion < 3) {
    db.createObjectStore('months', { keyPath: 'month' });
    // Summarise the events already here inside the upgrade (days and months both): if it fails,
    // the upgrade aborts and the old version stays as it was. Events are only read.
    rebuildDays(tx).catch(() => tx.abort());
  }
  if (oldVersion < 4) {
    // A new store, empty: nothing older is read or changed.
    const reviews = db.createObjectStore('reviews', { keyPath: 'id' });
    reviews.createIndex('by-time', 'at');
  }
}

/** Opening the history failed: storage is off, full, blocked or broken. `cause` says what the browser said. */
export function historyOpenError(cause: unknown): Error {
  const error = new Error('Steadfast could not open its history (IndexedDB)', { cause });
  error.name = 'HistoryOpenError';
  return error;
}

/** How long an open may wait for another page's old connection to close before it gives up. */
export const BLOCKED_GIVE_UP_MS = 5_000;

/**
 * Opens (creating or upgrading) the history: a new connection each call. Pages and the background
 * use `historyConnection()` instead, which keeps one. `factory` is for tests.
 *
 * idb's `openDB` always uses the global `indexedDB`, so this wraps `factory.open` itself. A failed
 * open rejects with a `historyOpenError`; an open still blocked by another page's old connection
 * after `blockedGiveUpMs` rejects too (and closes the connection should it open later).
 */
export function openHistory(name = HISTORY_DB_NAME, factory: IDBFactory = indexedDB, blockedGiveUpMs = BLOCKED_GIVE_UP_MS): Promise<HistoryDB> {
  return new Promise<HistoryDB>((resolve, reject) => {
    let settled = false;
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, HISTORY_VERSION);
    } catch (error) {
      reject(historyOpenError(error));
      return;
    }
    let blockedTimer: ReturnType<typeof setTimeout> | undefined;
    request.addEventListener('upgradeneeded', (event) => {
      const db = wrap(request.result) as unknown as HistoryDB;
      const tx = wrap(request.transaction as IDBTransaction) as unknown as UpgradeTransaction;
      // A step that fails aborts the upgrade; the open request's error says so (below), not this.
      tx.done.catch(() => {});
      upgradeHistory(db, event.oldVersion, tx);
    });
    request.addEventListener('blocked', () => {
      blockedTimer ??= setTimeout(() => {
        settled = true;
        reject(historyOpenError(new Error('blocked: another Steadfast page still holds an older version open')));
      }, blockedGiveUpMs);
    });
    request.addEventListener('success', () => {
      clearTimeout(blockedTimer);
      const db = wrap(request.result) as unknown as HistoryDB;
      if (settled) {
        db.close();
        return;
      }
      settled = true;
      // A newer version opening in another page (after an update) waits until every old
      // connection closes; close this one rather than block it.
      db.addEventListener('versionchange', () => db.close());
      resolve(db);
    });
    request.addEventListener('error', (event) => {
      clearTimeout(blockedTimer);
      event.preventDefault();
      if (settled) return;
      settled = true;
      reject(historyOpenError(request.error));
    });
  });
}

/**
 * One connection to the history for this page (or the background), opened on first use and then
 * reused. It is let go, and opened afresh on the next call, when the open fails, when another
 * page upgrades the database (`versionchange`) or when the browser closes it (`close`).
 */
export function historyConnections(open: () => Promise<HistoryDB> = () => openHistory()): {
  get: () => Promise<HistoryDB>;
  /** Closes the kept connection (if any); the next `get` opens a new one. */
  close: () => Promise<void>;
} {
  let kept: Promise<HistoryDB> | undefined;
  const forget = (which: Promise<HistoryDB>) => {
    if (kept === which) kept = undefined;
  };
  const get = () => {
    if (kept) return kept;
    const opening = open();
    kept = opening;
    opening.then(
      (db) => {
        db.addEventListener('versionchange', () => forget(opening));
        db.addEventListener('close', () => forget(opening));
      },
      () => forget(opening),
    );
    return opening;
  };
  const close = async () => {
    const which = kept;
    kept = undefined;
    if (which) (await which.catch(() => undefined))?.close();
  };
  return { get, close };
}

const shared = historyConnections();

/** This page's connection to the history: the one place pages and the background get it from. */
export const historyConnection: () => Promise<HistoryDB> = shared.get;

/** Lets this page's connection go (the next `historyConnection()` opens afresh): for tests, and a page about to restore. */
export const closeHistoryConnection: () => Promise<void> = shared.close;
