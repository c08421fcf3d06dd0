import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { openHistory } from '../../lib/history/db';
import type { HistoryEvent } from '../../lib/history/event';
import { addEvent } from '../../lib/history/events';
import { emptyPlan } from '../../lib/plan/plan';
import { withPlanChange } from '../../lib/review/plan-change';
import type { WeeklyReview } from '../../lib/review/review';
import { allReviews, loadReviewPage, saveReview } from '../../lib/review/reviews-store';
import { searchReviews } from '../../lib/review/search';
import { weekEnding, weekInstants, weekSummary } from '../../lib/review/week';
import { dayFromText, localClock } from '../../lib/time/days';

const LONDON = 'Europe/London';
const clock = localClock('UTC');
let n = 0;
const checkin = (iso: string, craving: number, tz = LONDON): HistoryEvent => ({
  id: `c${n++}`,
  type: 'checkin',
  at: Date.parse(iso),
  tz,
  mood: 3,
  craving,
  halt: { hungry: false, angry: false, lonely: false, tired: false },
});
const urge = (iso: string, before: number, after?: number, tz = LONDON): HistoryEvent => ({
  id: `u${n++}`,
  type: 'urge',
  at: Date.parse(iso),
  tz,
  before,
  after,
});
const visit = (iso: string, outcome: 'shown' | 'left' | 'continued' | 'closed'): HistoryEvent => ({
  id: `i${n++}`,
  type: 'intervention',
  at: Date.parse(iso),
  tz: LONDON,
  site: 'trigger.example',
  outcome,
});

describe('the week a review looks back on', () => {
  test('is the seven days ending today, and reads wide enough for every zone on Earth', () => {
    const today = dayFromText('2026-03-31')!;
    const week = weekEnding(today);
    expect(week).toEqual({ from: dayFromText('2026-03-25')!, to: today });
    const span = weekInstants(week);
    // Kiribati (UTC+14) starts the 25th 14 hours before midnight UTC; Baker Island (UTC−12) ends the 31st 12 hours after.
    expect(new Date(span.from).toISOString()).toBe('2026-03-24T10:00:00.000Z');
    expect(new Date(span.to).toISOString()).toBe('2026-04-01T12:00:00.000Z');
  });

  test('across the spring clock change, each event counts on the day it was lived in London', () => {
    // British Summer Time starts at 01:00 UTC on Sunday 29 March 2026.
    const week = weekEnding(dayFromText('2026-03-31')!);
    const events = [
      checkin('2026-03-24T23:30:00Z', 9), // 23:30 GMT on the 24th: the day before the week
      checkin('2026-03-25T00:10:00Z', 2), // 00:10 GMT on the 25th: in
      checkin('2026-03-29T00:30:00Z', 5), // 00:30 GMT on the 29th, before the change
      urge('2026-03-29T01:30:00Z', 8, 3), // 02:30 BST on the 29th, after it
      checkin('2026-03-31T22:59:00Z', 4), // 23:59 BST on the 31st: in
      checkin('2026-03-31T23:00:00Z', 10), // 00:00 BST on 1 April: after the week
      urge('2026-03-31T16:00:00Z', 6, 6, 'Asia/Tokyo'), // 01:00 on 1 April in Tokyo, where it was lived: out
      visit('2026-03-27T20:00:00Z', 'left'),
      visit('2026-03-27T20:05:00Z', 'closed'),
      visit('2026-03-28T20:00:00Z', 'continued'),
      visit('2026-03-28T21:00:00Z', 'shown'),
    ];
    const summary = weekSummary(events, week, clock);
    expect(summary.checkins).toEqual({ count: 3, days: 3, highestCraving: 5 });
    expect(summary.urges).toEqual({ count: 1, eased: 1, ratedAgain: 1 });
    expect(summary.turnedBack).toEqual({ times: 2, visits: 4 });
    expect(summary.hardest.map((m) => [m.kind, m.rating, m.day - week.from, m.hour])).toEqual([
      ['urge', 8, 4, 2],
      ['checkin', 5, 4, 0],
      ['checkin', 4, 6, 23],
    ]);
  });

  test('across the autumn clock change too: the hour that happens twice is one day', () => {
    // BST ends at 01:00 UTC on Sunday 25 October 2026: 01:00 to 02:00 local comes twice.
    const week = weekEnding(dayFromText('2026-10-25')!);
    const events = [
      checkin('2026-10-25T00:30:00Z', 3),
      checkin('2026-10-25T01:30:00Z', 7),
      checkin('2026-10-18T22:59:00Z', 9),
      checkin('2026-10-18T23:00:00Z', 1),
    ];
    const summary = weekSummary(events, week, clock);
    // 23:59 BST on the 18th is before the week; 00:00 BST on the 19th is its first minute.
    expect(summary.checkins).toEqual({ count: 3, days: 2, highestCraving: 7 });
    expect(summary.hardest.map((m) => [m.rating, m.hour])).toEqual([
      [7, 1],
      [3, 1],
      [1, 0],
    ]);
  });

  test('hardest moments: strongest first, then the latest, three at most; a rating of 0 is no hard moment', () => {
    const week = weekEnding(dayFromText('2026-03-31')!);
    const events = [
      checkin('2026-03-26T10:00:00Z', 6),
      urge('2026-03-27T10:00:00Z', 6),
      urge('2026-03-28T10:00:00Z', 9),
      checkin('2026-03-30T10:00:00Z', 2),
      checkin('2026-03-30T12:00:00Z', 0),
    ];
    const summary = weekSummary(events, week, clock);
    expect(summary.hardest.map((m) => [m.kind, m.rating, m.at])).toEqual([
      ['urge', 9, Date.parse('2026-03-28T10:00:00Z')],
      ['urge', 6, Date.parse('2026-03-27T10:00:00Z')],
      ['checkin', 6, Date.parse('2026-03-26T10:00:00Z')],
    ]);
    expect(weekSummary([], week, clock)).toMatchObject({ checkins: { count: 0, days: 0 }, hardest: [] });
  });
});

const review = (id: string, at: string, answers: Partial<WeeklyReview> = {}): WeeklyReview => ({
  id,
  at: Date.parse(at),
  tz: LONDON,
  weekEnding: at.slice(0, 10),
  wentWell: '',
  wasHard: '',
  planChange: '',
  ...answers,
});

describe("what helped with the week's urges", () => {
  test('is worked out from the urges lived in the week only, by lib/progress/urge-insights.ts', () => {
    const week = weekEnding(dayFromText('2026-03-31')!);
    const withAction = (iso: string, before: number, after: number, action: 'delay' | 'distract', minutes: number): HistoryEvent => ({
      ...(urge(iso, before, after) as Extract<HistoryEvent, { type: 'urge' }>),
      action,
      minutes,
      setOffBy: ['lonely'],
    });
    const events = [
      withAction('2026-03-26T20:00:00Z', 8, 3, 'delay', 10),
      withAction('2026-03-27T20:00:00Z', 6, 5, 'distract', 20),
      withAction('2026-03-28T20:00:00Z', 7, 2, 'delay', 14),
      withAction('2026-03-10T20:00:00Z', 9, 0, 'distract', 5), // weeks before: not this week's
    ];
    const { insights } = weekSummary(events, week, clock);
    expect(insights.urges).toBe(3);
    expect(insights.helped.map((h) => [h.action, h.averageDrop, h.count])).toEqual([
      ['delay', 5, 2],
      ['distract', 1, 1],
    ]);
    expect(insights.fade).toEqual({ minutes: 14, count: 3 });
    expect(insights.setOffs).toEqual([{ setOff: 'lonely', count: 3 }]);
  });
});

describe('searching past reviews', () => {
  const reviews = [
    review('a', '2026-03-01T19:00:00Z', { wentWell: 'Walked to the café with Sam', wasHard: 'Friday night alone' }),
    review('b', '2026-03-08T19:00:00Z', { wasHard: 'Work was FRIDAY-heavy', planChange: 'Ring Sam before Friday' }),
    review('c', '2026-03-15T19:00:00Z', { wentWell: 'Slept well' }),
  ];

  test('every word must be in the answers, in any case and with or without accents; newest first', () => {
    expect(searchReviews(reviews, 'friday').map((r) => r.id)).toEqual(['b', 'a']);
    expect(searchReviews(reviews, '  SAM   friday ').map((r) => r.id)).toEqual(['b', 'a']);
    expect(searchReviews(reviews, 'cafe').map((r) => r.id)).toEqual(['a']);
    expect(searchReviews(reviews, 'café alone').map((r) => r.id)).toEqual(['a']);
    expect(searchReviews(reviews, 'slept sam')).toEqual([]);
  });

  test('an empty query finds every review, newest first', () => {
    expect(searchReviews(reviews, '').map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(searchReviews(reviews, '   ').map((r) => r.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('one change to my plan', () => {
  const plan = { ...emptyPlan(), copingStrategies: ['Ten slow breaths'], highRiskSituations: 'Friday nights\n', dailyRoutine: 'Walk at eight' };

  test('is added to the part of the plan the person chose, once', () => {
    expect(withPlanChange(plan, { target: 'copingStrategies', text: ' Ring Sam ' }).plan.copingStrategies).toEqual(['Ten slow breaths', 'Ring Sam']);
    expect(withPlanChange(plan, { target: 'copingStrategies', text: 'ten SLOW  breaths' })).toEqual({ plan, outcome: 'already' });
    expect(withPlanChange(plan, { target: 'highRiskSituations', text: 'Payday' }).plan.highRiskSituations).toBe('Friday nights\nPayday');
    expect(withPlanChange(plan, { target: 'dailyRoutine', text: 'Bed by eleven' }).plan.dailyRoutine).toBe('Walk at eight\nBed by eleven');
    expect(withPlanChange(plan, { target: 'dailyRoutine', text: 'walk at eight' }).outcome).toBe('already');
    const step = withPlanChange(plan, { target: 'ifThenSteps', text: 'ring Sam', when: "I'm alone on a Friday" }, () => 'step-1');
    expect(step).toMatchObject({ outcome: 'added', plan: { ifThenSteps: [{ id: 'step-1', when: "I'm alone on a Friday", then: 'ring Sam' }] } });
    expect(withPlanChange(step.plan, { target: 'ifThenSteps', text: 'Ring Sam', when: "i'm alone on a friday" }).outcome).toBe('already');
  });

  test('nothing written is nothing added', () => {
    expect(withPlanChange(plan, { target: 'copingStrategies', text: '  \n ' })).toEqual({ plan, outcome: 'empty' });
  });
});

describe('reviews in the history', () => {
  test('are kept, changed by id, and read newest first with the week they looked back on', async () => {
    const db = await openHistory('steadfast-history', new IDBFactory());
    await saveReview(db, review('old', '2026-03-22T19:00:00Z', { wentWell: 'First' }));
    const written = review('new', '2026-03-31T19:00:00Z', { wentWell: 'Three check-ins' });
    await saveReview(db, written);
    await saveReview(db, { ...written, appliedTo: 'copingStrategies' });
    await addEvent(db, { type: 'urge', before: 7, after: 2 }, Date.parse('2026-03-30T18:00:00Z'), LONDON);
    await addEvent(db, { type: 'urge', before: 9 }, Date.parse('2026-03-20T18:00:00Z'), LONDON);

    expect((await allReviews(db)).map((r) => [r.id, r.appliedTo])).toEqual([
      ['new', 'copingStrategies'],
      ['old', undefined],
    ]);
    const page = await loadReviewPage(Date.parse('2026-03-31T20:00:00Z'), LONDON, async () => db);
    expect(page.today).toBe(dayFromText('2026-03-31')!);
    expect(page.summary.urges).toEqual({ count: 1, eased: 1, ratedAgain: 1 });
    expect(page.reviews.map((r) => r.id)).toEqual(['new', 'old']);
    expect(page.total).toBe(2);
    expect((await page.all()).map((r) => r.id)).toEqual(['new', 'old']);
    db.close();
  });

  test('the page reads only the newest few at first, in the same order as every review read at once', async () => {
    const db = await openHistory('steadfast-history', new IDBFactory());
    // Two on the same instant: the order is still one order.
    for (let i = 0; i < 25; i += 1)
      await saveReview(db, review(`r${String(i).padStart(2, '0')}`, new Date(Date.UTC(2026, 0, 1 + 7 * Math.min(i, 23))).toISOString()));
    const page = await loadReviewPage(Date.parse('2026-07-01T12:00:00Z'), LONDON, async () => db);
    expect(page.total).toBe(25);
    expect(page.reviews).toHaveLength(10);
    const all = await page.all();
    expect(all).toHaveLength(25);
    expect(page.reviews).toEqual(all.slice(0, 10));
    expect(page.reviews.slice(0, 2).map((r) => r.id)).toEqual(['r24', 'r23']);
    db.close();
  });
});
