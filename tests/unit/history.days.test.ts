import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import { readBackup } from '../../lib/backup/import';
import { restoreBackup } from '../../lib/backup/restore';
import { loadStoredConfig, saveStoredConfig } from '../../lib/backup/stored-config';
import type { Backup } from '../../lib/backup/schema';
import { openHistory, type HistoryDB } from '../../lib/history/db';
import { summariseDays } from '../../lib/history/day-summary';
import { DAYS_FORMAT, daysOfMonths, monthTotals, readDays, readSummaries, totalsOfMonths } from '../../lib/history/days-store';
import type { HistoryEvent, InterventionEvent } from '../../lib/history/event';
import { addEvent, updateEvent } from '../../lib/history/events';
import { recordMilestones } from '../../lib/history/progress';
import { localClock } from '../../lib/time/days';
import { dayFromText } from '../../lib/time/days';

// The per-day summaries must always equal summaries made afresh from the events, whatever wrote
// them: each write path below, in sequences a seeded generator makes, checked after every step.

const ZONE = 'Europe/London';
const clock = localClock('UTC'); // zones this browser does not know count as UTC in the summaries
const ZONES = [ZONE, 'America/New_York', 'Pacific/Auckland', 'Asia/Kolkata', 'Nowhere/Atlantis'];
const OUTCOMES: InterventionEvent['outcome'][] = ['shown', 'left', 'continued', 'closed'];
// Across the 2026 changes of clocks in London, New York and Auckland.
const FROM = Date.UTC(2026, 2, 1);
const SPAN = 250 * 86_400_000;

let db: HistoryDB;
beforeEach(async () => {
  db = await openHistory('steadfast-history', new IDBFactory());
});

/** A small seeded generator (mulberry32), so a failing sequence can be run again. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! };
}

type Random = ReturnType<typeof random>;
let n = 0;

function someEvent(r: Random): HistoryEvent {
  const base = { id: `e${n++}`, at: FROM + r.int(SPAN), tz: r.pick(ZONES) };
  switch (r.int(4)) {
    case 0:
      return { ...base, type: 'checkin', mood: 3, craving: r.int(11), halt: { hungry: false, angry: false, lonely: false, tired: false } };
    case 1:
      return { ...base, type: 'setback' };
    case 2:
      return { ...base, type: 'urge', before: r.int(11), after: r.next() < 0.6 ? r.int(11) : undefined };
    default:
      return { ...base, type: 'intervention', site: `site${r.int(4)}.example`, outcome: r.pick(OUTCOMES) };
  }
}

/** What the `meta` stamp must say: the count and the last event by time, then id. */
function stampOf(events: readonly HistoryEvent[]) {
  const last = [...events].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).at(-1);
  return { key: 'days', events: events.length, lastAt: last?.at, lastId: last?.id, format: DAYS_FORMAT };
}

async function expectInStep(step: string) {
  const events = await db.getAll('events');
  const fresh = summariseDays(events, clock);
  expect(daysOfMonths(await db.getAll('days')), step).toEqual(fresh);
  expect(totalsOfMonths(await db.getAll('months')), step).toEqual(monthTotals(fresh));
  expect(await db.get('meta', 'days'), step).toEqual(stampOf(events));
}

function backupWith(events: HistoryEvent[]): Backup {
  const read = readBackup(readFileSync(join(import.meta.dirname, '../fixtures/backups/accept-valid.json'), 'utf8'));
  if (!read.ok) throw new Error(read.message);
  return { ...read.backup, data: { ...read.backup.data, events } };
}

describe('the day summaries stay equal to the events', () => {
  test.each([1, 2, 3, 4, 5, 6])('after a sequence of adds, outcomes, edits and milestones (seed %i)', async (seed) => {
    const r = random(seed);
    const added: HistoryEvent[] = [];
    await expectInStep('empty');
    for (let i = 0; i < 40; i += 1) {
      const op = r.int(10);
      if (op < 6 || added.length === 0) {
        const event = someEvent(r);
        added.push(await addEvent(db, event, 0, ZONE));
      } else if (op < 8) {
        // The pause page records `shown`, then what the person did.
        const visit = added.find((e) => e.type === 'intervention' && e.outcome === 'shown');
        if (visit) await updateEvent(db, visit.id, 'intervention', { outcome: r.pick(['left', 'continued', 'closed'] as const) });
        if (visit?.type === 'intervention') visit.outcome = 'left';
      } else if (op < 9) {
        // An edit that moves an event to another day and zone.
        const event = r.pick(added);
        await updateEvent(db, event.id, event.type, { at: FROM + r.int(SPAN), tz: r.pick(ZONES) });
      } else {
        await recordMilestones(db, [{ days: 1 + r.int(30), reachedOn: dayFromText('2026-04-01')! }], FROM + r.int(SPAN), ZONE);
      }
      await expectInStep(`step ${i}`);
    }
  });

  test('a refused add (an id already there) changes neither', async () => {
    await addEvent(db, { id: 'same', type: 'urge', before: 6 }, FROM, ZONE);
    await expect(addEvent(db, { id: 'same', type: 'urge', before: 9 }, FROM + 86_400_000, ZONE)).rejects.toThrow();
    await expectInStep('after the refusal');
    expect(await db.count('days')).toBe(1);
  });

  test.each(['replace', 'merge'] as const)('after restoring a backup (%s), and after one put back when storage fails', async (mode) => {
    const r = random(mode === 'replace' ? 11 : 12);
    for (let i = 0; i < 30; i += 1) await addEvent(db, someEvent(r), 0, ZONE);
    const before = daysOfMonths(await db.getAll('days'));
    const theirs = Array.from({ length: 30 }, () => someEvent(r));
    const io = { load: loadStoredConfig, save: saveStoredConfig };

    const failed = await restoreBackup(backupWith(theirs), mode, db, { ...io, save: () => Promise.reject(new Error('full')) });
    expect(failed.ok).toBe(false);
    await expectInStep('put back');
    expect(daysOfMonths(await db.getAll('days'))).toEqual(before);

    expect((await restoreBackup(backupWith(theirs), mode, db, io)).ok).toBe(true);
    await expectInStep(mode);
    expect(await db.count('events')).toBe(mode === 'replace' ? 30 : 60);
  });
});

describe('a reader never trusts summaries that disagree with the events', () => {
  test.each([
    ['an event added without its summary', (events: IDBObjectStore) => events.add({ id: 'raw', type: 'urge', at: FROM, tz: ZONE, before: 9 })],
    ['an event deleted without its summary', (events: IDBObjectStore) => events.delete('e-first')],
  ])('%s: the summaries are made again from the events', async (_, write) => {
    await addEvent(db, { id: 'e-first', type: 'setback' }, FROM + 86_400_000, ZONE);
    await addEvent(
      db,
      { type: 'checkin', mood: 3, craving: 8, halt: { hungry: true, angry: false, lonely: false, tired: false } },
      FROM + 2 * 86_400_000,
      ZONE,
    );
    // As a benchmark or an older build would: straight into the events store.
    const raw = db.transaction('events', 'readwrite');
    write(raw.store as unknown as IDBObjectStore);
    await raw.done;

    const fresh = summariseDays(await db.getAll('events'), clock);
    expect(daysOfMonths(await db.getAll('days'))).not.toEqual(fresh);
    expect(await readDays(db, clock)).toEqual(fresh);
    await expectInStep('rebuilt');
  });
});

describe('the count comes after the summaries, so a page can draw first', () => {
  test('in step: the summaries, then a count that agrees', async () => {
    await addEvent(db, { type: 'urge', before: 6 }, FROM, ZONE);
    const read = await readSummaries(db, -Infinity, clock);
    expect(read.days).toEqual(summariseDays(await db.getAll('events'), clock));
    expect(await read.recount).toBeNull();
  });

  test('a newer event written without its summary: rebuilt before the summaries are given', async () => {
    await addEvent(db, { type: 'urge', before: 6 }, FROM, ZONE);
    const raw = db.transaction('events', 'readwrite');
    await raw.store.add({ id: 'raw', type: 'setback', at: FROM + 86_400_000, tz: ZONE });
    await raw.done;
    const read = await readSummaries(db, -Infinity, clock);
    expect(read.days).toEqual(summariseDays(await db.getAll('events'), clock));
    expect(await read.recount).toBeNull();
  });

  test('an older event taken away without its summary: the count finds it and gives the summaries made again', async () => {
    await addEvent(db, { id: 'old', type: 'setback' }, FROM, ZONE);
    await addEvent(db, { type: 'urge', before: 6 }, FROM + 86_400_000, ZONE);
    const stale = daysOfMonths(await db.getAll('days'));
    const raw = db.transaction('events', 'readwrite');
    await raw.store.delete('old');
    await raw.done;
    const read = await readSummaries(db, -Infinity, clock);
    expect(read.days).toEqual(stale); // the last event is the same: drawn from these first
    const fresh = summariseDays(await db.getAll('events'), clock);
    expect(fresh).not.toEqual(stale);
    expect((await read.recount)?.days).toEqual(fresh);
    await expectInStep('after the recount');
  });
});

describe('reading the recent months by day and the months before as totals', () => {
  test.each([
    ['summaries in step', false],
    ['summaries rebuilt first', true],
  ])('%s: the days from the month asked for, and a total for each month before', async (_, stale) => {
    const r = random(21);
    for (let i = 0; i < 60; i += 1) await addEvent(db, someEvent(r), 0, ZONE);
    if (stale) {
      const raw = db.transaction('events', 'readwrite');
      await raw.store.add({ id: 'raw', type: 'urge', at: FROM + 5 * 86_400_000, tz: ZONE, before: 9 });
      await raw.done;
    }
    const fresh = summariseDays(await db.getAll('events'), clock);
    const fromMonth = (2026 - 1970) * 12 + 5; // June 2026: the span runs March to November
    const june = Date.UTC(2026, 5, 1) / 86_400_000;
    const read = await readSummaries(db, fromMonth, clock);
    const { days, earlier } = (await read.recount) ?? read;
    expect(days).toEqual(fresh.filter((d) => d.day >= june));
    expect(earlier).toEqual(monthTotals(fresh.filter((d) => d.day < june)));
    expect(earlier.map((m) => new Date(m.day * 86_400_000).toISOString().slice(0, 10))).toEqual(['2026-03-01', '2026-04-01', '2026-05-01']);
    // A month's total adds up its days: the all-time sums come out the same either way.
    const sum = (list: typeof fresh) => list.reduce((n, d) => n + d.outcomes.left + d.urges + d.setbacks, 0);
    expect(sum(earlier) + sum(days)).toBe(sum(fresh));
    await expectInStep('after reading');
  });
});
