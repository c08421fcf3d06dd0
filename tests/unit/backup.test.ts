import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backupText, collectBackup, restoreProblem } from '../../lib/backup/export';
import { backupContents, readBackup, restoreEffects, sizeProblem } from '../../lib/backup/import';
import { restoreBackup, restoreFromText } from '../../lib/backup/restore';
import { loadStoredConfig, saveStoredConfig } from '../../lib/backup/stored-config';
import { BACKUP_VERSION, type Backup } from '../../lib/backup/schema';
import { openHistory, type HistoryDB } from '../../lib/history/db';
import { addEvent } from '../../lib/history/events';
import { emptyCostBenefit, emptyPlan, emptySafetyPlan } from '../../lib/plan/plan';
import { loadPlan, planItem } from '../../lib/plan/plan-item';
import { settingsItem } from '../../lib/settings/settings-item';
import { triggerListItem } from '../../lib/triggers/trigger-list';
import type { Trigger } from '../../lib/triggers/trigger';
import type { WeeklyReview } from '../../lib/review/review';
import { allReviews, saveReview } from '../../lib/review/reviews-store';

const FIXTURES = join(import.meta.dirname, '../fixtures/backups');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const T = Date.UTC(2026, 0, 1);
/** When the restores run: after every date in the fixtures (the newest export is 2026-01-02). */
const NOW = Date.UTC(2026, 1, 1);
const AT = { now: async () => NOW };
let db: HistoryDB;

const trigger = (id: string, host: string, mode: Trigger['mode'] = 'pause'): Trigger => ({ id, kind: 'site', mode, display: host, host, addedAt: T });

/** What a person has now: two triggers, a plan, settings and two events. */
async function seed() {
  await triggerListItem.setValue([trigger('a', 'here.example', 'block'), trigger('b', 'also.example')]);
  await planItem.setValue({ ...emptyPlan(), reasons: ['Being there for Mia'] });
  await settingsItem.setValue({ waitSeconds: 60, coolingOffHours: 24 });
  await addEvent(db, { id: 'x1', type: 'urge', before: 8 }, T, 'Europe/London');
  await addEvent(db, { id: 'x2', type: 'intervention', site: 'here.example', outcome: 'left' }, T + 1, 'Europe/London');
}

/** Every byte of storage.local and every event, to prove a refused import changed nothing. */
async function snapshot() {
  return { storage: await fakeBrowser.storage.local.get(null), events: await db.getAll('events') };
}

function accepted(name: string): Backup {
  const result = readBackup(fixture(name));
  if (!result.ok) throw new Error(`${name}: ${result.message}`);
  return result.backup;
}

beforeEach(async () => {
  db = await openHistory('steadfast-history', new IDBFactory());
});

describe('the fixture corpus', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
  const rejects = files.filter((f) => f.startsWith('reject-'));
  const accepts = files.filter((f) => f.startsWith('accept-'));

  test('holds at least 25 malformed or hostile backups, each marked accept or reject', () => {
    expect(rejects.length).toBeGreaterThanOrEqual(25);
    expect(rejects.length + accepts.length).toBe(files.length);
  });

  // Through the whole restore, as the options page runs it: a check that let a file through would
  // write it, and the snapshot would differ (the accepted files below prove a restore does write).
  test.each(
    rejects.flatMap(
      (name) =>
        [
          [name, 'replace'],
          [name, 'merge'],
        ] as const,
    ),
  )('%s is refused with a message by %s, and nothing changes', async (name, mode) => {
    await seed();
    const before = await snapshot();
    const result = await restoreFromText(fixture(name), mode, db, undefined, AT);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/Nothing was changed\.$/);
    expect(await snapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test.each(accepts)('%s is accepted and restores as plain data', async (name) => {
    await seed();
    const backup = accepted(name);
    const result = await restoreBackup(backup, 'replace', db, undefined, AT);
    expect(result.ok).toBe(true);
    expect(await planItem.getValue()).toEqual(backup.data.plan);
    expect((await db.getAll('events')).map((e) => e.id).sort()).toEqual(backup.data.events.map((e) => e.id).sort());
  });

  test('keys a backup should not have are dropped, not stored', async () => {
    const backup = accepted('accept-unknown-extra-keys-dropped.json');
    expect('extra' in backup).toBe(false);
    expect('evil' in backup.data.plan).toBe(false);
  });

  test('HTML in text is kept exactly as written: it is data, shown as text', () => {
    const backup = accepted('accept-html-in-every-text-field.json');
    expect(backup.data.plan.afterASetback).toBe('<img src=x onerror=alert(1)><script>alert("x")</script>');
  });
});

describe('checks before reading', () => {
  test('a file over 50 MB is refused by its size alone', () => {
    expect(sizeProblem(50 * 1024 * 1024 + 1)).toMatch(/larger than 50 MB.*Nothing was changed/);
    expect(sizeProblem(1024)).toBeUndefined();
  });

  test('a newer backup says to update Steadfast', () => {
    const result = readBackup(fixture('reject-newer-version.json'));
    expect(result.ok || result.message).toMatch(/newer version of Steadfast/);
  });

  test('a bad field is named', () => {
    const result = readBackup(fixture('reject-day-feb-30.json'));
    expect(result.ok || result.message).toMatch(/data\.streak\.startedOn/);
  });
});

describe('export then import', () => {
  test('replace reproduces the same data', async () => {
    await seed();
    const exported = await collectBackup(db, T);
    expect(restoreProblem(exported)).toBeUndefined();
    const before = await loadStoredConfig();
    const text = backupText(exported);

    await fakeBrowser.storage.local.clear();
    const empty = await openHistory('other', new IDBFactory());
    const read = readBackup(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(await restoreBackup(read.backup, 'replace', empty, undefined, AT)).toMatchObject({ ok: true });
    // Triggers and lists new to this device are dated now, never by the file.
    expect(await loadStoredConfig()).toEqual({
      ...before,
      triggers: before.triggers.map((t) => ({ ...t, addedAt: NOW })),
      blocklists: before.blocklists.map((l) => ({ ...l, addedAt: NOW })),
    });
    expect(await empty.getAll('events')).toEqual(await db.getAll('events'));
    // Stored with its version, so no migration runs over it again (v1→v2 would turn Pause into Block).
    expect(await fakeBrowser.storage.local.get('triggers$')).toEqual({ triggers$: { v: 2 } });
  });

  test('merge never duplicates events or triggers, and keeps what is here', async () => {
    await seed();
    const backup = accepted('accept-valid.json');
    backup.data.triggers.push(trigger('z', 'here.example'));
    backup.data.events.push({ id: 'x1', type: 'urge', before: 1, at: T, tz: 'UTC' });
    const effects = restoreEffects(backup.data, await loadStoredConfig(), new Set(['x1', 'x2']));
    expect(effects.merge).toContain('adds 3 trigger sites and 5 history events');

    expect(await restoreBackup(backup, 'merge', db, undefined, AT)).toMatchObject({ ok: true });
    expect(await restoreBackup(backup, 'merge', db, undefined, AT)).toMatchObject({ ok: true });
    const triggers = await triggerListItem.getValue();
    expect(triggers.map((t) => t.host)).toEqual(['here.example', 'also.example', 'trigger.example', 'forum.example', '']);
    const events = await db.getAll('events');
    expect(events).toHaveLength(7);
    expect(events.find((e) => e.id === 'x1')).toMatchObject({ before: 8 });
    const plan = await planItem.getValue();
    expect(plan.reasons).toEqual(['Being there for Mia', 'My daughter']);
    expect(plan.highRiskSituations).toBe('Friday nights');
    expect(plan.supportPeople).toHaveLength(1);
  });

  test('replace does not get round the cooling-off: a trigger left out or loosened waits', async () => {
    await seed();
    const backup = accepted('accept-valid.json');
    backup.data.triggers = [trigger('n', 'here.example', 'pause')];
    backup.data.settings = { waitSeconds: 10, coolingOffHours: 1 };
    const result = await restoreBackup(backup, 'replace', db, undefined, AT);
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining('4 changes that loosen') });
    const config = await loadStoredConfig();
    expect(config.triggers.map((t) => [t.id, t.mode])).toEqual([
      ['a', 'block'],
      ['b', 'pause'],
    ]);
    expect(config.settings).toEqual({ waitSeconds: 60, coolingOffHours: 24 });
    expect(config.pending.map((p) => p.kind).sort()).toEqual(['pause-mode', 'remove-trigger', 'shorter-cooling-off', 'shorter-wait']);
    expect(config.pending.every((p) => p.effectiveAt === NOW + 24 * 3_600_000)).toBe(true);
  });

  test('the summary says what the backup holds', () => {
    expect(backupContents(accepted('accept-valid.json').data)).toBe(
      '3 trigger sites, 1 imported list (2 sites), a plan, 1 support person, 1 service of your own, a streak started on 2025-12-01, 5 history events',
    );
  });
});

describe('all or nothing', () => {
  test('when the storage write fails, the history is put back and storage is as it was', async () => {
    await seed();
    const before = await snapshot();
    const backup = accepted('accept-valid.json');
    const failing = { load: loadStoredConfig, save: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) };
    const result = await restoreBackup(backup, 'replace', db, failing, AT);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('nothing was changed') });
    expect(await snapshot()).toEqual(before);
  });

  test('when the history write fails, storage is never touched', async () => {
    await seed();
    const before = await snapshot();
    const backup = accepted('accept-valid.json');
    db.close();
    let saved = false;
    const watching = { load: loadStoredConfig, save: async () => void (saved = true) };
    const result = await restoreBackup(backup, 'replace', db, watching, AT);
    expect(result.ok).toBe(false);
    expect(saved).toBe(false);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before.storage);
  });

  test('saving writes every item and its version in one storage call', async () => {
    const calls: unknown[] = [];
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    fakeBrowser.storage.local.set = async (items) => {
      calls.push(items);
      return set(items);
    };
    await saveStoredConfig(await loadStoredConfig());
    expect(calls).toHaveLength(1);
  });
});

describe('backup version 2: the safety plan', () => {
  test("a version 1 file is read as today's version, its plan kept, every safety step empty and no partner lock", () => {
    const raw = JSON.parse(fixture('accept-valid.json')) as { version: number; data: { plan: Record<string, unknown> } };
    expect(raw.version).toBe(1);
    const backup = accepted('accept-valid.json');
    expect(backup.version).toBe(BACKUP_VERSION);
    expect(backup.data.plan).toEqual({ ...emptySafetyPlan(), ...emptyCostBenefit(), ...raw.data.plan });
    expect(backup.data.partnerLock).toBeNull();
  });

  test("a version 1 file restores, and an export of it afterwards is today's version with the same plan", async () => {
    await seed();
    const backup = accepted('accept-valid.json');
    expect(await restoreBackup(backup, 'replace', db, undefined, AT)).toMatchObject({ ok: true });
    const exported = await collectBackup(db, T);
    expect(exported.version).toBe(BACKUP_VERSION);
    expect(exported.data.plan).toEqual(backup.data.plan);
    expect(restoreProblem(exported)).toBeUndefined();
  });

  test("a version 3 file (before staying vigilant) is read as today's version with everything in it kept", async () => {
    await seed();
    const current = await collectBackup(db, T);
    const v3 = JSON.parse(backupText(current)) as { version: number };
    v3.version = 3;
    const read = readBackup(JSON.stringify(v3));
    if (!read.ok) throw new Error(read.message);
    expect(read.backup.version).toBe(BACKUP_VERSION);
    expect(read.backup.data).toEqual(current.data);
  });

  test('export then restore in an empty profile brings the safety plan and the setback follow-up back', async () => {
    await seed();
    const backup = accepted('accept-v2-safety-plan.json');
    expect(await restoreBackup(backup, 'replace', db, undefined, AT)).toMatchObject({ ok: true });
    const text = backupText(await collectBackup(db, T));

    await fakeBrowser.storage.local.clear();
    const fresh = await openHistory('fresh', new IDBFactory());
    const read = readBackup(text);
    if (!read.ok) throw new Error(read.message);
    expect(await restoreBackup(read.backup, 'replace', fresh, undefined, AT)).toMatchObject({ ok: true });
    const plan = await loadPlan();
    expect(plan.reasonsForLiving).toEqual(['My daughter', 'Seeing the sea again']);
    expect(plan.safetyServices).toEqual(['directory:uk-samaritans', 'directory:uk-frank', 'mine:m1']);
    expect(plan.safetyHelpers).toEqual(['p1']);
    expect(await fakeBrowser.storage.local.get('plan$')).toEqual({ plan$: { v: 3 } });
    const setback = (await fresh.getAll('events')).find((e) => e.type === 'setback');
    expect(setback).toMatchObject({ whatHelpedBefore: 'Calling Sam', followUp: 'open' });
  });

  test('what a backup holds names the safety plan when it has one', () => {
    expect(backupContents(accepted('accept-v2-safety-plan.json').data)).toContain('a safety plan');
    expect(backupContents(accepted('accept-valid.json').data)).not.toContain('safety plan');
  });

  test('merge keeps a safety step written here and fills an empty one from the backup', async () => {
    await planItem.setValue({ ...emptyPlan(), reasonsForLiving: ['Here'] });
    const backup = accepted('accept-v2-safety-plan.json');
    expect(await restoreBackup(backup, 'merge', db, undefined, AT)).toMatchObject({ ok: true });
    const plan = await loadPlan();
    expect(plan.reasonsForLiving).toEqual(['Here']);
    expect(plan.safetyOnMyOwn).toEqual(['A hot shower', 'Walk round the park']);
  });

  test.each([
    ['reject-v2-safety-line-too-long.json', /longer than 300 characters.*data\.plan\.reasonsForLiving\.0/],
    ['reject-v2-safety-too-many-lines.json', /more than 20 items.*data\.plan\.safetyOnMyOwn/],
    ['reject-v2-missing-safety-step.json', /data\.plan\.safetySurroundings/],
  ])('%s is refused and says where', (name, message) => {
    const result = readBackup(fixture(name));
    expect(result.ok || result.message).toMatch(message);
  });
});

describe('backup version 4: the urge log', () => {
  const urgeBackup = async (fields: Record<string, unknown>) => {
    const backup = JSON.parse(backupText(await collectBackup(db, T))) as Backup;
    (backup.data.events as unknown[]).push({ id: 'u-log', type: 'urge', at: T, tz: 'UTC', before: 7, after: 3, minutes: 12, ...fields });
    return readBackup(JSON.stringify(backup));
  };

  test('what set an urge off and what they did come back after export and restore', async () => {
    await addEvent(
      db,
      {
        id: 'u1',
        type: 'urge',
        before: 8,
        after: 2,
        minutes: 14,
        setOffBy: ['place', 'lonely'],
        setOffOwn: 'Friday payday',
        action: 'own',
        ownAction: 'Rang my sister',
      },
      T,
      'Europe/London',
    );
    const read = readBackup(backupText(await collectBackup(db, T)));
    if (!read.ok) throw new Error(read.message);
    const fresh = await openHistory('steadfast-history', new IDBFactory());
    expect(await restoreBackup(read.backup, 'replace', fresh, undefined, AT)).toMatchObject({ ok: true });
    expect(await fresh.get('events', 'u1')).toEqual(
      expect.objectContaining({ setOffBy: ['place', 'lonely'], setOffOwn: 'Friday payday', action: 'own', ownAction: 'Rang my sister' }),
    );
  });

  test('an urge without any of the new fields (a version 3 urge) is still read', async () => {
    const read = await urgeBackup({});
    expect(read.ok).toBe(true);
  });

  test.each([
    ['an unknown trigger kind', { setOffBy: ['weather'] }, /data\.events\.0\.setOffBy/],
    ['the same trigger twice', { setOffBy: ['tired', 'tired'] }, /same thing that set it off twice/],
    ['an unknown action', { action: 'hope' }, /data\.events\.0\.action/],
    ['own words over 200 characters', { setOffOwn: 'x'.repeat(201) }, /longer than 200 characters/],
    ['own action over 200 characters', { ownAction: 'x'.repeat(201) }, /longer than 200 characters/],
  ])('%s is refused and named', async (_, fields, message) => {
    const read = await urgeBackup(fields);
    expect(read.ok || read.message).toMatch(message);
  });
});

describe('backup version 4: weekly reviews', () => {
  const mine: WeeklyReview = {
    id: 'here1',
    at: T,
    tz: 'Europe/London',
    weekEnding: '2026-01-01',
    wentWell: 'A quiet week',
    wasHard: 'New Year',
    planChange: 'Bed by eleven',
    appliedTo: 'dailyRoutine',
  };

  test('the version 4 fixture is read with its reviews, and says what it holds', () => {
    const backup = accepted('accept-v4-weekly-reviews.json');
    expect(backup.data.reviews.map((r) => [r.id, r.weekEnding, r.appliedTo])).toEqual([
      ['r1', '2025-12-29', 'ifThenSteps'],
      ['r2', '2025-12-22', undefined],
    ]);
    expect(backupContents(backup.data)).toContain('5 history events, 2 weekly reviews');
  });

  test('export then Replace in an empty profile brings every review back as it was', async () => {
    await seed();
    await saveReview(db, mine);
    const exported = await collectBackup(db, T);
    expect(exported.data.reviews).toEqual([mine]);
    expect(restoreProblem(exported)).toBeUndefined();

    await fakeBrowser.storage.local.clear();
    const fresh = await openHistory('fresh', new IDBFactory());
    const read = readBackup(backupText(exported));
    if (!read.ok) throw new Error(read.message);
    expect(await restoreBackup(read.backup, 'replace', fresh, undefined, AT)).toMatchObject({ ok: true });
    expect(await allReviews(fresh)).toEqual([mine]);
    expect(await fresh.getAll('events')).toEqual(await db.getAll('events'));
  });

  test("Replace puts the backup's reviews in place of these; Merge keeps these and adds the backup's new ones once", async () => {
    await seed();
    await saveReview(db, mine);
    const backup = accepted('accept-v4-weekly-reviews.json');
    expect(await restoreBackup(backup, 'merge', db, undefined, AT)).toMatchObject({ ok: true });
    expect(await restoreBackup(backup, 'merge', db, undefined, AT)).toMatchObject({ ok: true });
    expect((await allReviews(db)).map((r) => r.id)).toEqual(['here1', 'r1', 'r2']);

    // The same id in the backup with other words: Merge keeps what is here.
    const edited = { ...backup, data: { ...backup.data, reviews: [{ ...mine, wentWell: 'Changed in the file' }] } };
    expect(await restoreBackup(edited, 'merge', db, undefined, AT)).toMatchObject({ ok: true });
    expect((await allReviews(db)).find((r) => r.id === 'here1')?.wentWell).toBe('A quiet week');

    expect(await restoreBackup(backup, 'replace', db, undefined, AT)).toMatchObject({ ok: true });
    expect((await allReviews(db)).map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  test('a version 3 file (no reviews) restores: Merge keeps the reviews here, Replace leaves the history as the file has it', async () => {
    await seed();
    await saveReview(db, mine);
    const v3 = JSON.parse(fixture('accept-v4-weekly-reviews.json')) as { version: number; data: { reviews?: unknown } };
    v3.version = 3;
    const read = readBackup(JSON.stringify(v3));
    if (!read.ok) throw new Error(read.message);
    expect(read.backup.version).toBe(BACKUP_VERSION);
    expect(read.backup.data.reviews).toEqual([]);
    expect(backupContents(read.backup.data)).not.toContain('weekly review');

    expect(await restoreBackup(read.backup, 'merge', db, undefined, AT)).toMatchObject({ ok: true });
    expect((await allReviews(db)).map((r) => r.id)).toEqual(['here1']);
    expect(await restoreBackup(read.backup, 'replace', db, undefined, AT)).toMatchObject({ ok: true });
    expect(await allReviews(db)).toEqual([]);
    expect((await db.getAll('events')).map((e) => e.id).sort()).toEqual(read.backup.data.events.map((e) => e.id).sort());
  });

  test('when the storage write fails, the reviews are put back as they were', async () => {
    await seed();
    await saveReview(db, mine);
    const failing = { load: loadStoredConfig, save: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) };
    const result = await restoreBackup(accepted('accept-v4-weekly-reviews.json'), 'replace', db, failing, AT);
    expect(result.ok).toBe(false);
    expect(await allReviews(db)).toEqual([mine]);
  });

  test('a review dated in the future is refused, naming it', async () => {
    const backup = accepted('accept-v4-weekly-reviews.json');
    backup.data.reviews[0] = { ...backup.data.reviews[0]!, at: NOW + 86_400_000 };
    const result = await restoreBackup(backup, 'replace', db, undefined, AT);
    expect(result.ok || result.message).toContain('data.reviews.0.at');
  });
});

describe('backup version 4: the four boxes', () => {
  const boxes = { cbaUsingGives: ['A break'], cbaUsingCosts: ['Money', 'Sleep'], cbaNotUsingGives: ['Clear mornings'], cbaNotUsingCosts: ['Long evenings'] };

  test("a version 3 file's plan, written before the four boxes, reads with every box empty and the rest kept", async () => {
    await seed();
    const current = await collectBackup(db, T);
    const v3 = JSON.parse(backupText(current)) as { version: number; data: { plan: Record<string, unknown> } };
    v3.version = 3;
    for (const key of Object.keys(boxes)) delete v3.data.plan[key];
    const read = readBackup(JSON.stringify(v3));
    if (!read.ok) throw new Error(read.message);
    expect(read.backup.data.plan).toEqual({ ...current.data.plan, ...emptyCostBenefit() });
  });

  test('the boxes go out in a backup and come back in an empty profile', async () => {
    await seed();
    await planItem.setValue({ ...(await loadPlan()), ...boxes });
    const text = backupText(await collectBackup(db, T));
    await fakeBrowser.storage.local.clear();
    const read = readBackup(text);
    if (!read.ok) throw new Error(read.message);
    expect(await restoreBackup(read.backup, 'replace', await openHistory('boxes', new IDBFactory()), undefined, AT)).toMatchObject({ ok: true });
    expect(await loadPlan()).toMatchObject(boxes);
  });

  test('merge keeps a box written here and fills an empty one from the backup', async () => {
    await seed();
    const backup = await collectBackup(db, T);
    backup.data.plan = { ...backup.data.plan, ...boxes };
    await planItem.setValue({ ...emptyPlan(), cbaUsingGives: ['Mine'] });
    expect(await restoreBackup(backup, 'merge', db, undefined, AT)).toMatchObject({ ok: true });
    expect(await loadPlan()).toMatchObject({ ...boxes, cbaUsingGives: ['Mine'] });
  });

  test('a box with too many lines is refused and says where', async () => {
    await seed();
    const raw = JSON.parse(backupText(await collectBackup(db, T))) as { data: { plan: Record<string, unknown> } };
    raw.data.plan.cbaNotUsingCosts = Array.from({ length: 13 }, (_, i) => `Line ${i}`);
    const result = readBackup(JSON.stringify(raw));
    expect(result.ok || result.message).toMatch(/more than 12 items.*data\.plan\.cbaNotUsingCosts/);
  });
});
