import { afterEach, describe, expect, test, vi } from 'vitest';
import { emptyPlan } from '../../lib/plan/plan';
import { loadPlan, planItem } from '../../lib/plan/plan-item';
import { defaultSettings, loadSettings } from '../../lib/settings/settings-item';
import { META_KEY, splitIntoChunks, SYNC_FORMAT, type PartName } from '../../lib/sync/chunks';
import type { LocalConfig } from '../../lib/sync/local-doc';
import { SYNC_QUOTA } from '../../lib/sync/quota';
import { readRemote, reconcile } from '../../lib/sync/reconcile';
import { syncScheduler } from '../../lib/sync/schedule';
import { syncStateItem } from '../../lib/sync/sync-state-item';
import { syncNow, turnOffSync, turnOnSync } from '../../lib/sync/sync-store';
import { pendingItem } from '../../lib/triggers/pending-item';
import type { Trigger, TriggerMode } from '../../lib/triggers/trigger';
import { triggerListItem } from '../../lib/triggers/trigger-list';
import { FakeSyncArea } from '../fakes/sync-area';

const T0 = Date.UTC(2026, 10, 1);
const site = (host: string, mode: TriggerMode = 'block', id = host): Trigger => ({ id, kind: 'site', mode, display: host, host, addedAt: T0 });
const config = (triggers: Trigger[], over: Partial<LocalConfig> = {}): LocalConfig => ({
  triggers,
  plan: emptyPlan(),
  settings: defaultSettings(),
  partner: null,
  pending: [],
  ...over,
});

/** What another browser writes to `storage.sync` for its configuration. */
function writtenBy(other: LocalConfig, remote: Record<string, unknown> = {}, now = T0 + 1_000): Record<string, unknown> {
  return { ...remote, ...reconcile({ local: other, base: null, remote }, now).write!.set };
}

/** A part's raw value laid out as the browser would deliver it, whatever it holds. */
function rawPart(part: PartName, value: unknown, meta: Record<string, unknown> = { format: SYNC_FORMAT, parts: {} }) {
  const { info, items } = splitIntoChunks(part, JSON.stringify(value));
  return { ...items, [META_KEY]: { ...meta, parts: { ...(meta.parts as object), [part]: info } } };
}

const hostsHere = async () => (await triggerListItem.getValue()).map((t) => `${t.host} ${t.mode}`);
const localSnapshot = async () => ({
  triggers: await triggerListItem.getValue(),
  plan: await loadPlan(),
  settings: await loadSettings(),
  pending: await pendingItem.getValue(),
});

describe('syncing this browser', () => {
  test("is off until the person turns it on: nothing is written to the browser's sync", async () => {
    const area = new FakeSyncArea();
    await triggerListItem.setValue([site('a.test')]);
    expect(await syncNow(area, T0)).toBe('off');
    expect(area.items).toEqual({});
  });

  test("once on, the triggers, plan and settings are in the browser's sync, and nothing else", async () => {
    const area = new FakeSyncArea();
    await triggerListItem.setValue([site('a.test'), site('b.test', 'pause')]);
    await planItem.setValue({ ...emptyPlan(), reasons: ['My kids'] });
    await turnOnSync();
    expect(await syncNow(area, T0)).toBe('synced');
    const { doc } = readRemote(area.items);
    expect(doc.triggers?.map((e) => `${e.trigger.host} ${e.trigger.mode}`)).toEqual(['a.test block', 'b.test pause']);
    expect(doc.plan?.reasons.value).toEqual(['My kids']);
    expect(doc.settings?.waitSeconds.value).toBe(30);
    expect(JSON.stringify(area.items)).not.toMatch(/streak|events|blocklist/);
    // A second sync with nothing new writes nothing.
    const writes = area.writes.length;
    expect(await syncNow(area, T0 + 5_000)).toBe('synced');
    expect(area.writes.length).toBe(writes);
  });

  test('a trigger added in another browser is added here; one removed there waits out the cooling-off here', async () => {
    const area = new FakeSyncArea();
    await triggerListItem.setValue([site('a.test'), site('b.test')]);
    await turnOnSync();
    await syncNow(area, T0);
    // The other browser had a.test and b.test too, removed b.test after its own cooling-off, added c.test.
    const other = reconcile({ local: config([site('a.test'), site('b.test')]), base: null, remote: area.items }, T0 + 10);
    const otherBase = other.merged;
    const then = reconcile({ local: config([site('a.test'), site('c.test', 'pause', 'other-id')]), base: otherBase, remote: area.items }, T0 + 20);
    area.items = { ...area.items, ...then.write!.set };
    for (const key of then.write!.remove) delete area.items[key];

    await syncNow(area, T0 + 30);
    expect(await hostsHere()).toEqual(['a.test block', 'b.test block', 'c.test pause']);
    expect(await pendingItem.getValue()).toMatchObject([{ kind: 'remove-trigger', triggerId: 'b.test', label: 'Remove b.test' }]);
    expect((await syncStateItem.getValue()).report).toMatchObject({ waiting: 1, ignored: [], tooLarge: [] });
  });

  test('a trigger the person adds while a sync runs is not undone by it, and syncs next time', async () => {
    const area = new FakeSyncArea();
    await triggerListItem.setValue([site('a.test')]);
    await turnOnSync();
    await syncNow(area, T0);
    area.items = writtenBy(config([site('a.test'), site('theirs.test')]), area.items);
    // The person adds a site in the moment between this sync's read and its write.
    const get = area.get.bind(area);
    area.get = async () => {
      const items = await get();
      await triggerListItem.setValue([...(await triggerListItem.getValue()), site('mine.test')]);
      area.get = get;
      return items;
    };
    expect(await syncNow(area, T0 + 10_000)).toBe('changed-meanwhile');
    expect(await hostsHere()).toEqual(['a.test block', 'mine.test block']);
    expect(await syncNow(area, T0 + 20_000)).toBe('synced');
    expect((await hostsHere()).sort()).toEqual(['a.test block', 'mine.test block', 'theirs.test block']);
    expect(
      readRemote(area.items)
        .doc.triggers?.map((e) => e.trigger.host)
        .sort(),
    ).toEqual(['a.test', 'mine.test', 'theirs.test']);
  });

  test("turning sync off takes Steadfast's copy out of the browser's sync, and nothing else", async () => {
    const area = new FakeSyncArea();
    await triggerListItem.setValue([site('a.test')]);
    await turnOnSync();
    await syncNow(area, T0);
    area.items['another-extension-key'] = 1;
    await turnOffSync(area);
    expect(area.items).toEqual({ 'another-extension-key': 1 });
    expect((await syncStateItem.getValue()).enabled).toBe(false);
    expect(await hostsHere()).toEqual(['a.test block']);
  });
});

describe('data from another browser that fails the checks changes nothing here', () => {
  const valid = () => writtenBy(config([site('evil.test')], { plan: { ...emptyPlan(), reasons: ['theirs'] } }));
  const hostile: [string, () => Record<string, unknown>, 'ignored' | 'newer'][] = [
    ['a meta that is not an object', () => ({ ...valid(), [META_KEY]: 'steadfast' }), 'ignored'],
    ['a meta with a negative chunk count', () => ({ ...valid(), [META_KEY]: { format: 1, parts: { triggers: { hash: '00000000', count: -1 } } } }), 'ignored'],
    [
      'a trigger whose host could break every rule',
      () => rawPart('triggers', [{ trigger: { ...site('x.test'), host: 'EVIL HOST/*' }, changedAt: T0 }]),
      'ignored',
    ],
    ['a trigger with an impossible date', () => rawPart('triggers', [{ trigger: site('x.test'), changedAt: 1e20 }]), 'ignored'],
    ['a trigger list that is not a list', () => rawPart('triggers', { length: 1, 0: site('x.test') }), 'ignored'],
    [
      'a plan field 20,000 characters long',
      () =>
        rawPart('plan', {
          ...Object.fromEntries(Object.entries(emptyPlan()).map(([k, v]) => [k, { value: v, changedAt: T0 }])),
          dailyRoutine: { value: 'x'.repeat(20_000), changedAt: T0 + 9e9 },
        }),
      'ignored',
    ],
    [
      'a wait of 0 seconds',
      () => rawPart('settings', { waitSeconds: { value: 0, changedAt: T0 + 9e9 }, coolingOffHours: { value: 24, changedAt: T0 } }),
      'ignored',
    ],
    ['a __proto__ key', () => rawPart('settings', JSON.parse('{"__proto__":{"waitSeconds":10}}')), 'ignored'],
    [
      'a chunk replaced by a number',
      () => {
        const items = valid();
        const key = Object.keys(items).find((k) => k.startsWith('triggers.'))!;
        return { ...items, [key]: 12 };
      },
      'ignored',
    ],
    ["a newer Steadfast's format", () => ({ ...valid(), [META_KEY]: { format: SYNC_FORMAT + 1, parts: {} } }), 'newer'],
  ];

  test.each(hostile)('%s', async (_name, make, kind) => {
    const area = new FakeSyncArea();
    await triggerListItem.setValue([site('a.test', 'pause')]);
    await planItem.setValue({ ...emptyPlan(), reasons: ['mine'] });
    await turnOnSync();
    area.items = make();
    const before = await localSnapshot();
    const remoteBefore = structuredClone(area.items);

    await syncNow(area, T0 + 2_000);
    const after = await localSnapshot();
    const report = (await syncStateItem.getValue()).report!;
    if (kind === 'newer') {
      expect(report.newerElsewhere).toBe(true);
      // A newer Steadfast's data is left as it is.
      expect(area.items).toEqual(remoteBefore);
      expect(after).toEqual(before);
    } else {
      expect(report.ignored.length).toBeGreaterThan(0);
      // Only the parts that passed may come in; the hostile one changes nothing.
      expect(after.settings).toEqual(before.settings);
      expect(after.pending).toEqual([]);
      expect(after.triggers.find((t) => t.host === 'a.test')?.mode).toBe('pause');
      expect(after.triggers.every((t) => /^[a-z.]+$/.test(t.host))).toBe(true);
      expect(after.plan.dailyRoutine).toBe('');
    }
    expect(({} as Record<string, unknown>).waitSeconds).toBeUndefined();
  });
});

describe("the browser's quotas", () => {
  const manyTriggers = (n: number) => Array.from({ length: n }, (_, i) => site(`site-number-${i}-with-a-rather-long-name.example`, 'block', `id-${i}`));

  test('hundreds of triggers are split into chunks that each fit 8 KB', async () => {
    const area = new FakeSyncArea();
    await triggerListItem.setValue(manyTriggers(300));
    await turnOnSync();
    expect(await syncNow(area, T0)).toBe('synced');
    expect(Object.keys(area.items).filter((k) => k.startsWith('triggers.')).length).toBeGreaterThan(1);
    expect(area.bytes()).toBeLessThanOrEqual(SYNC_QUOTA.bytes);
    expect(readRemote(area.items).doc.triggers).toHaveLength(300);
  });

  test('a plan too large for the sync stays here, said so; the triggers and settings still sync', async () => {
    const area = new FakeSyncArea();
    await triggerListItem.setValue([site('a.test')]);
    await planItem.setValue({ ...emptyPlan(), reasons: Array.from({ length: 12 }, (_, i) => `${i} ${'x'.repeat(9_990)}`) });
    await turnOnSync();
    expect(await syncNow(area, T0)).toBe('synced');
    expect((await syncStateItem.getValue()).report?.tooLarge).toEqual(['plan']);
    const { doc } = readRemote(area.items);
    expect(doc.triggers).toHaveLength(1);
    expect(doc.settings).toBeDefined();
    expect(doc.plan).toBeUndefined();
    expect((await loadPlan()).reasons).toHaveLength(12);
  });

  test('a trigger list that outgrows the sync leaves the synced version whole and readable', async () => {
    const area = new FakeSyncArea();
    await triggerListItem.setValue(manyTriggers(100));
    await turnOnSync();
    await syncNow(area, T0);
    await triggerListItem.setValue(manyTriggers(900));
    await syncNow(area, T0 + 10_000);
    expect((await syncStateItem.getValue()).report?.tooLarge).toContain('triggers');
    expect(readRemote(area.items).doc.triggers).toHaveLength(100);
    expect(await triggerListItem.getValue()).toHaveLength(900);
  });

  test('a write refused for the write rate changes nothing in sync, keeps everything here, and says it will try again', async () => {
    const area = new FakeSyncArea();
    await triggerListItem.setValue([site('a.test')]);
    await turnOnSync();
    await syncNow(area, T0);
    const synced = structuredClone(area.items);
    area.writes = Array.from({ length: SYNC_QUOTA.writesPerMinute }, () => 0);
    await triggerListItem.setValue([site('a.test'), site('b.test')]);
    expect(await syncNow(area, T0 + 1)).toBe('write-failed');
    expect(area.items).toEqual(synced);
    expect(await hostsHere()).toEqual(['a.test block', 'b.test block']);
    expect((await syncStateItem.getValue()).report?.writeFailed).toBe(true);
    // A minute later the same change goes through.
    area.now = 61_000;
    expect(await syncNow(area, T0 + 61_000)).toBe('synced');
    expect(readRemote(area.items).doc.triggers).toHaveLength(2);
  });
});

describe('two browsers editing at once', () => {
  /** A browser: its own storage.local, as plain values, synced through the same area. */
  function browserWith(local: LocalConfig) {
    const self = {
      local,
      base: null as ReturnType<typeof reconcile>['merged'] | null,
      sync(area: FakeSyncArea, now: number) {
        const result = reconcile({ local: self.local, base: self.base, remote: area.items }, now);
        if (result.write) {
          area.items = { ...area.items, ...result.write.set };
          for (const key of result.write.remove) delete area.items[key];
        }
        self.local = result.applied;
        self.base = result.merged;
      },
    };
    return self;
  }

  test('concurrent adds, an edit against an older removal, and a removal on both all converge without losing a trigger', () => {
    const area = new FakeSyncArea();
    const shared = [site('keep.test'), site('both-remove.test'), site('edit.test')];
    const a = browserWith(config(shared));
    const b = browserWith(config(shared));
    a.sync(area, T0);
    b.sync(area, T0 + 1);
    // Offline from each other: A adds a site, removes edit.test and both-remove.test; B adds
    // another, switches edit.test to Pause (later than A's removal), removes both-remove.test.
    a.local = { ...a.local, triggers: [site('keep.test'), site('a-new.test')] };
    b.local = { ...b.local, triggers: [site('keep.test'), site('edit.test', 'pause'), site('b-new.test')] };
    a.sync(area, T0 + 100);
    b.sync(area, T0 + 200);
    a.sync(area, T0 + 300);
    const hosts = (x: typeof a) => x.local.triggers.map((t) => `${t.host} ${t.mode}`).sort();
    expect(hosts(a)).toEqual(['a-new.test block', 'b-new.test block', 'edit.test pause', 'keep.test block']);
    expect(hosts(b)).toEqual(hosts(a));
    expect(b.local.pending).toEqual([]);
  });
});

describe('when syncs run', () => {
  afterEach(() => vi.useRealTimers());

  test('many changes in a moment make one sync, and syncs stay at least 5 s apart', async () => {
    vi.useFakeTimers({ now: T0 });
    const runs: number[] = [];
    const scheduler = syncScheduler(async () => {
      runs.push(Date.now());
      return 'synced';
    });
    for (let i = 0; i < 50; i++) scheduler.request();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(runs).toHaveLength(1);
    scheduler.request();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runs).toHaveLength(2);
    expect(runs[1]! - runs[0]!).toBeGreaterThanOrEqual(5_000);
  });

  test('a refused write is tried again a minute later', async () => {
    vi.useFakeTimers({ now: T0 });
    const outcomes: ('write-failed' | 'synced')[] = ['write-failed', 'synced'];
    let runs = 0;
    const scheduler = syncScheduler(async () => {
      runs += 1;
      return outcomes.shift() ?? 'synced';
    });
    scheduler.request();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(61_000);
    expect(runs).toBe(2);
  });
});
