import { describe, expect, test } from 'vitest';
import type { CheckinEvent, HistoryEvent, InterventionEvent, SetbackEvent, UrgeEvent } from '../../lib/history/event';
import { SUMMARY_DAYS, summaryOf, summaryRange } from '../../lib/summary/summary';
import { dayFromText, dayText } from '../../lib/time/days';

const LONDON = 'Europe/London';
const halt = { hungry: false, angry: false, lonely: false, tired: false };
let n = 0;
const checkin = (at: number, craving: number, tz = LONDON): CheckinEvent => ({ id: `c${n++}`, type: 'checkin', at, tz, mood: 3, craving, halt });
const urge = (at: number, before: number, after?: number): UrgeEvent => ({ id: `u${n++}`, type: 'urge', at, tz: LONDON, before, after, minutes: 20 });
const setback = (at: number, answers: Partial<SetbackEvent> = {}): SetbackEvent => ({ id: `s${n++}`, type: 'setback', at, tz: LONDON, ...answers });
const visit = (at: number, outcome: InterventionEvent['outcome']): InterventionEvent => ({
  id: `i${n++}`,
  type: 'intervention',
  at,
  tz: LONDON,
  site: 'x.example',
  outcome,
});
const plan = { reviewDate: '' };
const start = { startedOn: '2026-01-01' };

describe('the window: the last four weeks by the one day rule', () => {
  // 6 November 2026, 10:00 in London (GMT): the window is 10 October to 6 November, across the
  // clocks going back on 25 October.
  const now = Date.UTC(2026, 10, 6, 10);

  test('28 days ending today in the person’s zone, across the autumn clock change', () => {
    const s = summaryOf({ events: [], start, plan, now, timeZone: LONDON });
    expect([dayText(s.from), dayText(s.to)]).toEqual(['2026-10-10', '2026-11-06']);
    expect(s.to - s.from + 1).toBe(SUMMARY_DAYS);
    expect(s.calendar.flat().filter((c) => c !== undefined)).toHaveLength(28);
    // Monday first: 10 October 2026 was a Saturday, so the first row starts with five empty slots.
    expect(s.calendar[0]!.slice(0, 5)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(s.counts.without).toBe(27); // today is not a whole day yet
  });

  test('an event just after midnight on the first day (in summer time) is in; one just before is out', () => {
    const firstMinute = Date.UTC(2026, 9, 9, 23, 30); // 00:30 BST, 10 October
    const dayBefore = Date.UTC(2026, 9, 9, 22, 30); // 23:30 BST, 9 October
    const s = summaryOf({ events: [checkin(firstMinute, 4), checkin(dayBefore, 9)], start, plan, now, timeZone: LONDON });
    expect(s.counts.checkedIn).toBe(1);
    expect(s.weeks[0]).toMatchObject({ checkins: 1, craving: 4 });
    expect(s.calendar.flat().find((c) => c?.day === dayFromText('2026-10-10')!)).toMatchObject({ checkins: 1, craving: 4 });
  });

  test('each event sits on the day it was lived, in its own zone', () => {
    // 03:00 UTC on 6 November is still 5 November in New York.
    const s = summaryOf({ events: [checkin(Date.UTC(2026, 10, 6, 3), 6, 'America/New_York')], start, plan, now, timeZone: LONDON });
    expect(s.calendar.flat().find((c) => c?.checkins)?.day).toBe(dayFromText('2026-11-05')!);
  });

  test('across the spring clock change too', () => {
    const spring = Date.UTC(2026, 3, 10, 9); // 10 April, BST; window from 14 March, across 29 March
    const s = summaryOf({ events: [checkin(Date.UTC(2026, 2, 14, 0, 5), 2)], start, plan, now: spring, timeZone: LONDON });
    expect([dayText(s.from), dayText(s.to)]).toEqual(['2026-03-14', '2026-04-10']);
    expect(s.counts.checkedIn).toBe(1);
  });

  test('what is read covers every zone’s first day and today', () => {
    const { from, to } = summaryRange(now, LONDON);
    expect(from).toBeLessThanOrEqual(Date.UTC(2026, 9, 9, 10)); // 10 October in Auckland starts then
    expect(to).toBeGreaterThan(now + 14 * 3_600_000);
  });

  test('four weeks of the urge trend, oldest first, each its own averages; a week with nothing says so', () => {
    const events: HistoryEvent[] = [
      urge(Date.UTC(2026, 9, 11, 12), 8, 4),
      urge(Date.UTC(2026, 9, 12, 12), 6),
      checkin(Date.UTC(2026, 10, 5, 12), 3),
      checkin(Date.UTC(2026, 10, 6, 9), 5),
      visit(Date.UTC(2026, 10, 6, 9), 'left'),
      visit(Date.UTC(2026, 10, 6, 9), 'continued'),
    ];
    const s = summaryOf({ events, start, plan, now, timeZone: LONDON });
    expect(s.weeks.map((w) => [dayText(w.from), dayText(w.to)])).toEqual([
      ['2026-10-10', '2026-10-16'],
      ['2026-10-17', '2026-10-23'],
      ['2026-10-24', '2026-10-30'],
      ['2026-10-31', '2026-11-06'],
    ]);
    expect(s.weeks[0]).toMatchObject({ urges: 2, urgeBefore: 7, urgeAfter: 4, checkins: 0, craving: undefined });
    expect(s.weeks[1]).toMatchObject({ urges: 0, urgeBefore: undefined, checkins: 0 });
    expect(s.weeks[3]).toMatchObject({ checkins: 2, craving: 4, turnedBack: 1 });
    expect(s.counts).toMatchObject({ urges: 2, turnedBack: 1 });
    expect(s.surf).toEqual({ pairs: 1, averageBefore: 8, averageAfter: 4, fell: 1 });
    expect(s.insights.urges).toBe(2);
  });
});

describe('setbacks and what was learnt', () => {
  const now = Date.UTC(2026, 10, 6, 10);

  test('each setback in the window with its answers, oldest first; the changes written become the plan changes', () => {
    const events = [
      setback(Date.UTC(2026, 10, 1, 21), { whatHappened: ' Payday and a party ', whatIllChange: 'Leave my card at home on payday', followUp: 'done' }),
      setback(Date.UTC(2026, 9, 20, 21), { whatIFelt: 'Lonely', warningSignMissed: 'Not sleeping' }),
      setback(Date.UTC(2026, 8, 1, 21), { whatIllChange: 'Outside the window' }),
    ];
    const s = summaryOf({ events, start, plan: { reviewDate: '2026-11-01' }, now, timeZone: LONDON });
    expect(s.setbacks.map((b) => [dayText(b.day), b.whatHappened, b.whatIFelt, b.warningSignMissed, b.whatIllChange])).toEqual([
      ['2026-10-20', '', 'Lonely', 'Not sleeping', ''],
      ['2026-11-01', 'Payday and a party', '', '', 'Leave my card at home on payday'],
    ]);
    expect(s.counts.setbacks).toBe(2);
    expect(s.calendar.flat().find((c) => c?.day === dayFromText('2026-11-01')!)?.status).toBe('setback');
    expect(s.plan).toEqual({
      changes: [{ day: dayFromText('2026-11-01')!, text: 'Leave my card at home on payday', from: 'setback' }],
      reviewDate: dayFromText('2026-11-01')!,
      reviewDue: true,
    });
  });

  test('a weekly review’s change joins them by the day its week ended, saying whether it was added to the plan; one before the window or blank is left out', () => {
    const review = (weekEnding: string, planChange: string, appliedTo?: 'copingStrategies') => ({
      id: weekEnding,
      at: dayFromText(weekEnding)! * 86_400_000 + 72_000_000,
      tz: LONDON,
      weekEnding,
      wentWell: '',
      wasHard: '',
      planChange,
      ...(appliedTo ? { appliedTo } : {}),
    });
    const s = summaryOf({
      events: [setback(Date.UTC(2026, 10, 1, 21), { whatIllChange: 'Leave my card at home' })],
      reviews: [
        review('2026-10-25', ' Walk after work ', 'copingStrategies'),
        review('2026-11-05', 'Ring Sam on Fridays'),
        review('2026-11-06', '  '),
        review('2026-10-09', 'Too early'),
      ],
      start,
      plan,
      now,
      timeZone: LONDON,
    });
    expect(s.plan.changes).toEqual([
      { day: dayFromText('2026-10-25')!, text: 'Walk after work', from: 'review', appliedTo: 'copingStrategies' },
      { day: dayFromText('2026-11-01')!, text: 'Leave my card at home', from: 'setback' },
      { day: dayFromText('2026-11-05')!, text: 'Ring Sam on Fridays', from: 'review' },
    ]);
  });

  test('a review date still to come is not due; none set is none', () => {
    expect(summaryOf({ events: [], start, plan: { reviewDate: '2026-12-01' }, now, timeZone: LONDON }).plan).toMatchObject({ reviewDue: false });
    expect(summaryOf({ events: [], start, plan: { reviewDate: '' }, now, timeZone: LONDON }).plan).toEqual({
      changes: [],
      reviewDate: undefined,
      reviewDue: false,
    });
  });
});

describe('an empty history', () => {
  const now = Date.UTC(2026, 10, 6, 10);

  test('nothing recorded and no start day: empty, with every figure zero', () => {
    const s = summaryOf({ events: [], start: null, plan, now, timeZone: LONDON });
    expect(s.empty).toBe(true);
    expect(s.counts).toEqual({ without: 0, setbacks: 0, checkedIn: 0, urges: 0, turnedBack: 0 });
    expect(s.setbacks).toEqual([]);
    expect(s.surf).toBeUndefined();
    expect(
      s.calendar
        .flat()
        .filter((c) => c !== undefined)
        .every((c) => c.status === 'before' || c.status === 'today'),
    ).toBe(true);
  });

  test('a start day alone is not empty: the days without use are worth showing', () => {
    const s = summaryOf({ events: [], start: { startedOn: '2026-10-30' }, plan, now, timeZone: LONDON });
    expect(s.empty).toBe(false);
    expect(s.counts.without).toBe(7);
  });

  test('only events from before the window: still empty', () => {
    const s = summaryOf({ events: [checkin(Date.UTC(2026, 5, 1), 3)], start: null, plan, now, timeZone: LONDON });
    expect(s.empty).toBe(true);
  });
});

describe('what helped: the urge insights of the window alone', () => {
  const now = Date.UTC(2026, 10, 6, 10);
  const logged = (
    at: number,
    before: number,
    after: number,
    action: UrgeEvent['action'],
    minutes: number,
    setOffBy: UrgeEvent['setOffBy'] = [],
  ): UrgeEvent => ({
    ...urge(at, before, after),
    action,
    minutes,
    setOffBy,
  });

  test('ranked by the drop in strength, with the fade time and what set urges off; urges before the window count for nothing', () => {
    const day = (d: number) => Date.UTC(2026, 9, d, 20);
    const events = [
      logged(day(12), 8, 2, 'distract', 20, ['lonely']),
      logged(day(14), 7, 2, 'distract', 10, ['lonely', 'tired']),
      logged(day(16), 9, 4, 'distract', 30, ['lonely']),
      logged(day(18), 6, 5, 'delay', 15, ['site']),
      // Before the window: would make "delay" the best if it counted.
      logged(Date.UTC(2026, 8, 1), 10, 0, 'delay', 5, ['site']),
      logged(Date.UTC(2026, 8, 2), 10, 0, 'delay', 5, ['site']),
    ];
    const { insights } = summaryOf({ events, start, plan, now, timeZone: LONDON });
    expect(insights.urges).toBe(4);
    expect(insights.helped.map((h) => [h.action, h.averageDrop, h.count, h.fewTries])).toEqual([
      ['distract', 5.3, 3, false],
      ['delay', 1, 1, true],
    ]);
    expect(insights.fade).toEqual({ minutes: 18, count: 4 });
    expect(insights.setOffs[0]).toEqual({ setOff: 'lonely', count: 3 });
  });
});
