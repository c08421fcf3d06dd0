import { describe, expect, test } from 'vitest';
import type { UrgeEvent } from '../../lib/history/event';
import { commonSetOffs, fadeMinutes, MIN_TRIES_TO_RANK, urgeInsights, whatHelped } from '../../lib/progress/urge-insights';

let n = 0;
const T = Date.UTC(2026, 5, 1, 12);
const HOUR = 3_600_000;
const urge = (fields: Partial<UrgeEvent> = {}): UrgeEvent => ({ id: `u${n++}`, type: 'urge', at: T, tz: 'Europe/London', before: 7, ...fields });
const times = (count: number, fields: Partial<UrgeEvent>) => Array.from({ length: count }, () => urge(fields));

describe('urgeInsights: nothing logged yet', () => {
  test('no urges: nothing helped, no fade time, no triggers', () => {
    expect(urgeInsights([])).toEqual({ urges: 0, helped: [], fade: null, setOffs: [] });
  });

  test('urges with only the starting rating (the old urge-surfing records) teach nothing yet', () => {
    expect(urgeInsights([urge(), urge({ before: 3 })])).toEqual({ urges: 2, helped: [], fade: null, setOffs: [] });
  });
});

describe('whatHelped', () => {
  test('one urge: its action, its drop, marked as too early to tell', () => {
    expect(whatHelped([urge({ before: 8, after: 3, action: 'distract' })])).toEqual([
      { action: 'distract', count: 1, averageDrop: 5, rank: 1, fewTries: true },
    ]);
  });

  test('ranks by the average drop, with counts', () => {
    const urges = [
      ...times(3, { before: 8, after: 6, action: 'delay' }),
      ...times(4, { before: 9, after: 3, action: 'escape' }),
      urge({ before: 5, after: 4, action: 'escape' }),
    ];
    const helped = whatHelped(urges);
    expect(helped.map((h) => [h.action, h.count, h.averageDrop, h.rank])).toEqual([
      ['escape', 5, 5, 1],
      ['delay', 3, 2, 2],
    ]);
  });

  test('an action tried once or twice is listed after those tried more, however well it went', () => {
    const urges = [...times(MIN_TRIES_TO_RANK, { before: 6, after: 5, action: 'avoid' }), urge({ before: 10, after: 0, action: 'substitute' })];
    expect(whatHelped(urges).map((h) => [h.action, h.fewTries, h.rank])).toEqual([
      ['avoid', false, 1],
      ['substitute', true, 2],
    ]);
  });

  test('equal averages share a rank, more tries first', () => {
    const urges = [
      ...times(3, { before: 6, after: 3, action: 'delay' }),
      ...times(4, { before: 9, after: 6, action: 'distract' }),
      ...times(3, { before: 5, after: 4, action: 'avoid' }),
    ];
    expect(whatHelped(urges).map((h) => [h.action, h.rank])).toEqual([
      ['distract', 1],
      ['delay', 1],
      ['avoid', 3],
    ]);
  });

  test('an urge that grew counts as a negative drop, not as nothing', () => {
    expect(whatHelped(times(3, { before: 4, after: 6, action: 'delay' }))[0]).toMatchObject({ averageDrop: -2 });
  });

  test('skips urges without an action or without both strengths', () => {
    const urges = [urge({ action: 'delay' }), urge({ before: 5, after: 1 }), urge({ before: 5, after: 1, action: 'avoid' })];
    expect(whatHelped(urges).map((h) => h.action)).toEqual(['avoid']);
  });

  test('their own actions are told apart by their words, matched ignoring case and spaces', () => {
    const urges = [
      urge({ before: 8, after: 2, action: 'own', ownAction: 'Rang my sister' }),
      urge({ before: 8, after: 4, action: 'own', ownAction: '  rang my   SISTER ' }),
      urge({ before: 8, after: 7, action: 'own', ownAction: 'Cold shower' }),
      urge({ before: 8, after: 7, action: 'own' }),
    ];
    expect(whatHelped(urges).map((h) => [h.ownAction, h.count, h.averageDrop])).toEqual([
      ['Rang my sister', 2, 5],
      ['Cold shower', 1, 1],
      [undefined, 1, 1],
    ]);
  });

  test('averages are to one decimal', () => {
    const urges = [
      urge({ before: 7, after: 6, action: 'delay' }),
      urge({ before: 7, after: 6, action: 'delay' }),
      urge({ before: 7, after: 5, action: 'delay' }),
    ];
    expect(whatHelped(urges)[0]!.averageDrop).toBe(1.3);
  });
});

describe('fadeMinutes', () => {
  test('says nothing with fewer than three durations', () => {
    expect(fadeMinutes([])).toBeNull();
    expect(fadeMinutes([urge({ minutes: 10 })])).toBeNull();
    expect(fadeMinutes([urge({ minutes: 10 }), urge({ minutes: 12 }), urge()])).toBeNull();
  });

  test('the median, not the mean: one very long urge does not pull it', () => {
    expect(fadeMinutes([urge({ minutes: 8 }), urge({ minutes: 12 }), urge({ minutes: 300 })])).toEqual({ minutes: 12, count: 3 });
  });

  test('an even count takes the middle two, rounded, and never says 0 minutes', () => {
    expect(fadeMinutes([10, 11, 14, 40].map((minutes) => urge({ minutes })))).toEqual({ minutes: 13, count: 4 });
    expect(fadeMinutes([0.2, 0.3, 0.4].map((minutes) => urge({ minutes })))).toEqual({ minutes: 1, count: 3 });
  });

  test('a duration of 0 (surfing rated again at once) is not a duration', () => {
    expect(fadeMinutes([0, 0, 5].map((minutes) => urge({ minutes })))).toBeNull();
    expect(fadeMinutes([0, 4, 5, 6].map((minutes) => urge({ minutes })))).toEqual({ minutes: 5, count: 3 });
  });
});

describe('commonSetOffs', () => {
  test('counts each kind once an urge, most first, ties in a fixed order', () => {
    const urges = [urge({ setOffBy: ['tired', 'site'] }), urge({ setOffBy: ['tired'] }), urge({ setOffBy: ['lonely', 'lonely'] }), urge()];
    expect(commonSetOffs(urges)).toEqual([
      { setOff: 'tired', count: 2 },
      { setOff: 'site', count: 1 },
      { setOff: 'lonely', count: 1 },
    ]);
  });

  test('their own words are counted together when they match', () => {
    const urges = [urge({ setOffOwn: 'Payday' }), urge({ setOffOwn: ' payday ' }), urge({ setOffOwn: '   ' }), urge({ setOffBy: ['people'] })];
    expect(commonSetOffs(urges)).toEqual([
      { setOff: 'own', text: 'Payday', count: 2 },
      { setOff: 'people', count: 1 },
    ]);
  });
});

describe('a time window', () => {
  test('counts only the urges from `from` up to, not including, `to`', () => {
    const urges = [
      urge({ at: T - 2 * HOUR, minutes: 50, action: 'delay', before: 9, after: 0, setOffBy: ['site'] }),
      ...times(3, { at: T, minutes: 5, action: 'avoid', before: 6, after: 2, setOffBy: ['place'] }),
      urge({ at: T + HOUR, minutes: 50, setOffBy: ['site'] }),
    ];
    const window = { from: T - HOUR, to: T + HOUR };
    expect(urgeInsights(urges, window)).toEqual({
      urges: 3,
      helped: [{ action: 'avoid', count: 3, averageDrop: 4, rank: 1, fewTries: false }],
      fade: { minutes: 5, count: 3 },
      setOffs: [{ setOff: 'place', count: 3 }],
    });
    expect(whatHelped(urges, window)).toEqual(urgeInsights(urges, window).helped);
    expect(fadeMinutes(urges, window)).toEqual({ minutes: 5, count: 3 });
    expect(commonSetOffs(urges, window)).toEqual([{ setOff: 'place', count: 3 }]);
  });
});
