import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import { openHistory, type HistoryDB } from '../../lib/history/db';
import { addEvent, eventsByType } from '../../lib/history/events';
import { logSetbackNow, openFollowUp, saveLearning } from '../../lib/history/setback-care';
import { computeStreak } from '../../lib/history/streak';
import { emptyPlan, withIfThenStep } from '../../lib/plan/plan';
import { dayFromText } from '../../lib/time/days';

let db: HistoryDB;
const NOW = Date.UTC(2026, 11, 5, 21, 30);

beforeEach(async () => {
  db = await openHistory('steadfast-history', new IDBFactory());
});

describe('care after a lapse, in the history', () => {
  test('a setback is logged as now, with its learning questions waiting', async () => {
    const logged = await logSetbackNow(db, NOW);
    expect(logged).toMatchObject({ type: 'setback', at: NOW, followUp: 'open' });
    expect(logged.whatHappened).toBeUndefined();
    // A fresh start today; the days before still count in the total.
    const streak = computeStreak({ startedOn: dayFromText('2026-10-21')!, setbacks: [logged], now: NOW, timeZone: 'UTC' });
    expect(streak.daysWithout).toBe(0);
    expect(streak.totalDaysWithout).toBe(45);
  });

  test('the learning answers are saved with it later; empty ones stay unset', async () => {
    const logged = await logSetbackNow(db, NOW);
    await saveLearning(db, logged.id, { whatLedToIt: ' Payday ', whatHelpedBefore: '', oneChange: 'Go to Sam’s' });
    const [stored] = await eventsByType(db, 'setback');
    expect(stored).toMatchObject({ id: logged.id, at: NOW, whatHappened: 'Payday', whatIllChange: 'Go to Sam’s', followUp: 'done' });
    expect(stored!.whatHelpedBefore).toBeUndefined();
  });

  test('the latest setback kept for later is offered, named by its day; answered or older records are not', async () => {
    expect(await openFollowUp(db, 'en-GB')).toBeUndefined();
    // A setback from before this version has no follow-up at all.
    await addEvent(db, { type: 'setback', whatHappened: 'Old' }, NOW - 86_400_000 * 30, 'Europe/London');
    expect(await openFollowUp(db, 'en-GB')).toBeUndefined();
    const older = await logSetbackNow(db, NOW - 86_400_000);
    const latest = await logSetbackNow(db, NOW);
    expect(await openFollowUp(db, 'en-GB')).toEqual({ id: latest.id, day: '5 December 2026' });
    await saveLearning(db, latest.id, { whatLedToIt: '', whatHelpedBefore: '', oneChange: '' });
    expect((await openFollowUp(db, 'en-GB'))?.id).toBe(older.id);
  });

  test('a change learnt is added to the plan as an if-then step, nothing else changed', () => {
    const plan = { ...emptyPlan(), reasons: ['Mia'] };
    expect(withIfThenStep(plan, 'Payday', 'Go to Sam’s', 'new')).toEqual({ ...plan, ifThenSteps: [{ id: 'new', when: 'Payday', then: 'Go to Sam’s' }] });
  });
});
