/*
 * Restoring cannot loosen at once. "Replace" and "Merge" go through the same rules as the options
 * page (tightening at once, loosening waits out the cooling-off as a change the person sees), and a
 * date from the file is never trusted: what this device holds keeps its own date, what is new to it
 * is dated now, and a date in the future is refused, naming the field.
 */
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { previewRestore, restoreBackup } from '../../lib/backup/restore';
import { createQueueLock } from '../../lib/commands/lock';
import type { RestoreMode } from '../../lib/backup/restore-plan';
import { BACKUP_VERSION, type Backup, type BackupData } from '../../lib/backup/schema';
import { loadStoredConfig } from '../../lib/backup/stored-config';
import { openHistory, type HistoryDB } from '../../lib/history/db';
import { emptyPlan } from '../../lib/plan/plan';
import { settingsItem } from '../../lib/settings/settings-item';
import type { Blocklist } from '../../lib/triggers/blocklist';
import { blocklistsItem } from '../../lib/triggers/blocklist-item';
import { pendingItem } from '../../lib/triggers/pending-item';
import { applyDueChanges } from '../../lib/triggers/cooling-off-store';
import { removeTrigger } from '../../lib/triggers/edits';
import type { Trigger, TriggerMode } from '../../lib/triggers/trigger';
import { triggerListItem } from '../../lib/triggers/trigger-list';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 5, 1, 12);
const OLD = NOW - 90 * 24 * HOUR;
const at = (now: number) => ({ now: async () => now, makeId: () => crypto.randomUUID() });
let db: HistoryDB;

const site = (host: string, mode: TriggerMode, addedAt = OLD, id = host): Trigger => ({ id, kind: 'site', mode, display: host, host, addedAt });
const list = (id: string, mode: TriggerMode, domains: string[], addedAt = OLD): Blocklist => ({ id, name: `List ${id}`, mode, addedAt, domains });

function backupOf(data: Partial<BackupData>, exportedAt = new Date(NOW - HOUR).toISOString()): Backup {
  return {
    format: 'steadfast-backup',
    version: BACKUP_VERSION,
    exportedAt,
    data: {
      triggers: [],
      blocklists: [],
      plan: emptyPlan(),
      settings: { waitSeconds: 60, coolingOffHours: 24 },
      streak: null,
      helpRegion: null,
      myServices: [],
      events: [],
      reviews: [],
      ...data,
    },
  };
}

/** Here now: one Block trigger, one Pause trigger, one Block list; a 60 s wait and a 24 h cooling-off. */
async function seed() {
  await triggerListItem.setValue([site('kept.test', 'block'), site('loose.test', 'pause')]);
  await blocklistsItem.setValue([list('L', 'block', ['a.test', 'b.test'])]);
  await settingsItem.setValue({ waitSeconds: 60, coolingOffHours: 24 });
}

const restore = (backup: Backup, mode: RestoreMode, now = NOW) => restoreBackup(backup, mode, db, undefined, at(now));

beforeEach(async () => {
  db = await openHistory('restore-rules', new IDBFactory());
  await seed();
});

/** The backup's triggers/lists/settings, each a small change from what is here. */
const same = { triggers: [site('kept.test', 'block'), site('loose.test', 'pause')], blocklists: [list('L', 'block', ['a.test', 'b.test'])] };

interface Row {
  name: string;
  data: Partial<BackupData>;
  /** What is stored afterwards, per mode. */
  replace: { triggers: string[]; lists: string[]; settings: [number, number]; waits: string[] };
  merge: { triggers: string[]; lists: string[]; settings: [number, number]; waits: string[] };
}
const keep = { triggers: ['kept.test block', 'loose.test pause'], lists: ['L block a.test,b.test'], settings: [60, 24] as [number, number], waits: [] };

const rows: Row[] = [
  {
    name: 'a trigger the backup lacks',
    data: { ...same, triggers: [site('loose.test', 'pause')] },
    replace: { ...keep, triggers: ['loose.test pause', 'kept.test block'], waits: ['remove-trigger kept.test'] },
    merge: keep,
  },
  {
    name: 'a trigger Block here, Pause in the backup',
    data: { ...same, triggers: [site('kept.test', 'pause'), site('loose.test', 'pause')] },
    replace: { ...keep, waits: ['pause-mode kept.test'] },
    merge: keep,
  },
  {
    name: 'a trigger Pause here, Block in the backup (tightening)',
    data: { ...same, triggers: [site('kept.test', 'block'), site('loose.test', 'block')] },
    replace: { ...keep, triggers: ['kept.test block', 'loose.test block'] },
    merge: { ...keep, triggers: ['kept.test block', 'loose.test block'] },
  },
  {
    name: 'a list the backup lacks',
    data: { ...same, blocklists: [] },
    replace: { ...keep, waits: ['remove-list L'] },
    merge: keep,
  },
  {
    name: 'a list Block here, Pause in the backup',
    data: { ...same, blocklists: [list('L', 'pause', ['a.test', 'b.test'])] },
    replace: { ...keep, waits: ['pause-list L'] },
    merge: keep,
  },
  {
    name: 'a list with fewer domains in the backup (kept), and one more (added)',
    data: { ...same, blocklists: [list('L', 'block', ['a.test', 'c.test'])] },
    replace: { ...keep, lists: ['L block a.test,b.test,c.test'] },
    merge: { ...keep, lists: ['L block a.test,b.test,c.test'] },
  },
  {
    name: 'a shorter wait',
    data: { ...same, settings: { waitSeconds: 10, coolingOffHours: 24 } },
    replace: { ...keep, waits: ['shorter-wait 10'] },
    merge: keep,
  },
  {
    name: 'a shorter cooling-off',
    data: { ...same, settings: { waitSeconds: 60, coolingOffHours: 1 } },
    replace: { ...keep, waits: ['shorter-cooling-off 1'] },
    merge: keep,
  },
  {
    name: 'a longer wait and cooling-off (tightening)',
    data: { ...same, settings: { waitSeconds: 120, coolingOffHours: 72 } },
    replace: { ...keep, settings: [120, 72] },
    merge: { ...keep, settings: [120, 72] },
  },
  {
    name: 'a new trigger and a new list',
    data: { triggers: [...same.triggers, site('new.test', 'pause')], blocklists: [...same.blocklists, list('M', 'pause', ['m.test'])] },
    replace: { ...keep, triggers: [...keep.triggers, 'new.test pause'], lists: [...keep.lists, 'M pause m.test'] },
    merge: { ...keep, triggers: [...keep.triggers, 'new.test pause'], lists: [...keep.lists, 'M pause m.test'] },
  },
];

async function stored() {
  const config = await loadStoredConfig();
  const names = new Map([...config.triggers.map((t) => [t.id, t.display] as const), ...config.blocklists.map((l) => [l.id, l.id] as const)]);
  return {
    triggers: config.triggers.map((t) => `${t.display} ${t.mode}`),
    lists: config.blocklists.map((l) => `${l.id} ${l.mode} ${l.domains.join(',')}`),
    settings: [config.settings.waitSeconds, config.settings.coolingOffHours] as [number, number],
    waits: config.pending.map((p) =>
      'triggerId' in p
        ? `${p.kind} ${names.get(p.triggerId)}`
        : 'listId' in p
          ? `${p.kind} ${p.listId}`
          : `${p.kind} ${'waitSeconds' in p ? p.waitSeconds : 'coolingOffHours' in p ? p.coolingOffHours : ''}`,
    ),
  };
}

describe('restore goes through the same rules as the options page', () => {
  test.each(rows.flatMap((row) => (['replace', 'merge'] as const).map((mode) => ({ ...row, mode }))))('$mode: $name', async (row) => {
    const result = await restore(backupOf(row.data), row.mode);
    expect(result.ok).toBe(true);
    const expected = row[row.mode];
    expect(await stored()).toEqual(expected);
    // Whatever waits, waits the cooling-off held here (24 h) from now, and the person is told.
    const pending = await pendingItem.getValue();
    expect(pending.every((p) => p.effectiveAt === NOW + 24 * HOUR)).toBe(true);
    if (expected.waits.length > 0) expect(result.message).toMatch(/wait/);
  });

  test('what waits after a Replace happens when the cooling-off is over, not before', async () => {
    await restore(backupOf({ ...same, triggers: [] }), 'replace');
    await applyDueChanges(at(NOW + 24 * HOUR - 1));
    expect((await triggerListItem.getValue()).map((t) => t.host)).toEqual(['kept.test', 'loose.test']);
    await applyDueChanges(at(NOW + 24 * HOUR));
    expect(await triggerListItem.getValue()).toEqual([]);
  });

  test('restoring the same file again keeps the waits as they were, never restarting them', async () => {
    const backup = backupOf({ ...same, triggers: [] });
    await restore(backup, 'replace');
    const first = await pendingItem.getValue();
    await restore(backup, 'replace', NOW + 5 * HOUR);
    expect(await pendingItem.getValue()).toEqual(first);
  });
});

describe('a date from outside is never trusted', () => {
  test.each(['replace', 'merge'] as const)('%s: a trigger and list held here keep their own dates, even when the file says "just added"', async (mode) => {
    const justNow = NOW - 1000;
    await restore(
      backupOf({
        triggers: [site('kept.test', 'block', justNow, 'other-id'), site('loose.test', 'pause', justNow)],
        blocklists: [list('L', 'block', ['a.test'], justNow)],
      }),
      mode,
    );
    const config = await loadStoredConfig();
    expect(config.triggers.map((t) => [t.id, t.addedAt])).toEqual([
      ['kept.test', OLD],
      ['loose.test', OLD],
    ]);
    expect(config.blocklists.map((l) => l.addedAt)).toEqual([OLD]);
    // So the old trigger is not fresh: removing it still waits out the cooling-off.
    expect(await removeTrigger('kept.test', at(NOW))).toMatchObject({ result: 'waiting' });
  });

  test.each(['replace', 'merge'] as const)('%s: a trigger and list new to this device are dated now, whatever the file says', async (mode) => {
    await restore(
      backupOf({
        ...same,
        triggers: [...same.triggers, site('new.test', 'block', OLD - HOUR)],
        blocklists: [...same.blocklists, list('M', 'block', ['m.test'], OLD - HOUR)],
      }),
      mode,
    );
    const config = await loadStoredConfig();
    expect(config.triggers.find((t) => t.host === 'new.test')?.addedAt).toBe(NOW);
    expect(config.blocklists.find((l) => l.id === 'M')?.addedAt).toBe(NOW);
  });

  const FUTURE = NOW + 24 * HOUR;
  const futureDay = '2026-06-03';
  test.each([
    ['exportedAt', backupOf({}, new Date(FUTURE).toISOString())],
    ['data.triggers.1.addedAt', backupOf({ triggers: [site('a.test', 'block'), site('b.test', 'block', FUTURE)] })],
    ['data.blocklists.0.addedAt', backupOf({ blocklists: [list('M', 'block', ['m.test'], FUTURE)] })],
    ['data.events.0.at', backupOf({ events: [{ id: 'e', type: 'urge', before: 5, at: FUTURE, tz: 'Europe/London' }] })],
    ['data.streak.startedOn', backupOf({ streak: { startedOn: futureDay } })],
    [
      'data.events.0.reachedOn',
      backupOf({ events: [{ id: 'm', type: 'milestone', days: 7, reachedOn: futureDay, celebrated: false, at: NOW - HOUR, tz: 'Europe/London' }] }),
    ],
  ])('a date in the future at %s is refused, naming it, in both modes, and nothing changes', async (field, backup) => {
    const before = { storage: await fakeBrowser.storage.local.get(null), events: await db.getAll('events') };
    for (const mode of ['replace', 'merge'] as const) {
      const result = await restore(backup, mode);
      expect(result).toEqual({ ok: false, message: expect.stringContaining(`${field} is`) });
      expect(result.message).toMatch(/in the future.*Nothing was changed\.$/);
    }
    expect({ storage: await fakeBrowser.storage.local.get(null), events: await db.getAll('events') }).toEqual(before);
  });

  test("a few minutes ahead (another device's clock) and a review date ahead (meant to be) are accepted", async () => {
    const result = await restore(
      backupOf({ ...same, plan: { ...emptyPlan(), reviewDate: '2027-01-01' }, streak: { startedOn: '2026-06-01' } }, new Date(NOW + 60_000).toISOString()),
      'replace',
    );
    expect(result.ok).toBe(true);
  });
});

describe('all or nothing, even if the browser stops part-way', () => {
  const backup = () =>
    backupOf({
      ...same,
      triggers: [site('loose.test', 'block'), site('new.test', 'pause')],
      settings: { waitSeconds: 10, coolingOffHours: 48 },
      events: [{ id: 'e1', type: 'urge', before: 6, at: NOW - HOUR, tz: 'Europe/London' }],
    });

  test.each(['replace', 'merge'] as const)(
    '%s: a stop after the history leaves the configuration as it was; restoring again finishes it as if never stopped',
    async (mode) => {
      const before = await fakeBrowser.storage.local.get(null);
      // The browser stops while the configuration is being written: the write never lands.
      let reachedSave = false;
      const stops = {
        load: loadStoredConfig,
        save: () => {
          reachedSave = true;
          return new Promise<void>(() => {});
        },
      };
      void restoreBackup(backup(), mode, db, stops, { ...at(NOW), lock: createQueueLock() });
      await vi.waitFor(() => expect(reachedSave).toBe(true));
      expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
      expect((await db.getAll('events')).map((e) => e.id)).toEqual(['e1']);

      // After a restart (a new lock), the same file again.
      expect((await restoreBackup(backup(), mode, db, undefined, { ...at(NOW + HOUR), lock: createQueueLock() })).ok).toBe(true);
      const finished = await stored();

      // The same restore, never stopped, from the same start, an hour later.
      await fakeBrowser.storage.local.clear();
      await fakeBrowser.storage.local.set(before);
      const fresh = await openHistory('restore-rules-fresh', new IDBFactory());
      expect((await restoreBackup(backup(), mode, fresh, undefined, at(NOW + HOUR))).ok).toBe(true);
      expect(finished).toEqual(await stored());
      expect(await db.getAll('events')).toEqual(await fresh.getAll('events'));
    },
  );
});

describe('the preview', () => {
  const file = (backup: Backup) => {
    const text = JSON.stringify(backup);
    return { size: text.length, text: async () => text };
  };

  test('says what the file holds and what each choice does, and changes nothing', async () => {
    const held = backupOf({
      triggers: [site('loose.test', 'pause'), site('new.test', 'block')],
      events: [{ id: 'e1', type: 'urge', before: 5, at: NOW - 2 * HOUR, tz: 'Europe/London' }],
    });
    const everything = async () => ({ storage: await fakeBrowser.storage.local.get(null), events: await db.getAll('events') });
    const before = await everything();
    const preview = await previewRestore(file(held), db, at(NOW));
    expect(preview).toMatchObject({
      ok: true,
      contents: expect.stringContaining('2 trigger sites'),
      effects: { replace: expect.stringContaining('1 trigger site not in the backup stays') },
    });
    expect(await everything()).toEqual(before);
    // The check above would see it: restoring what was previewed changes both stores.
    expect((await restoreBackup(held, 'merge', db, undefined, at(NOW))).ok).toBe(true);
    const after = await everything();
    expect(after.storage).not.toEqual(before.storage);
    expect(after.events).not.toEqual(before.events);
  });

  test('refuses a date in the future before anything is offered', async () => {
    const preview = await previewRestore(file(backupOf({ streak: { startedOn: '2026-07-01' } })), db, at(NOW));
    expect(preview).toEqual({ ok: false, message: expect.stringContaining('data.streak.startedOn is 2026-07-01') });
  });
});
