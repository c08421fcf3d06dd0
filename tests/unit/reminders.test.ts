/*
 * When reminders fall due (lib/reminders/schedule.ts, ./nudge.ts): pure, with the clock and zone
 * passed in, across DST changes, zone changes and quiet hours over midnight.
 */
import { describe, expect, test } from 'vitest';
import { DEFAULT_REMINDERS, type Reminders } from '../../lib/reminders/reminders-item';
import { hardestHour, NUDGE_MIN_MOMENTS, planStepFor } from '../../lib/reminders/nudge';
import { afterQuiet, decide, dismiss, isQuiet, markShown, missedDue, nextDue, snooze, switched, type Moment } from '../../lib/reminders/schedule';
import { instantAt } from '../../lib/time/wall-clock';

const LONDON = 'Europe/London';
const at = (iso: string) => Date.parse(iso);
const moment = (now: number, zone = LONDON): Moment => ({ now, zone, instantAt });
const checkinAt = (time: string, since: number, extra: Partial<Reminders> = {}): Reminders => ({
  ...DEFAULT_REMINDERS,
  checkin: { on: true, time, since },
  ...extra,
});
const quiet = (from: string, to: string): Reminders['quiet'] => ({ on: true, from, to });

describe('the daily check-in', () => {
  test('falls due at the chosen time today, or tomorrow once today’s has passed', () => {
    const state = checkinAt('20:00', at('2026-06-01T08:00:00Z'));
    expect(nextDue('checkin', state, moment(at('2026-06-10T12:00:00Z')))).toBe(at('2026-06-10T19:00:00Z'));
    expect(nextDue('checkin', state, moment(at('2026-06-10T19:30:00Z')))).toBe(at('2026-06-11T19:00:00Z'));
  });

  test('keeps to the wall clock across the DST changes (the day is 23 or 25 hours long)', () => {
    const state = checkinAt('20:00', at('2026-01-01T00:00:00Z'));
    // 29 March 2026: London goes from GMT to BST. 20:00 is 20:00 UTC the day before and 19:00 UTC after.
    expect(nextDue('checkin', state, moment(at('2026-03-28T20:30:00Z')))).toBe(at('2026-03-29T19:00:00Z'));
    // 25 October 2026: back to GMT.
    expect(nextDue('checkin', state, moment(at('2026-10-24T19:30:00Z')))).toBe(at('2026-10-25T20:00:00Z'));
    // A time that does not exist on the spring day (01:30) still falls due that day, once.
    const night = checkinAt('01:30', at('2026-01-01T00:00:00Z'));
    const due = nextDue('checkin', night, moment(at('2026-03-28T23:00:00Z')))!;
    expect(due).toBeGreaterThan(at('2026-03-28T23:00:00Z'));
    expect(due).toBeLessThan(at('2026-03-29T03:00:00Z'));
  });

  test('follows the person to another zone: 20:00 where they are now', () => {
    const state = checkinAt('20:00', at('2026-06-01T08:00:00Z'));
    expect(nextDue('checkin', state, moment(at('2026-06-10T12:00:00Z'), 'America/New_York'))).toBe(at('2026-06-11T00:00:00Z'));
    expect(nextDue('checkin', state, moment(at('2026-06-10T12:00:00Z'), 'Asia/Tokyo'))).toBe(at('2026-06-10T11:00:00Z') + 86_400_000);
  });

  test('is passed over without a word on a day already checked in, and shown on a day not', () => {
    const state = checkinAt('20:00', at('2026-06-01T08:00:00Z'));
    const now = moment(at('2026-06-10T19:05:00Z'));
    expect(decide('checkin', state, now, { checkedInToday: true })).toBe('settle');
    expect(decide('checkin', state, now, { checkedInToday: false })).toBe('show');
    // Once shown, not again for the same time.
    expect(decide('checkin', markShown(state, 'checkin', now.now, 'badge'), now, { checkedInToday: false })).toBe('wait');
  });

  test('nothing is due from before it was turned on', () => {
    const state = switched(DEFAULT_REMINDERS, 'checkin', true, at('2026-06-10T19:30:00Z'));
    expect(missedDue('checkin', state, moment(at('2026-06-10T19:31:00Z')))).toBeUndefined();
    expect(switched(state, 'checkin', false, at('2026-06-10T19:40:00Z')).checkin).toEqual({ on: false, time: '20:00', since: null });
    expect(nextDue('checkin', switched(state, 'checkin', false, 0), moment(at('2026-06-10T19:31:00Z')))).toBeUndefined();
  });

  test('missed while the browser was closed for days: shown once, not one for each day', () => {
    const since = at('2026-06-01T08:00:00Z');
    let state = markShown(checkinAt('20:00', since), 'checkin', at('2026-06-05T19:00:00Z'));
    const back = moment(at('2026-06-09T09:00:00Z'));
    // The latest missed time (8 June, 20:00 BST) is the one reminder.
    expect(missedDue('checkin', state, back)).toBe(at('2026-06-08T19:00:00Z'));
    expect(decide('checkin', state, back, { checkedInToday: false })).toBe('show');
    state = markShown(state, 'checkin', back.now, 'notification');
    expect(decide('checkin', state, moment(back.now + 60_000), { checkedInToday: false })).toBe('wait');
    expect(nextDue('checkin', state, back)).toBe(at('2026-06-09T19:00:00Z'));
  });

  test('snooze: the line goes and the reminder comes back an hour later', () => {
    const shownAt = at('2026-06-10T19:00:00Z');
    let state = markShown(checkinAt('20:00', at('2026-06-01T08:00:00Z')), 'checkin', shownAt, 'badge');
    expect(state.pending).toEqual({ kind: 'checkin', at: shownAt, via: 'badge' });
    state = snooze(state, 'checkin', shownAt + 60_000);
    expect(state.pending).toBeNull();
    expect(nextDue('checkin', state, moment(shownAt + 120_000))).toBe(shownAt + 60_000 + 3_600_000);
    expect(decide('checkin', state, moment(shownAt + 30 * 60_000), { checkedInToday: false })).toBe('wait');
    expect(decide('checkin', state, moment(shownAt + 61 * 60_000), { checkedInToday: false })).toBe('show');
    // Shown again: the snooze is spent.
    expect(markShown(state, 'checkin', shownAt + 61 * 60_000).snoozed).toBeNull();
    // Checked in meanwhile: the snoozed one is passed over too.
    expect(decide('checkin', state, moment(shownAt + 61 * 60_000), { checkedInToday: true })).toBe('settle');
    expect(dismiss(state, 'checkin').snoozed).toBeNull();
  });
});

describe('quiet hours', () => {
  const night = quiet('22:00', '07:00');

  test('span midnight: late evening and early morning are quiet, the day is not', () => {
    expect(isQuiet(at('2026-06-10T21:30:00Z'), night, LONDON)).toBe(true); // 22:30 BST
    expect(isQuiet(at('2026-06-11T05:30:00Z'), night, LONDON)).toBe(true); // 06:30
    expect(isQuiet(at('2026-06-11T06:00:00Z'), night, LONDON)).toBe(false); // 07:00: over
    expect(isQuiet(at('2026-06-10T20:59:00Z'), night, LONDON)).toBe(false); // 21:59
    expect(isQuiet(at('2026-06-10T21:30:00Z'), { ...night, on: false }, LONDON)).toBe(false);
    expect(isQuiet(at('2026-06-10T21:30:00Z'), quiet('09:00', '09:00'), LONDON)).toBe(false);
    // A daytime span.
    expect(isQuiet(at('2026-06-10T12:00:00Z'), quiet('09:00', '17:00'), LONDON)).toBe(true);
    expect(isQuiet(at('2026-06-10T17:00:00Z'), quiet('09:00', '17:00'), LONDON)).toBe(false);
  });

  test('a reminder due inside them comes at their end, the next morning when after midnight', () => {
    const state = checkinAt('23:00', at('2026-06-01T08:00:00Z'), { quiet: night });
    expect(nextDue('checkin', state, moment(at('2026-06-10T12:00:00Z')))).toBe(at('2026-06-11T06:00:00Z'));
    expect(afterQuiet(at('2026-06-11T01:00:00Z'), night, moment(0))).toBe(at('2026-06-11T06:00:00Z'));
    expect(afterQuiet(at('2026-06-10T12:00:00Z'), night, moment(0))).toBe(at('2026-06-10T12:00:00Z'));
    // A snooze that would end inside them waits too.
    const snoozed = snooze(checkinAt('21:30', at('2026-06-01T08:00:00Z'), { quiet: night }), 'checkin', at('2026-06-10T20:45:00Z'));
    expect(nextDue('checkin', snoozed, moment(at('2026-06-10T20:46:00Z')))).toBe(at('2026-06-11T06:00:00Z'));
  });
});

describe('the plan review', () => {
  test('every 4 weeks from turning it on, then from when it was last shown; the interval can change', () => {
    const on = at('2026-06-01T10:00:00Z');
    let state = switched(DEFAULT_REMINDERS, 'plan-review', true, on);
    expect(nextDue('plan-review', state, moment(on + 1))).toBe(on + 28 * 86_400_000);
    state = { ...state, planReview: { ...state.planReview, weeks: 2 } };
    expect(nextDue('plan-review', state, moment(on + 1))).toBe(on + 14 * 86_400_000);
    const shown = on + 15 * 86_400_000;
    expect(decide('plan-review', state, moment(shown), { checkedInToday: false })).toBe('show');
    state = markShown(state, 'plan-review', shown, 'notification');
    expect(nextDue('plan-review', state, moment(shown + 1))).toBe(shown + 14 * 86_400_000);
  });
});

describe('the nudge before their own risky time', () => {
  const grid = (cells: [number, number, number][]) => {
    const g = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
    for (const [day, hour, n] of cells) g[day]![hour] = n;
    return g;
  };

  test('chooses the hardest hour of the week, only once there is enough history', () => {
    expect(hardestHour(grid([[4, 21, 3]]))).toEqual({ ok: false, total: 3 });
    expect(
      hardestHour(
        grid([
          [4, 21, 4],
          [5, 22, 3],
          [0, 9, 3],
        ]),
      ),
    ).toEqual({ ok: true, slot: { weekday: 4, hour: 21 }, count: 4, total: 10 });
    // Many moments, spread thin: no hour stands out enough.
    expect(hardestHour(grid(Array.from({ length: 12 }, (_, i) => [i % 7, i, 1] as [number, number, number]))).ok).toBe(false);
    expect(NUDGE_MIN_MOMENTS).toBe(10);
  });

  const slot = { weekday: 4, hour: 21 }; // Friday 21:00
  const state: Reminders = { ...DEFAULT_REMINDERS, nudge: { on: true, since: at('2026-06-01T08:00:00Z') } };

  test('comes 15 minutes before that hour, in the zone they are in', () => {
    // Friday 12 June 2026, 20:45 BST.
    expect(nextDue('nudge', state, moment(at('2026-06-10T12:00:00Z')), slot)).toBe(at('2026-06-12T19:45:00Z'));
    expect(decide('nudge', state, moment(at('2026-06-12T19:46:00Z')), { checkedInToday: false, slot })).toBe('show');
    expect(nextDue('nudge', state, moment(at('2026-06-10T12:00:00Z')), undefined)).toBeUndefined();
  });

  test('at most one a day, none once the hard hour has begun, none in quiet hours', () => {
    const now = moment(at('2026-06-12T19:50:00Z'));
    const shownToday = markShown(state, 'nudge', at('2026-06-12T08:00:00Z'));
    expect(decide('nudge', shownToday, now, { checkedInToday: false, slot })).toBe('settle');
    // Missed while the browser was closed: too late to help, passed over.
    expect(decide('nudge', state, moment(at('2026-06-12T20:30:00Z')), { checkedInToday: false, slot })).toBe('settle');
    const quietEvening = { ...state, quiet: quiet('20:00', '07:00') };
    expect(decide('nudge', quietEvening, now, { checkedInToday: false, slot })).toBe('wait');
    expect(nextDue('nudge', quietEvening, moment(at('2026-06-10T12:00:00Z')), slot)).toBeUndefined();
  });

  test('with the step of their plan for that day, else their first step', () => {
    const steps = [
      { id: 'a', when: 'I get paid', then: "I'll pay the rent first" },
      { id: 'b', when: "I'm alone on a Friday night", then: "I'll call Sam" },
      { id: 'c', when: 'Sunday', then: '' },
    ];
    expect(planStepFor({ ifThenSteps: steps }, ['Friday'])).toEqual({ when: "I'm alone on a Friday night", then: "I'll call Sam" });
    expect(planStepFor({ ifThenSteps: steps }, ['Monday'])).toEqual({ when: 'I get paid', then: "I'll pay the rent first" });
    expect(planStepFor({ ifThenSteps: [steps[2]!] }, ['Sunday'])).toBeUndefined();
  });
});
