/*
 * The pause wait is the background's, and an allowance cannot be lengthened by the clock (issue 15,
 * items 2 and 7). Times come from injected readings.
 */
import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { allowanceAlarm, grantAllowance, overrunAllowances } from '../../lib/blocking/allowance';
import { anyWaiting, placeOf, readShownAt, recordShown, waitHasPassed } from '../../lib/blocking/pause-wait';
import type { Reading } from '../../lib/time/clock-watch';
import type { Trigger } from '../../lib/triggers/trigger';
import { FakeAlarms, FakeSessionRules } from '../fakes/session-rules';

const NOW = Date.UTC(2026, 11, 6, 8);
const DAY = 86_400_000;
const at = (wall: number, mono: number, instance = 'worker-a'): Reading => ({ wall, mono, instance });
const session = fakeBrowser.storage.session;

describe('the pause wait, as the background saw it', () => {
  test('"Continue" comes only once the background saw the whole wait pass in that tab', async () => {
    await recordShown(session, placeOf(7), at(NOW, 1_000));
    const shown = (await readShownAt(session))[placeOf(7)];
    expect(waitHasPassed(shown, at(NOW + 5_000, 6_000), 30)).toBe(false);
    expect(waitHasPassed(shown, at(NOW + 30_000, 31_000), 30)).toBe(true);
  });

  test('a message sent early, or from a tab whose pause page the background never saw, is refused', async () => {
    await recordShown(session, placeOf(7), at(NOW, 1_000));
    const shownAt = await readShownAt(session);
    expect(waitHasPassed(shownAt[placeOf(8)], at(NOW + DAY, DAY), 30)).toBe(false);
    expect(waitHasPassed(shownAt[placeOf(7, 3)], at(NOW + DAY, DAY), 30)).toBe(false);
    expect(waitHasPassed(shownAt[placeOf(7)], at(NOW + 1_000, 2_000), 30)).toBe(false);
  });

  test('showing the pause page again starts the wait again', async () => {
    await recordShown(session, placeOf(7), at(NOW, 0));
    await recordShown(session, placeOf(7), at(NOW + 60_000, 60_000));
    expect(waitHasPassed((await readShownAt(session))[placeOf(7)], at(NOW + 70_000, 70_000), 30)).toBe(false);
  });

  test('a clock set forward 2 days during the wait does not end it; sleeping (Linux, macOS) does not either', () => {
    expect(waitHasPassed(at(NOW, 0), at(NOW + 2 * DAY, 3_000), 30)).toBe(false);
    expect(waitHasPassed(at(NOW, 0), at(NOW + 8 * 3_600_000, 3_000), 30)).toBe(false);
  });

  test('a clock set back 30 days during the wait does not stop it from ending', () => {
    expect(waitHasPassed(at(NOW, 0), at(NOW - 30 * DAY, 30_000), 30)).toBe(true);
  });

  test('after a restart of the background the wall clock decides, and a clock set back never counts as waiting', () => {
    expect(waitHasPassed(at(NOW, 0), at(NOW + 30_000, 5, 'worker-b'), 30)).toBe(true);
    expect(waitHasPassed(at(NOW, 0), at(NOW - 30 * DAY, 5, 'worker-b'), 30)).toBe(false);
  });

  test('odd stored records are ignored, and pages shown long ago are forgotten', async () => {
    await session.set({ pauseShown: { '1:0': { wall: 'x' }, '2:0': at(NOW - DAY, 0) } });
    await recordShown(session, placeOf(3), at(NOW, DAY));
    expect(Object.keys(await readShownAt(session))).toEqual([placeOf(3)]);
    expect(anyWaiting(await readShownAt(session), at(NOW + 60_000, DAY + 60_000))).toBe(true);
    expect(anyWaiting(await readShownAt(session), at(NOW + 3_600_000, DAY + 3_600_000))).toBe(false);
  });
});

describe('"Continue anyway" refuses while the wait is not over', () => {
  const trigger: Trigger = { id: 's', kind: 'site', mode: 'pause', display: 'site.test', host: 'site.test', addedAt: 0 };

  test('with a kind message, and nothing let through', async () => {
    const dnr = new FakeSessionRules();
    const alarms = new FakeAlarms();
    const result = await grantAllowance({ tabId: 7, url: 'https://site.test/', minutes: 5, triggers: [trigger], waitOver: false, now: NOW }, dnr, alarms);
    expect(result).toEqual({ ok: false, message: 'The pause is not over yet. Stay with it a little longer; the choice will be here when it ends.' });
    expect(dnr.rules).toEqual([]);
    expect(alarms.alarms.size).toBe(0);
  });
});

describe('an allowance and the clock', () => {
  test('a clock set back 30 days ends it, instead of its alarm waiting 30 days more', () => {
    const alarms = [{ name: allowanceAlarm(10000), scheduledTime: NOW + 15 * 60_000 }];
    expect(overrunAllowances(alarms, NOW)).toEqual([]);
    expect(overrunAllowances(alarms, NOW - 30 * DAY)).toEqual([10000]);
  });

  test('a clock set forward ends it at once (the safe side); one that is due ends too', () => {
    const alarms = [{ name: allowanceAlarm(10000), scheduledTime: NOW + 15 * 60_000 }];
    expect(overrunAllowances(alarms, NOW + 2 * DAY)).toEqual([10000]);
    expect(overrunAllowances(alarms, NOW + 15 * 60_000)).toEqual([10000]);
  });

  test('other alarms are not allowances', () => {
    expect(overrunAllowances([{ name: 'cooling-off', scheduledTime: NOW + 30 * DAY }], NOW)).toEqual([]);
  });
});
