import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import { openHistory, type HistoryDB } from '../../lib/history/db';
import { daysOfMonths } from '../../lib/history/days-store';
import { addEvent } from '../../lib/history/events';
import { addUrgeDetails, checkUrgeDetails, checkUrgeLog, logUrge } from '../../lib/history/urge-log';

const T = Date.UTC(2026, 5, 1, 12);
let db: HistoryDB;
beforeEach(async () => {
  db = await openHistory('steadfast-history', new IDBFactory());
});

describe('checkUrgeLog: every field optional but the strength at the start', () => {
  test('the start strength alone is enough', () => {
    expect(checkUrgeLog({ before: 6 })).toEqual({ ok: true, value: { before: 6 } });
  });

  test('without the start strength nothing is saved, and the message says what is needed', () => {
    expect(checkUrgeLog({ after: 2, setOffBy: ['tired'], action: 'delay' })).toEqual({ ok: false, problem: { key: 'urgeLog_needStart' } });
  });

  test('a whole log keeps every field, trimmed, the kinds in a fixed order and once each', () => {
    expect(
      checkUrgeLog({
        before: 8,
        after: 3,
        minutes: ' 25 ',
        setOffBy: ['tired', 'site', 'tired'],
        setOffOwn: '  payday   Friday ',
        action: 'own',
        ownAction: ' rang  Sam ',
      }),
    ).toEqual({
      ok: true,
      value: { before: 8, after: 3, minutes: 25, setOffBy: ['site', 'tired'], setOffOwn: 'payday Friday', action: 'own', ownAction: 'rang Sam' },
    });
  });

  test('own words for what they did are kept only with their own action; empty words are left out', () => {
    expect(checkUrgeLog({ before: 5, action: 'delay', ownAction: 'walk', setOffOwn: '   ' })).toEqual({ ok: true, value: { before: 5, action: 'delay' } });
  });

  test.each(['0', '1441', '2.5', 'ten', '-3', '1e3'])('minutes "%s" are refused with a clear message', (minutes) => {
    expect(checkUrgeLog({ before: 5, minutes })).toEqual({ ok: false, problem: { key: 'urgeLog_minutesInvalid', substitutions: ['1440'] } });
  });

  test('own words over 200 characters are refused', () => {
    expect(checkUrgeLog({ before: 5, setOffOwn: 'x'.repeat(201) })).toMatchObject({ ok: false, problem: { key: 'urgeLog_textTooLong' } });
    expect(checkUrgeDetails({ action: 'own', ownAction: 'x'.repeat(201) })).toMatchObject({ ok: false, problem: { key: 'urgeLog_textTooLong' } });
  });

  test('a rating off the scale is refused', () => {
    expect(checkUrgeLog({ before: 11 })).toMatchObject({ ok: false });
    expect(checkUrgeLog({ before: 4, after: -1 })).toMatchObject({ ok: false });
  });

  test('details alone may be empty: nothing to add', () => {
    expect(checkUrgeDetails({})).toEqual({ ok: true, value: {} });
  });
});

describe('writes', () => {
  test('logUrge writes the urge and its day summary together', async () => {
    const saved = await logUrge(db, { before: 8, after: 2, minutes: 15, setOffBy: ['lonely'], action: 'distract' }, T);
    expect(await db.get('events', saved.id)).toEqual(
      expect.objectContaining({ type: 'urge', before: 8, after: 2, minutes: 15, setOffBy: ['lonely'], action: 'distract', at: T }),
    );
    const [day] = daysOfMonths(await db.getAll('days'));
    expect(day).toMatchObject({ urges: 1, urgeBefore: 8, urgeAfter: 2 });
  });

  test('addUrgeDetails adds to the urge surfing just saved, keeping its ratings', async () => {
    const surfed = await addEvent(db, { type: 'urge', before: 7, after: 4, minutes: 10 }, T);
    await addUrgeDetails(db, surfed.id, { setOffBy: ['people'], action: 'escape' });
    expect(await db.get('events', surfed.id)).toEqual({ ...surfed, setOffBy: ['people'], action: 'escape' });
    expect(daysOfMonths(await db.getAll('days'))[0]).toMatchObject({ urges: 1, urgeBefore: 7, urgeAfter: 4 });
  });

  test('addUrgeDetails changes nothing when the id is not an urge', async () => {
    const checkin = await addEvent(db, { type: 'checkin', mood: 3, craving: 2, halt: { hungry: false, angry: false, lonely: false, tired: false } }, T);
    expect(await addUrgeDetails(db, checkin.id, { action: 'delay' })).toBeUndefined();
    expect(await db.get('events', checkin.id)).toEqual(checkin);
  });
});
