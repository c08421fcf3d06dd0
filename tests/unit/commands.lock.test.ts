/*
 * Two writers at once lose nothing: every command reads and writes inside the configuration lock.
 * Each scenario runs twice, with the lock and with none, and the run with none must lose an
 * update: that is the proof the scenario really interleaves, so the locked run can fail.
 */
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readBackup } from '../../lib/backup/import';
import { restoreBackup } from '../../lib/backup/restore';
import { loadStoredConfig, saveStoredConfig } from '../../lib/backup/stored-config';
import { CONFIG_LOCK, createQueueLock, lockWith, withConfigLock, type ConfigLock } from '../../lib/commands/lock';
import { openHistory } from '../../lib/history/db';
import { updatePlan } from '../../lib/plan/edits';
import { loadPlan } from '../../lib/plan/plan-item';
import { saveWait } from '../../lib/settings/edits';
import { loadSettings } from '../../lib/settings/settings-item';
import { addTrigger, importList, removeTrigger, setTriggerMode } from '../../lib/triggers/edits';
import { blocklistsItem } from '../../lib/triggers/blocklist-item';
import { pendingItem } from '../../lib/triggers/pending-item';
import type { Trigger } from '../../lib/triggers/trigger';
import { triggerListItem } from '../../lib/triggers/trigger-list';

const NOW = Date.UTC(2026, 5, 1);
const OLD = NOW - 30 * 86_400_000;
const now = async () => NOW;
/** No lock at all: what every page did before the command layer. */
const none: ConfigLock = (work) => work();

const old = (id: string, mode: Trigger['mode'] = 'pause'): Trigger => ({ id, kind: 'site', mode, display: `${id}.test`, host: `${id}.test`, addedAt: OLD });

afterEach(() => {
  vi.unstubAllGlobals();
});

interface Scenario {
  name: string;
  seed?: () => Promise<void>;
  /** Two writers started together, as two pages would. */
  race: (lock: ConfigLock) => Promise<unknown>[];
  /** Whether both updates are stored. */
  bothKept: () => Promise<boolean>;
}

const scenarios: Scenario[] = [
  {
    name: 'two pages add a trigger each',
    race: (lock) => [addTrigger('one.test', 'site', { now, lock }), addTrigger('two.test', 'site', { now, lock })],
    bothKept: async () => (await triggerListItem.getValue()).length === 2,
  },
  {
    name: 'one page adds a trigger while another switches one to Block',
    seed: () => triggerListItem.setValue([old('a')]),
    race: (lock) => [addTrigger('new.test', 'site', { now, lock }), setTriggerMode('a', 'block', { now, lock })],
    bothKept: async () => {
      const triggers = await triggerListItem.getValue();
      return triggers.length === 2 && triggers[0]?.mode === 'block';
    },
  },
  {
    name: 'one page asks to remove a trigger while another shortens the wait',
    seed: () => triggerListItem.setValue([old('a')]),
    race: (lock) => [removeTrigger('a', { now, lock }), saveWait(10, { now, lock })],
    bothKept: async () => (await pendingItem.getValue()).length === 2,
  },
  {
    name: 'a restore runs while another page adds a trigger',
    race: (lock) => {
      const read = readBackup(readFileSync(join(import.meta.dirname, '../fixtures/backups/accept-valid.json'), 'utf8'));
      if (!read.ok) throw new Error(read.message);
      // The other page adds once the restore has read what is stored (while it writes the history).
      let loaded!: () => void;
      const hasRead = new Promise<void>((resolve) => (loaded = resolve));
      const io = { load: () => loadStoredConfig().finally(loaded), save: saveStoredConfig };
      const restoring = openHistory('lock-test', new IDBFactory()).then((db) => restoreBackup(read.backup, 'merge', db, io, { now, lock }));
      return [restoring, hasRead.then(() => addTrigger('mine.test', 'site', { now, lock }))];
    },
    bothKept: async () => {
      const hosts = (await triggerListItem.getValue()).map((t) => t.host);
      return hosts.includes('mine.test') && hosts.includes('trigger.example');
    },
  },
  {
    name: 'Progress adds to the plan while the plan editor saves',
    race: (lock) => [
      updatePlan((plan) => ({ ...plan, highRiskSituations: 'Friday evenings' }), { lock }),
      updatePlan((plan) => ({ ...plan, reasons: ['Mia'] }), { lock }),
    ],
    bothKept: async () => {
      const plan = await loadPlan();
      return plan.highRiskSituations === 'Friday evenings' && plan.reasons[0] === 'Mia';
    },
  },
  {
    name: 'two pages import a list each',
    race: (lock) => [
      importList({ text: 'a.test', name: 'A', mode: 'block' }, { now, lock }),
      importList({ text: 'b.test', name: 'B', mode: 'block' }, { now, lock }),
    ],
    bothKept: async () => (await blocklistsItem.getValue()).length === 2,
  },
];

describe('two writers at once', () => {
  test.each(scenarios)('$name: with the lock nothing is lost, with none an update is lost', async ({ seed, race, bothKept }) => {
    await seed?.();
    const snapshot = await fakeBrowser.storage.local.get(null);

    await Promise.all(race(none));
    expect(await bothKept()).toBe(false);

    await fakeBrowser.storage.local.clear();
    await fakeBrowser.storage.local.set(snapshot);
    await Promise.all(race(createQueueLock()));
    expect(await bothKept()).toBe(true);
  });

  test('ten pages adding at once through the default lock lose nothing', async () => {
    await Promise.all(Array.from({ length: 10 }, (_, i) => addTrigger(`site${i}.test`, 'site', { now })));
    expect((await triggerListItem.getValue()).map((t) => t.host).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `site${i}.test`).sort());
    expect((await loadSettings()).waitSeconds).toBe(30);
  });
});

describe('the lock', () => {
  /** A LockManager that grants one holder at a time, as the browser's does, and records the names asked for. */
  function fakeLocks() {
    const names: string[] = [];
    const queue = createQueueLock();
    return { names, request: <T>(name: string, work: () => Promise<T>) => (names.push(name), queue(work)) };
  }

  test('uses the Web Lock named steadfast:config where the browser has one', async () => {
    const locks = fakeLocks();
    vi.stubGlobal('navigator', { locks });
    await Promise.all([addTrigger('one.test'), addTrigger('two.test')]);
    expect(locks.names).toEqual([CONFIG_LOCK, CONFIG_LOCK]);
    expect(CONFIG_LOCK).toBe('steadfast:config');
    expect(await triggerListItem.getValue()).toHaveLength(2);
  });

  test('falls back to a queue in this context when there is none', async () => {
    vi.stubGlobal('navigator', {});
    const order: string[] = [];
    let release!: () => void;
    const first = withConfigLock(async () => {
      order.push('first starts');
      await new Promise<void>((resolve) => (release = resolve));
      order.push('first ends');
    });
    const second = withConfigLock(async () => void order.push('second'));
    await vi.waitFor(() => expect(order).toEqual(['first starts']));
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first starts', 'first ends', 'second']);
  });

  test('a failed writer does not hold up the next', async () => {
    const lock = lockWith(undefined);
    await expect(lock(() => Promise.reject(new Error('full')))).rejects.toThrow('full');
    expect(await lock(async () => 'next')).toBe('next');
  });
});
