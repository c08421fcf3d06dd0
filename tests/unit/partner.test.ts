/*
 * "Someone I trust holds the key" (issue 21, part 3; lib/partner/). With the partner lock on,
 * every loosening change, on every path, waits the long wait the person chose instead of the
 * cooling-off, or takes effect at once with the release code; tightening stays instant; wrong
 * codes are counted and paused by the trusted clock in stored state; the code is never stored.
 */
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { collectBackup } from '../../lib/backup/export';
import { backupContents } from '../../lib/backup/import';
import { readBackup } from '../../lib/backup/read-backup';
import { restoreBackup } from '../../lib/backup/restore';
import { BACKUP_VERSION, type Backup, type BackupData } from '../../lib/backup/schema';
import { openHistory, type HistoryDB } from '../../lib/history/db';
import { CODE_ALPHABET, codeMatches, hashCode, makeCode, MIN_ITERATIONS, normaliseCode, type CodeHash } from '../../lib/partner/code';
import { askToTurnOffPartnerLock, releaseWithCode, replacePartnerCode, setPartnerWait, turnOnPartnerLock, wrongCodesText } from '../../lib/partner/edits';
import { FREE_TRIES, loadPartnerLock, noAttempts, partnerLockItem, pauseAfter, type PartnerLock } from '../../lib/partner/partner-lock';
import { emptyPlan } from '../../lib/plan/plan';
import { saveCoolingOff, saveCopies, saveWait } from '../../lib/settings/edits';
import { loadSettings, settingsItem } from '../../lib/settings/settings-item';
import { applyMerged } from '../../lib/sync/apply';
import { localDoc } from '../../lib/sync/local-doc';
import type { Blocklist } from '../../lib/triggers/blocklist';
import { blocklistsItem } from '../../lib/triggers/blocklist-item';
import type { PendingChange } from '../../lib/triggers/cooling-off';
import { applyDueChanges } from '../../lib/triggers/cooling-off-store';
import { addTrigger, removeList, removeTrigger, setListMode, setTriggerMode } from '../../lib/triggers/edits';
import { pendingItem } from '../../lib/triggers/pending-item';
import type { Trigger } from '../../lib/triggers/trigger';
import { triggerListItem } from '../../lib/triggers/trigger-list';
import { latestSeenItem, trustedNow } from '../../lib/time/trusted-clock';
import type { CommandDeps } from '../../lib/commands/deps';

// Each code is checked with 600,000 PBKDF2 iterations (about 0.3 s here, several seconds on a
// loaded machine): room enough that a slow check never runs into the next test.
vi.setConfig({ testTimeout: 60_000 });

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 5, 1, 12);
const OLD = NOW - 30 * DAY;
const CODE = 'ABCD-EFGH-JKLM';
const WRONG = 'ABCD-EFGH-JKLN';
let n = 0;
const at = (now: number): Partial<CommandDeps> => ({ now: async () => now, makeId: () => `id${++n}` });
const deps = at(NOW);

const site = (id: string, mode: Trigger['mode'] = 'block'): Trigger => ({ id, kind: 'site', mode, display: `${id}.test`, host: `${id}.test`, addedAt: OLD });
const list = (id: string): Blocklist => ({ id, name: `List ${id}`, mode: 'block', addedAt: OLD, domains: [`${id.toLowerCase()}.test`] });

let KEY: CodeHash;
beforeAll(async () => {
  KEY = await hashCode(CODE);
});

const lockWith = (over: Partial<PartnerLock> = {}): PartnerLock => ({ key: KEY, waitDays: 7, turnedOnAt: OLD, attempts: noAttempts(), ...over });

beforeEach(async () => {
  n = 0;
  await settingsItem.setValue({ waitSeconds: 30, coolingOffHours: 24, pauseCopies: true });
  await triggerListItem.setValue([site('a'), site('b', 'pause')]);
  await blocklistsItem.setValue([list('L')]);
  await pendingItem.setValue([]);
  await partnerLockItem.setValue(lockWith());
});

describe('the release code', () => {
  test('is 12 characters of an unambiguous alphabet in groups of four, from crypto.getRandomValues', () => {
    const spy = vi.spyOn(crypto, 'getRandomValues');
    const code = makeCode();
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(CODE_ALPHABET).not.toMatch(/[01OI]/);
    expect(new Set(CODE_ALPHABET).size).toBe(32);
    expect(makeCode((bytes) => bytes.fill(255))).toBe('ZZZZ-ZZZZ-ZZZZ');
  });

  test('is read as typed, in any case, with spaces or hyphens; what cannot be a code is undefined', () => {
    expect(normaliseCode(' abcd efgh-jklm ')).toBe('ABCDEFGHJKLM');
    expect(normaliseCode('ABCD-EFGH-JKL')).toBeUndefined();
    expect(normaliseCode('ABCD-EFGH-JKL0')).toBeUndefined();
    expect(normaliseCode('<img src=x>')).toBeUndefined();
  });

  test('is stored only as a salted PBKDF2-SHA-256 hash with its parameters; the right code matches, a wrong one does not', async () => {
    expect(KEY).toEqual({ algorithm: 'PBKDF2-SHA-256', iterations: MIN_ITERATIONS, salt: expect.any(String), hash: expect.any(String) });
    expect(MIN_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(JSON.stringify(KEY)).not.toMatch(/ABCD|EFGH|JKLM/);
    expect(await codeMatches('ABCDEFGHJKLM', KEY)).toBe(true);
    expect(await codeMatches('ABCDEFGHJKLN', KEY)).toBe(false);
    // Two hashes of one code differ (salted); fewer iterations than the floor never verify.
    expect((await hashCode(CODE)).hash).not.toBe(KEY.hash);
    expect(await codeMatches('ABCDEFGHJKLM', { ...KEY, iterations: 1000 })).toBe(false);
  });

  test('turning the lock on returns the code once and stores nothing of it but the hash', async () => {
    await partnerLockItem.setValue(null);
    const logs = vi.spyOn(console, 'log');
    const on = await turnOnPartnerLock(10, deps);
    if (!('code' in on) || !on.code) throw new Error('expected a code');
    const everything = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(everything).not.toContain(on.code);
    expect(everything).not.toContain(normaliseCode(on.code));
    expect(logs).not.toHaveBeenCalled();
    const stored = (await loadPartnerLock())!;
    expect(stored).toMatchObject({ waitDays: 10, turnedOnAt: NOW, attempts: noAttempts() });
    expect(await codeMatches(normaliseCode(on.code)!, stored.key)).toBe(true);
    expect(await turnOnPartnerLock(10, deps)).toEqual({ error: expect.stringContaining('already on') });
    expect(await turnOnPartnerLock(1, deps)).toEqual({ error: expect.stringContaining('2 to 30') });
  });
});

/** Each loosening kind: how to ask for it, and what shows it took effect. */
interface Kind {
  kind: PendingChange['kind'];
  ask: (d: Partial<CommandDeps>) => Promise<unknown>;
  applied: () => Promise<boolean>;
}
const kinds: Kind[] = [
  { kind: 'remove-trigger', ask: (d) => removeTrigger('a', d), applied: async () => !(await triggerListItem.getValue()).some((t) => t.id === 'a') },
  {
    kind: 'pause-mode',
    ask: (d) => setTriggerMode('a', 'pause', d),
    applied: async () => (await triggerListItem.getValue()).find((t) => t.id === 'a')?.mode === 'pause',
  },
  { kind: 'remove-list', ask: (d) => removeList('L', d), applied: async () => (await blocklistsItem.getValue()).length === 0 },
  { kind: 'pause-list', ask: (d) => setListMode('L', 'pause', d), applied: async () => (await blocklistsItem.getValue())[0]?.mode === 'pause' },
  { kind: 'shorter-wait', ask: (d) => saveWait(10, d), applied: async () => (await loadSettings()).waitSeconds === 10 },
  { kind: 'shorter-cooling-off', ask: (d) => saveCoolingOff(1, d), applied: async () => (await loadSettings()).coolingOffHours === 1 },
  { kind: 'copies-off', ask: (d) => saveCopies(false, d), applied: async () => (await loadSettings()).pauseCopies === false },
  { kind: 'partner-off', ask: (d) => askToTurnOffPartnerLock(d), applied: async () => (await loadPartnerLock()) === null },
  { kind: 'shorter-partner-wait', ask: (d) => setPartnerWait(3, d), applied: async () => (await loadPartnerLock())?.waitDays === 3 },
  { kind: 'partner-new-code', ask: (d) => replacePartnerCode(d), applied: async () => (await loadPartnerLock())?.key.hash !== KEY.hash },
];

describe('with the lock on, every loosening kind waits the long wait, or the right code applies it at once', () => {
  test.each(kinds)('$kind waits 7 days, not the 24 h cooling-off, and then applies', async ({ kind, ask, applied }) => {
    await ask(deps);
    const [change] = await pendingItem.getValue();
    expect(change).toMatchObject({ kind, requestedAt: NOW, effectiveAt: NOW + 7 * DAY });
    // The background's path: nothing at the cooling-off, the change once the long wait is over.
    await applyDueChanges(at(NOW + DAY));
    expect(await applied()).toBe(false);
    await applyDueChanges(at(NOW + 7 * DAY));
    expect(await applied()).toBe(true);
    expect(await pendingItem.getValue()).toEqual([]);
  });

  test.each(kinds)('$kind: a wrong code changes nothing but the count; the right code applies it at once', async ({ ask, applied }) => {
    await ask(deps);
    const [change] = await pendingItem.getValue();
    expect(await releaseWithCode(WRONG, [change!.id], deps)).toEqual({ ok: false, error: expect.stringContaining('does not match') });
    expect(await applied()).toBe(false);
    expect(await pendingItem.getValue()).toHaveLength(1);
    expect((await loadPartnerLock())!.attempts).toMatchObject({ total: 1, inARow: 1, since: NOW });
    expect(await releaseWithCode(CODE.toLowerCase(), [change!.id], at(NOW + 1000))).toEqual({ ok: true, message: expect.stringContaining('took effect') });
    expect(await applied()).toBe(true);
    expect(await pendingItem.getValue()).toEqual([]);
  });

  test('the lock off, the same change waits the cooling-off as before', async () => {
    await partnerLockItem.setValue(null);
    await removeTrigger('a', deps);
    expect((await pendingItem.getValue())[0]!.effectiveAt).toBe(NOW + DAY);
  });

  test('the long wait is never shorter than the cooling-off', async () => {
    await settingsItem.setValue({ waitSeconds: 30, coolingOffHours: 168 });
    await partnerLockItem.setValue(lockWith({ waitDays: 2 }));
    await removeTrigger('a', deps);
    expect((await pendingItem.getValue())[0]!.effectiveAt).toBe(NOW + 7 * DAY);
  });

  test('the right code applies only the changes named, in one write, and the others keep waiting', async () => {
    await removeTrigger('a', deps);
    await saveWait(10, deps);
    const [removal, wait] = await pendingItem.getValue();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await releaseWithCode(CODE, [removal!.id], deps);
    expect(set).toHaveBeenCalledTimes(1);
    set.mockRestore();
    expect((await triggerListItem.getValue()).map((t) => t.id)).toEqual(['b']);
    expect(await pendingItem.getValue()).toEqual([wait]);
  });

  test('a new code waits, and while it waits the old code still holds and the new one does not', async () => {
    const asked = await replacePartnerCode(deps);
    if (!('code' in asked) || !asked.code) throw new Error('expected a code');
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(asked.code);
    await removeTrigger('a', deps);
    const removal = (await pendingItem.getValue()).find((p) => p.kind === 'remove-trigger')!;
    expect(await releaseWithCode(asked.code, [removal.id], deps)).toMatchObject({ ok: false });
    expect(await releaseWithCode(CODE, [removal.id], at(NOW + 1))).toMatchObject({ ok: true });
  });

  test('tightening stays instant with the lock on', async () => {
    expect(await addTrigger('new.test', 'site', deps)).toMatchObject({ added: { host: 'new.test' } });
    expect(await setTriggerMode('b', 'block', deps)).toEqual({ result: 'applied' });
    expect(await saveWait(60, deps)).toEqual({ message: expect.any(String) });
    expect((await loadSettings()).waitSeconds).toBe(60);
    expect(await setPartnerWait(14, deps)).toEqual({ message: expect.stringContaining('14 days') });
    expect((await loadPartnerLock())!.waitDays).toBe(14);
    expect(await pendingItem.getValue()).toEqual([]);
  });

  test('turning the lock on makes changes already waiting wait its long wait, from when they were asked', async () => {
    await partnerLockItem.setValue(null);
    await removeTrigger('a', at(NOW - DAY / 2));
    await turnOnPartnerLock(7, deps);
    expect((await pendingItem.getValue())[0]!.effectiveAt).toBe(NOW - DAY / 2 + 7 * DAY);
  });
});

describe('wrong codes are counted and paused, by the trusted clock, in stored state', () => {
  async function wrongTimes(times: number, now = NOW) {
    for (let i = 0; i < times; i++) await releaseWithCode(WRONG, [], at(now));
  }

  test(`after ${FREE_TRIES} wrong codes even the right one waits a growing pause, said plainly`, async () => {
    expect([1, 2, 3, 4, 5].map(pauseAfter)).toEqual([0, 0, 60_000, 120_000, 240_000]);
    await removeTrigger('a', deps);
    const [change] = await pendingItem.getValue();
    await wrongTimes(FREE_TRIES);
    expect(await releaseWithCode(CODE, [change!.id], at(NOW + 30_000))).toEqual({ ok: false, error: expect.stringContaining('try again in 1 min') });
    expect(await pendingItem.getValue()).toHaveLength(1);
    expect(wrongCodesText(await loadPartnerLock(), 'en-GB')).toBe('3 wrong codes since 1 June 2026');
    expect(await releaseWithCode(CODE, [change!.id], at(NOW + 60_000))).toMatchObject({ ok: true });
    // A right code ends the run of wrong ones; the count the person sees stays.
    expect((await loadPartnerLock())!.attempts).toMatchObject({ inARow: 0, notBefore: 0, total: 3 });
  });

  test('the pause holds across a restart: it lives in storage, not in the page', async () => {
    await wrongTimes(FREE_TRIES);
    vi.resetModules();
    const fresh = await import('../../lib/partner/edits');
    expect(await fresh.releaseWithCode(CODE, [], at(NOW + 10_000))).toEqual({ ok: false, error: expect.stringContaining('try again') });
  });

  test('a clock set back does not reset it: the trusted time never goes back', async () => {
    let wall = NOW;
    const clock = { now: () => trustedNow(wall), makeId: () => `c${++n}` };
    await latestSeenItem.setValue(0);
    for (let i = 0; i < FREE_TRIES; i++) await releaseWithCode(WRONG, [], clock);
    wall = NOW - 30 * DAY;
    expect(await releaseWithCode(CODE, [], clock)).toEqual({ ok: false, error: expect.stringContaining('try again in 1 min') });
    wall = NOW + 60_000;
    expect(await releaseWithCode(CODE, [], clock)).toMatchObject({ ok: true });
  });

  test('what cannot be a code is refused with a clear message and not counted', async () => {
    expect(await releaseWithCode('<script>alert(1)</script>', [], deps)).toEqual({ ok: false, error: expect.stringContaining('12 letters and numbers') });
    expect((await loadPartnerLock())!.attempts.total).toBe(0);
  });
});

describe('every other path: restore and sync', () => {
  let db: HistoryDB;
  beforeEach(async () => {
    db = await openHistory('partner', new IDBFactory());
  });
  const backupOf = (data: Partial<BackupData>): Backup => ({
    format: 'steadfast-backup',
    version: BACKUP_VERSION,
    exportedAt: new Date(NOW - HOUR).toISOString(),
    data: {
      triggers: [site('a'), site('b', 'pause')],
      blocklists: [list('L')],
      plan: emptyPlan(),
      settings: { waitSeconds: 30, coolingOffHours: 24 },
      streak: null,
      helpRegion: null,
      myServices: [],
      events: [],
      reviews: [],
      ...data,
    },
  });

  test('a restore that loosens waits the long wait', async () => {
    await restoreBackup(backupOf({ triggers: [site('b', 'pause')] }), 'replace', db, undefined, deps);
    expect(await pendingItem.getValue()).toEqual([expect.objectContaining({ kind: 'remove-trigger', effectiveAt: NOW + 7 * DAY })]);
  });

  test('the key goes in a backup only when the box is ticked, and never the code or the wrong-code count', async () => {
    await partnerLockItem.setValue(lockWith({ attempts: { inARow: 1, notBefore: 0, total: 1, since: NOW } }));
    expect((await collectBackup(db, NOW)).data.partnerLock).toBeNull();
    const ticked = await collectBackup(db, NOW, { withPartnerLock: true });
    expect(ticked.data.partnerLock).toEqual({ key: KEY, waitDays: 7 });
    // It survives the file's own check.
    const read = readBackup(JSON.stringify(ticked));
    expect(read.ok ? '' : read.message).toBe('');
    expect(read.ok && read.backup.data.partnerLock).toEqual({ key: KEY, waitDays: 7 });
    expect(backupContents(ticked.data)).toContain("the partner lock's key");
    expect(backupContents((await collectBackup(db, NOW)).data)).not.toContain('partner lock');
  });

  test('restoring a backup with a lock when none is on turns it on (and its own loosening waits the long wait)', async () => {
    await partnerLockItem.setValue(null);
    await restoreBackup(backupOf({ triggers: [site('b', 'pause')], partnerLock: { key: KEY, waitDays: 10 } }), 'replace', db, undefined, deps);
    expect(await loadPartnerLock()).toEqual({ key: KEY, waitDays: 10, turnedOnAt: NOW, attempts: noAttempts() });
    expect((await pendingItem.getValue())[0]!.effectiveAt).toBe(NOW + 10 * DAY);
  });

  test('restoring a backup without a lock, or with another key or a shorter wait, does not loosen the lock', async () => {
    const before = lockWith({ waitDays: 7 });
    await restoreBackup(backupOf({}), 'replace', db, undefined, deps);
    expect(await loadPartnerLock()).toEqual(before);
    const other = await hashCode('ZZZZ-ZZZZ-ZZZZ');
    await restoreBackup(backupOf({ partnerLock: { key: other, waitDays: 2 } }), 'merge', db, undefined, deps);
    expect(await loadPartnerLock()).toEqual(before);
    // A longer wait from the file is tightening, and applies.
    await restoreBackup(backupOf({ partnerLock: { key: other, waitDays: 20 } }), 'replace', db, undefined, deps);
    expect(await loadPartnerLock()).toEqual({ ...before, waitDays: 20 });
  });

  test('a backup with a weak key (fewer than 600,000 iterations) is refused', () => {
    const file = backupOf({ partnerLock: { key: { ...KEY, iterations: 1000 }, waitDays: 7 } });
    expect(readBackup(JSON.stringify(file)).ok).toBe(false);
  });

  test('a version 2 backup (before the lock) still reads, with no key', () => {
    const { partnerLock: _none, ...data } = backupOf({}).data;
    const read = readBackup(JSON.stringify({ ...backupOf({}), version: 2, data }));
    expect(read.ok ? '' : read.message).toBe('');
    expect(read.ok && read.backup).toMatchObject({ version: BACKUP_VERSION, data: { partnerLock: null } });
  });

  test("a removal synced from another browser waits this device's long wait", () => {
    const local = { triggers: [site('a')], plan: emptyPlan(), settings: { waitSeconds: 30, coolingOffHours: 24 }, partner: lockWith(), pending: [] };
    const doc = localDoc(local, null, NOW - DAY);
    const merged = { ...doc, triggers: doc.triggers.map((e) => ({ ...e, removedAt: NOW - 1 })) };
    const applied = applyMerged(local, merged, NOW, () => 'w1');
    expect(applied.triggers.map((t) => t.id)).toEqual(['a']);
    expect(applied.waiting).toEqual([expect.objectContaining({ kind: 'remove-trigger', effectiveAt: NOW + 7 * DAY })]);
  });
});
