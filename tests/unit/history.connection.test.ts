import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { HISTORY_VERSION, historyConnections, openHistory } from '../../lib/history/db';

/** A factory whose `open` fails the way a browser with storage turned off does. */
function refusingFactory(): IDBFactory {
  const factory = new IDBFactory();
  factory.open = () => {
    throw new DOMException('The user denied permission to access the database.', 'InvalidStateError');
  };
  return factory;
}

describe('one connection to the history per page', () => {
  test('is opened once and reused by every caller', async () => {
    const factory = new IDBFactory();
    let opens = 0;
    const connections = historyConnections(() => {
      opens += 1;
      return openHistory('reuse', factory);
    });
    const [a, b] = await Promise.all([connections.get(), connections.get()]);
    const c = await connections.get();
    expect(opens).toBe(1);
    expect(a).toBe(b);
    expect(c).toBe(a);
    await connections.close();
  });

  test('closes itself when another page upgrades the history, and the next call opens afresh', async () => {
    const factory = new IDBFactory();
    let opens = 0;
    const connections = historyConnections(() => {
      opens += 1;
      return openHistory('upgrade', factory);
    });
    const first = await connections.get();
    // Another page with a newer version: it opens only if this page lets go (no `blocked` wait).
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open('upgrade', HISTORY_VERSION + 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    expect(newer.version).toBe(HISTORY_VERSION + 1);
    newer.close();
    const second = connections.get();
    expect(opens).toBe(2);
    expect(await second.catch((error: unknown) => error)).not.toBe(first);
  });

  test('a failed open rejects with a clear error, and the next call tries again', async () => {
    let opens = 0;
    let factory = refusingFactory();
    const connections = historyConnections(() => {
      opens += 1;
      return openHistory('fails', factory);
    });
    const error = await connections.get().catch((e: unknown) => e);
    expect((error as Error).name).toBe('HistoryOpenError');
    expect((error as Error).message).toMatch(/could not open its history/);
    expect((error as Error).cause).toBeInstanceOf(DOMException);
    factory = new IDBFactory();
    const db = await connections.get();
    expect(opens).toBe(2);
    expect(db.objectStoreNames.contains('events')).toBe(true);
    await connections.close();
  });

  test('an open blocked by an old connection that never closes gives up with a clear error', async () => {
    const factory = new IDBFactory();
    // An old page that ignores `versionchange` (not Steadfast's own code, which closes).
    const old = await new Promise<IDBDatabase>((resolve) => {
      const request = factory.open('blocked', 1);
      request.onupgradeneeded = () => {
        const events = request.result.createObjectStore('events', { keyPath: 'id' });
        events.createIndex('by-time', 'at');
        events.createIndex('by-type', 'type');
        events.createIndex('by-type-time', ['type', 'at']);
      };
      request.onsuccess = () => resolve(request.result);
    });
    const error = await openHistory('blocked', factory, 20).catch((e: unknown) => e);
    expect((error as Error).name).toBe('HistoryOpenError');
    expect(String((error as Error).cause)).toMatch(/blocked/);
    old.close();
  });

  test('an upgrade that aborts rejects with a clear error', async () => {
    const factory = new IDBFactory();
    const newer = await new Promise<IDBDatabase>((resolve) => {
      const request = factory.open('downgrade', HISTORY_VERSION + 5);
      request.onsuccess = () => resolve(request.result);
    });
    newer.close();
    // A version lower than the one on disk (an older Steadfast after a newer one) cannot open.
    const error = await openHistory('downgrade', factory).catch((e: unknown) => e);
    expect((error as Error).name).toBe('HistoryOpenError');
  });
});
