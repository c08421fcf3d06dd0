import { describe, expect, test } from 'vitest';
import type { AutoBackup } from '../../lib/backup/auto-backup-item';
import { autoBackupFileName, filesToRemove, isOwnBackupFile, KEEP, MIN_GAP, nextBackupAt, SETTLE, WEEK } from '../../lib/backup/auto-backup';
import { AUTO_BACKUP_ALARM, autoBackupTick, fileUrl, noteBigChange, turnOffAutoBackup, turnOnAutoBackup } from '../../lib/backup/auto-backup-run';
import { AUTO_BACKUP_OFF, fakeAutoBackupApis } from '../fakes/auto-backup-apis';

const T = new Date(2026, 11, 6, 10, 0).getTime();
const MINUTE = 60_000;
const on = (more: Partial<AutoBackup> = {}): AutoBackup => ({ ...AUTO_BACKUP_OFF, enabled: true, ...more });

describe('the decisions (pure)', () => {
  test("the file goes in a Steadfast folder, named by the day in the person's own calendar", () => {
    expect(autoBackupFileName(new Date(2026, 0, 9, 23, 59).getTime())).toBe('Steadfast/steadfast-backup-2026-01-09.json');
  });

  test.each([
    ['off', AUTO_BACKUP_OFF, undefined],
    ['never saved: at once', on(), 0],
    ['a week after the last one', on({ lastSavedAt: T }), T + WEEK],
    ['a change settles first', on({ lastSavedAt: T - 2 * MIN_GAP, changedAt: T }), T + SETTLE],
    ['at most one an hour', on({ lastSavedAt: T, changedAt: T + MINUTE }), T + MIN_GAP],
    ['never later than the weekly one', on({ lastSavedAt: T, changedAt: T + WEEK - MINUTE }), T + WEEK],
  ])('next backup: %s', (_, state, expected) => {
    expect(nextBackupAt(state)).toBe(expected);
  });

  test(`keeps the newest ${KEEP}, and offers only its own for removal, oldest first`, () => {
    const saved = [3, 1, 7, 2, 6, 5, 4].map((n) => ({ id: n, at: T + n * WEEK }));
    expect(filesToRemove(saved).map((s) => s.id)).toEqual([1, 2]);
    expect(filesToRemove(saved.slice(0, 3))).toEqual([]);
  });

  test.each([
    ['/home/sam/Downloads/Steadfast/steadfast-backup-2026-12-06.json', true],
    ['/home/sam/Downloads/Steadfast/steadfast-backup-2026-12-06 (1).json', true],
    ['/home/sam/Downloads/Steadfast/steadfast-backup-2026-12-06(2).json', true],
    ['C:\\Users\\Sam\\Downloads\\Steadfast\\steadfast-backup-2026-12-06.json', true],
    ['/home/sam/Downloads/steadfast-backup-2026-12-06.json', false],
    ['/home/sam/Downloads/Steadfast/my-plan.json', false],
    ['/home/sam/Downloads/Steadfast/steadfast-backup-2026-12-06.json.txt', false],
    ['/home/sam/Documents/Other/steadfast-backup-2026-12-06.json', false],
  ])("%s is one of Steadfast's own backups: %s", (path, own) => {
    expect(isOwnBackupFile(path)).toBe(own);
  });

  test("the file's URL: a data: URL that holds every character where there is no createObjectURL, a blob: URL where there is", async () => {
    const text = '{"reason":"Für Zoë — 💙 <b>"}';
    const data = fileUrl(text, null);
    expect(data.url).toMatch(/^data:application\/json;base64,/);
    expect(await (await fetch(data.url)).text()).toBe(text);
    const made: Blob[] = [];
    const blob = fileUrl(text, (b) => (made.push(b), 'blob:moz-extension://x/1'));
    expect(blob.url).toBe('blob:moz-extension://x/1');
    expect(await made[0]!.text()).toBe(text);
  });
});

describe('turning it on and off', () => {
  test('refused by the browser: nothing changes', async () => {
    const { apis, permissions, store, downloads } = fakeAutoBackupApis(T);
    permissions.answer = false;
    expect(await turnOnAutoBackup(permissions, store, apis.lock)).toEqual({ ok: false, refused: true });
    expect(await store.getValue()).toEqual(AUTO_BACKUP_OFF);
    expect(await autoBackupTick(apis, { force: true })).toBe('off');
    expect(downloads.files()).toEqual([]);
  });

  test('allowed: the first backup is saved at once, the next is a week away', async () => {
    const { apis, permissions, store, downloads, alarms } = fakeAutoBackupApis(T);
    expect(await turnOnAutoBackup(permissions, store, apis.lock)).toEqual({ ok: true });
    expect(permissions.requests).toBe(1);
    expect(await autoBackupTick(apis, { force: true })).toBe('saved');
    expect(downloads.files()).toEqual(['/home/person/Downloads/Steadfast/steadfast-backup-2026-12-06.json']);
    expect(downloads.entries[0]!.url).toContain(encodeURIComponent('"format":"steadfast-backup"'));
    expect((await store.getValue()).lastSavedAt).toBe(T);
    expect(alarms.alarms.get(AUTO_BACKUP_ALARM)).toBe(T + WEEK);
  });

  test('off: every file stays on disk, the permission goes back, and no alarm is left', async () => {
    const { apis, permissions, store, downloads, alarms } = fakeAutoBackupApis(T);
    await turnOnAutoBackup(permissions, store, apis.lock);
    await autoBackupTick(apis, { force: true });
    await turnOffAutoBackup(permissions, store, apis.lock);
    expect(permissions.granted).toBe(false);
    expect(downloads.files()).toHaveLength(1);
    expect(await autoBackupTick(apis)).toBe('off');
    expect(alarms.alarms.size).toBe(0);
    expect((await store.getValue()).enabled).toBe(false);
  });
});

describe('with it on', () => {
  async function turnedOn() {
    const fake = fakeAutoBackupApis(T);
    await turnOnAutoBackup(fake.permissions, fake.store, fake.apis.lock);
    await fake.apis.store.setValue({ ...(await fake.store.getValue()), enabled: true });
    await autoBackupTick(fake.apis, { force: true });
    /** Moves the clock to the alarm and runs what the background runs when it rings. */
    const ring = async () => {
      fake.clock.now = fake.alarms.alarms.get(AUTO_BACKUP_ALARM)!;
      return autoBackupTick(fake.apis);
    };
    return { ...fake, ring };
  }

  test(`weekly for ten weeks: the last ${KEEP} are kept, older ones Steadfast made are removed, the person's own files never`, async () => {
    const { downloads, ring, store } = await turnedOn();
    const mine = downloads.addOwn('/home/person/Downloads/Steadfast/notes.json');
    const renamed = downloads.entries[0]!;
    renamed.filename = '/home/person/Downloads/Steadfast/keep-this-one.json';
    for (let week = 1; week < 10; week++) expect(await ring()).toBe('saved');
    const files = downloads.files();
    expect(files.filter((f) => isOwnBackupFile(f))).toHaveLength(KEEP);
    expect(files).toContain('/home/person/Downloads/Steadfast/notes.json');
    expect(files).toContain('/home/person/Downloads/Steadfast/keep-this-one.json');
    expect(downloads.entries.find((e) => e.id === mine)!.erased).toBe(false);
    expect((await store.getValue()).saved).toHaveLength(KEEP);
    // The removed ones are gone from disk and from the browser's list.
    expect(downloads.entries.filter((e) => e.erased).every((e) => !e.exists)).toBe(true);
  });

  test('a week missed while the browser was closed gives one backup, not a backlog', async () => {
    const { apis, clock, downloads, alarms } = await turnedOn();
    clock.now = T + 5 * WEEK + 3 * MINUTE;
    expect(await autoBackupTick(apis)).toBe('saved');
    expect(await autoBackupTick(apis)).toBe('not-due');
    expect(downloads.files()).toHaveLength(2);
    expect(alarms.alarms.get(AUTO_BACKUP_ALARM)).toBe(clock.now + WEEK);
  });

  test('big changes: one backup once they settle, at most one an hour', async () => {
    const { apis, clock, downloads, alarms, ring } = await turnedOn();
    clock.now = T + 10 * MINUTE;
    await noteBigChange(apis);
    clock.now = T + 20 * MINUTE;
    await noteBigChange(apis);
    expect(alarms.alarms.get(AUTO_BACKUP_ALARM)).toBe(T + MIN_GAP);
    expect(await autoBackupTick(apis)).toBe('not-due');
    expect(await ring()).toBe('saved');
    expect(downloads.files()).toHaveLength(2);
    // A change long after settles for two minutes, then is saved.
    clock.now = T + 5 * MIN_GAP;
    await noteBigChange(apis);
    expect(alarms.alarms.get(AUTO_BACKUP_ALARM)).toBe(T + 5 * MIN_GAP + SETTLE);
    expect(await ring()).toBe('saved');
    expect(downloads.files()).toHaveLength(3);
  });

  test("the permission withdrawn in the browser's settings: nothing is downloaded and the page can say why", async () => {
    const { apis, clock, permissions, downloads, store, alarms } = await turnedOn();
    permissions.granted = false;
    clock.now = T + WEEK;
    expect(await autoBackupTick(apis)).toBe('no-permission');
    expect(downloads.files()).toHaveLength(1);
    expect((await store.getValue()).problem).toBe('no-permission');
    expect(alarms.alarms.has(AUTO_BACKUP_ALARM)).toBe(false);
  });

  test('a download that fails is tried again in an hour, and said', async () => {
    const { apis, clock, downloads, store, alarms, ring } = await turnedOn();
    clock.now = T + WEEK;
    downloads.failNext = true;
    expect(await autoBackupTick(apis)).toBe('failed');
    expect((await store.getValue()).problem).toBe('failed');
    expect(alarms.alarms.get(AUTO_BACKUP_ALARM)).toBe(T + WEEK + MIN_GAP);
    expect(await ring()).toBe('saved');
    expect((await store.getValue()).problem).toBe(null);
  });
});
