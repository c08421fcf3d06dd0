import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import { openHistory, type HistoryDB } from '../../lib/history/db';
import { addEvent, countByType, eventsBetween, eventsByType, latest, updateEvent } from '../../lib/history/events';

const LONDON = 'Europe/London';
const noHalt = { hungry: false, angry: false, lonely: false, tired: false };
let db: HistoryDB;

beforeEach(async () => {
  db = await openHistory('steadfast-history', new IDBFactory());
  // Written out of time order on purpose: reads must come back ordered by `at`, not by insertion.
  await addEvent(db, { id: 'i3', type: 'intervention', site: 'c.example', outcome: 'continued' }, 3_000, LONDON);
  await addEvent(db, { id: 'c2', type: 'checkin', mood: 2, craving: 6, halt: noHalt }, 2_000, LONDON);
  await addEvent(db, { id: 'i1', type: 'intervention', site: 'a.example', outcome: 'left' }, 1_000, LONDON);
  await addEvent(db, { id: 'i4', type: 'intervention', site: 'd.example', outcome: 'closed' }, 4_000, LONDON);
  await addEvent(db, { id: 'i2', type: 'intervention', site: 'b.example', outcome: 'shown' }, 2_000, LONDON);
});

const ids = (events: { id: string }[]) => events.map((e) => e.id);

describe('addEvent', () => {
  test('fills id, time and zone when left out', async () => {
    const before = Date.now();
    const event = await addEvent(db, { type: 'urge', before: 6 });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(event.at).toBeGreaterThanOrEqual(before);
    expect(event.tz).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(await db.get('events', event.id)).toEqual(event);
  });

  test('keeps the time and zone the caller gives (a setback logged for an earlier day)', async () => {
    const at = Date.parse('2026-02-01T21:00:00Z');
    const event = await addEvent(db, { type: 'setback', at, tz: 'Asia/Tokyo', whatIFelt: 'Alone.' }, 9_999, LONDON);
    expect(event).toMatchObject({ at, tz: 'Asia/Tokyo', whatIFelt: 'Alone.' });
  });

  test('refuses a second event with the same id and keeps the first', async () => {
    await expect(addEvent(db, { id: 'i1', type: 'urge', before: 1 })).rejects.toThrow();
    expect((await db.get('events', 'i1'))?.type).toBe('intervention');
  });
});

describe('reading', () => {
  test('eventsByType: one type, oldest first', async () => {
    expect(ids(await eventsByType(db, 'intervention'))).toEqual(['i1', 'i2', 'i3', 'i4']);
    expect(ids(await eventsByType(db, 'checkin'))).toEqual(['c2']);
    expect(await eventsByType(db, 'setback')).toEqual([]);
  });

  test.each([
    [{ from: 2_000 }, ['i2', 'i3', 'i4']],
    [{ to: 3_000 }, ['i1', 'i2']],
    [{ from: 2_000, to: 4_000 }, ['i2', 'i3']],
    [{ from: 2_000, to: 2_001 }, ['i2']],
    [{ from: 4_000, to: 4_000 }, []],
    [{ from: 5_000, to: 1_000 }, []],
  ])('eventsByType within %o', async (range, expected) => {
    expect(ids(await eventsByType(db, 'intervention', range))).toEqual(expected);
  });

  test('eventsBetween: every type, from included, to left out', async () => {
    expect(ids(await eventsBetween(db, 2_000, 4_000)).sort()).toEqual(['c2', 'i2', 'i3']);
    expect(ids(await eventsBetween(db, 1_000, 2_000))).toEqual(['i1']);
    expect(await eventsBetween(db, 3_000, 3_000)).toEqual([]);
  });

  test('latest: the most recent by time, whatever the order written', async () => {
    expect((await latest(db, 'intervention'))?.id).toBe('i4');
    expect((await latest(db, 'checkin'))?.mood).toBe(2);
    expect(await latest(db, 'milestone')).toBeUndefined();
  });

  test('countByType: in all and within a range', async () => {
    expect(await countByType(db, 'intervention')).toBe(4);
    expect(await countByType(db, 'checkin')).toBe(1);
    expect(await countByType(db, 'urge')).toBe(0);
    expect(await countByType(db, 'intervention', { from: 2_000, to: 4_000 })).toBe(2);
    expect(await countByType(db, 'intervention', { from: 4_000, to: 1 })).toBe(0);
  });
});

describe('updateEvent', () => {
  test('changes the given fields and keeps the rest', async () => {
    const updated = await updateEvent(db, 'c2', 'checkin', { note: 'Called Sam.', craving: 3 });
    expect(updated).toEqual({ id: 'c2', type: 'checkin', at: 2_000, tz: LONDON, mood: 2, craving: 3, halt: noHalt, note: 'Called Sam.' });
    expect(await db.get('events', 'c2')).toEqual(updated);
  });

  test('leaves an event of another type alone', async () => {
    expect(await updateEvent(db, 'c2', 'urge', { before: 1 })).toBeUndefined();
    expect((await db.get('events', 'c2'))?.type).toBe('checkin');
  });

  test('does nothing for an unknown id', async () => {
    expect(await updateEvent(db, 'nope', 'milestone', { celebrated: true })).toBeUndefined();
    expect(await db.count('events')).toBe(5);
  });
});

// Checked by `tsc`, never run: the event types catch wrong shapes at compile time.
async function _typeChecks() {
  const checkin = await addEvent(db, { type: 'checkin', mood: 3, craving: 2, halt: noHalt });
  checkin.mood satisfies 1 | 2 | 3 | 4 | 5;
  // @ts-expect-error a mood is 1 to 5
  await addEvent(db, { type: 'checkin', mood: 7, craving: 2, halt: noHalt });
  // @ts-expect-error no such field
  await addEvent(db, { type: 'urge', before: 3, colour: 'red' });
  // @ts-expect-error an intervention needs its outcome
  await addEvent(db, { type: 'intervention', site: 'example.com' });
  // @ts-expect-error the type cannot change
  await updateEvent(db, 'x', 'urge', { type: 'checkin' });
}

describe('a pause-page visit and what the person did', () => {
  test('the first outcome recorded wins, whoever writes it (the page or the background)', async () => {
    const { recordOutcome } = await import('../../lib/history/intervention');
    expect(await recordOutcome(db, 'i2', 'closed')).toMatchObject({ outcome: 'closed' });
    expect(await recordOutcome(db, 'i2', 'continued')).toBeUndefined();
    expect(await recordOutcome(db, 'i1', 'closed')).toBeUndefined(); // already "left"
    expect((await eventsByType(db, 'intervention')).map((e) => [e.id, e.outcome])).toEqual([
      ['i1', 'left'],
      ['i2', 'closed'],
      ['i3', 'continued'],
      ['i4', 'closed'],
    ]);
    expect(await recordOutcome(db, 'c2', 'left')).toBeUndefined(); // not a visit
    expect(await recordOutcome(db, 'nothing', 'left')).toBeUndefined();
  });

  test('the pause page hands the visit and its first outcome to the background as well; both writers keep one visit', async () => {
    const { InterventionLog, recordVisit } = await import('../../lib/history/intervention');
    const told: import('../../lib/history/intervention').VisitMessage[] = [];
    const log = new InterventionLog(
      Promise.resolve(db),
      (message) => told.push(message),
      () => 5_000,
    );
    await log.outcome('left'); // before the visit is shown: nothing to say
    expect(told).toEqual([]);
    log.shown('e.example');
    // The background writes what it is told, here before the page's own write lands.
    await recordVisit(db, told[0]!);
    await log.outcome('closed');
    await log.outcome('left'); // a later one changes nothing
    for (const message of told) await recordVisit(db, message); // and again: nothing twice
    const visits = (await eventsByType(db, 'intervention')).filter((e) => e.site === 'e.example');
    expect(visits).toEqual([{ id: visits[0]!.id, type: 'intervention', at: 5_000, tz: expect.any(String), site: 'e.example', outcome: 'closed' }]);
    expect(told).toEqual([
      { type: 'steadfast:visit-shown', visit: { ...visits[0]!, outcome: 'shown' } },
      { type: 'steadfast:visit-outcome', id: visits[0]!.id, outcome: 'closed' },
    ]);
  });

  const visit = { id: 'v1', type: 'intervention', at: 1_000, tz: LONDON, site: 'a.example', outcome: 'shown' };
  test.each([
    [null],
    ['closed'],
    [{ type: 'steadfast:visit-outcome', id: 'x', outcome: 'shown' }],
    [{ type: 'steadfast:visit-outcome', id: '', outcome: 'left' }],
    [{ type: 'steadfast:visit-outcome', id: 'x'.repeat(101), outcome: 'left' }],
    [{ type: 'steadfast:visit-outcome', id: 7, outcome: 'left' }],
    [{ type: 'steadfast:continue', id: 'x', outcome: 'left' }],
    [{ type: 'steadfast:visit-shown', visit: { ...visit, outcome: 'left' } }],
    [{ type: 'steadfast:visit-shown', visit: { ...visit, type: 'setback' } }],
    [{ type: 'steadfast:visit-shown', visit: { ...visit, at: Number.NaN } }],
    [{ type: 'steadfast:visit-shown', visit: { ...visit, site: 'x'.repeat(301) } }],
    [{ type: 'steadfast:visit-shown', visit: { ...visit, url: 'https://a.example/private' } }],
    [{ type: 'steadfast:visit-shown', visit: null }],
  ])('a message that is not a visit is refused: %j', async (message) => {
    const { isVisitMessage } = await import('../../lib/history/intervention');
    expect(isVisitMessage(message)).toBe(false);
  });

  test('well-formed ones are taken', async () => {
    const { isVisitMessage } = await import('../../lib/history/intervention');
    expect(isVisitMessage({ type: 'steadfast:visit-outcome', id: 'abc', outcome: 'continued' })).toBe(true);
    expect(isVisitMessage({ type: 'steadfast:visit-shown', visit })).toBe(true);
  });
});
