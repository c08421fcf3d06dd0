/*
 * Time cannot be bent (issue 15, item 2): every decision gets its time from an injected clock, and
 * a clock moved back never makes anything fresher.
 */
import { describe, expect, test, vi } from 'vitest';
import { loadRecoveryState } from '../../lib/history/recovery-state';
import { saveStreakStart, streakStartItem } from '../../lib/history/streak-start-item';
import { computeStreak } from '../../lib/history/streak';
import { ClockWatcher } from '../../lib/time/background-clock';
import { advance, CLOCK_TOLERANCE_MS, clockJump, elapsedBetween, type Reading } from '../../lib/time/clock-watch';
import { isFreshAddition, postponeChanges, requestChange, UNDO_WINDOW_MS } from '../../lib/triggers/cooling-off';
import { applyDueChanges, postponePending } from '../../lib/triggers/cooling-off-store';
import { removeTrigger } from '../../lib/triggers/edits';
import { pendingItem } from '../../lib/triggers/pending-item';
import { triggerListItem } from '../../lib/triggers/trigger-list';
import { latestSeenItem, trustedNow, trustedNowUnrecorded, trustedTime } from '../../lib/time/trusted-clock';
import { dayFromText } from '../../lib/time/days';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 6, 8);

describe('the latest time seen', () => {
  test('the wall clock is used as it is while it moves on', () => {
    expect(trustedTime(NOW, NOW - DAY)).toEqual({ now: NOW, latestSeen: NOW });
    expect(trustedTime(NOW, 0)).toEqual({ now: NOW, latestSeen: NOW });
  });

  test('a clock moved back 30 days reads as the latest time seen', () => {
    expect(trustedTime(NOW - 30 * DAY, NOW)).toEqual({ now: NOW, latestSeen: NOW });
  });

  test('a wall clock or a stored time that is not a number is not trusted', () => {
    expect(trustedTime(Number.NaN, NOW).now).toBe(NOW);
    expect(trustedTime(NOW, Number.NaN).now).toBe(NOW);
    expect(trustedTime(NOW, -5).now).toBe(NOW);
  });

  test('trustedNow records newer times and never answers earlier than one it recorded', async () => {
    expect(await trustedNow(NOW)).toBe(NOW);
    expect(await latestSeenItem.getValue()).toBe(NOW);
    expect(await trustedNow(NOW - 30 * DAY)).toBe(NOW);
    expect(await latestSeenItem.getValue()).toBe(NOW);
    expect(await trustedNow(NOW + 1000)).toBe(NOW + 1000);
    expect(await latestSeenItem.getValue()).toBe(NOW + 1000);
  });

  test('trustedNowUnrecorded answers after one read, and the newer time is still recorded', async () => {
    let stored = NOW - DAY;
    let reads = 0;
    let finishWrite = () => {};
    const written = new Promise<void>((done) => (finishWrite = done));
    const store = {
      getValue: async () => (reads++, stored),
      // The write never finishes until the test says so: the answer must not wait for it.
      setValue: (value: number) => ((stored = value), written),
    };
    expect(await trustedNowUnrecorded(NOW, store)).toBe(NOW);
    await vi.waitFor(() => expect(stored).toBe(NOW));
    expect(reads).toBe(2);
    finishWrite();
    // A clock set back still answers the latest time seen.
    expect(await trustedNowUnrecorded(NOW - 30 * DAY, store)).toBe(NOW);
  });

  test('two readers at once only ever raise the stored time', async () => {
    await Promise.all([trustedNow(NOW + 5000), trustedNow(NOW), trustedNow(NOW + 2000)]);
    expect(await latestSeenItem.getValue()).toBeGreaterThanOrEqual(NOW);
    expect(await trustedNow(NOW - DAY)).toBe(await latestSeenItem.getValue());
  });
});

describe('a fresh trigger', () => {
  test('is fresh only for the first minutes after it was added', () => {
    expect(isFreshAddition({ addedAt: NOW }, NOW)).toBe(true);
    expect(isFreshAddition({ addedAt: NOW }, NOW + UNDO_WINDOW_MS - 1)).toBe(true);
    expect(isFreshAddition({ addedAt: NOW }, NOW + UNDO_WINDOW_MS)).toBe(false);
  });

  test('an addedAt in the future (a clock moved back, a date from a file) is never fresh', () => {
    expect(isFreshAddition({ addedAt: NOW }, NOW - 1)).toBe(false);
    expect(isFreshAddition({ addedAt: NOW }, NOW - 30 * DAY)).toBe(false);
  });

  test('a trigger added a day ago stays old when the clock is moved back 30 days', async () => {
    const trigger = { addedAt: NOW - DAY };
    await trustedNow(NOW);
    expect(isFreshAddition(trigger, await trustedNow(NOW - 30 * DAY))).toBe(false);
    // Moved back to just after it was added: the trusted time still knows a day has passed.
    expect(isFreshAddition(trigger, await trustedNow(NOW - DAY + 60_000))).toBe(false);
  });
});

const HOUR = 3_600_000;
const A = 'worker-a';
const at = (wall: number, mono: number, instance = A): Reading => ({ wall, mono, instance });

describe('the two clocks, read while the background is awake', () => {
  test('time passing moves both clocks alike: no jump', () => {
    expect(clockJump(at(NOW, 0), at(NOW + HOUR, HOUR))).toBe(0);
    expect(advance({ trusted: NOW, last: at(NOW, 0) }, at(NOW + HOUR, HOUR), NOW)).toEqual({
      trusted: NOW + HOUR,
      last: at(NOW + HOUR, HOUR),
      postpone: 0,
      movedBack: false,
    });
  });

  test('a clock set forward 2 days: the trusted time follows, and every wait is postponed by the jump', () => {
    const next = advance({ trusted: NOW, last: at(NOW, 0) }, at(NOW + 2 * DAY + 20_000, 20_000), NOW);
    expect(next.trusted).toBe(NOW + 2 * DAY + 20_000);
    expect(next.postpone).toBe(2 * DAY);
    expect(next.movedBack).toBe(false);
  });

  test('a clock set back 30 days: the trusted time moves on at its real pace, nothing is postponed', () => {
    const next = advance({ trusted: NOW, last: at(NOW, 0) }, at(NOW - 30 * DAY + 20_000, 20_000), NOW);
    expect(next).toMatchObject({ trusted: NOW + 20_000, postpone: 0, movedBack: true });
    // And on: another hour later by both clocks, still counted from the latest time, not from the wall.
    const later = advance(next, at(NOW - 30 * DAY + HOUR + 20_000, HOUR + 20_000), NOW);
    expect(later).toMatchObject({ trusted: NOW + HOUR + 20_000, postpone: 0, movedBack: false });
  });

  test('set back 30 days and then forward to the real time: the wait is postponed only by what was not waited', () => {
    const back = advance({ trusted: NOW, last: at(NOW, 0) }, at(NOW - 30 * DAY, 10_000), NOW);
    const forward = advance(back, at(NOW + 2 * DAY, 20_000), NOW);
    // The trusted clock had carried on to NOW + 20 s; the wall now says 2 days later.
    expect(forward.postpone).toBe(2 * DAY - 20_000);
  });

  test('a computer that slept 8 hours on Linux or macOS reads like a clock set forward: the wait counts on from waking', () => {
    // performance.now() stands still in sleep there (on Windows it counts sleep, and this is no jump).
    const next = advance({ trusted: NOW, last: at(NOW, 0) }, at(NOW + 8 * HOUR + 5_000, 5_000), NOW);
    expect(next.postpone).toBe(8 * HOUR);
    const windows = advance({ trusted: NOW, last: at(NOW, 0) }, at(NOW + 8 * HOUR + 5_000, 8 * HOUR + 5_000), NOW);
    expect(windows.postpone).toBe(0);
  });

  test('small corrections of the wall clock are not jumps', () => {
    expect(clockJump(at(NOW, 0), at(NOW + 60_000 + CLOCK_TOLERANCE_MS, 60_000))).toBe(0);
    expect(advance({ trusted: NOW, last: at(NOW, 0) }, at(NOW + 65_000, 60_000), NOW).postpone).toBe(0);
  });

  test('a new background has no earlier reading to compare with: nothing is postponed, the floor still holds', () => {
    const next = advance({ trusted: 0 }, at(NOW - 30 * DAY, 5, 'worker-b'), NOW);
    expect(next).toMatchObject({ trusted: NOW, postpone: 0, movedBack: false });
    expect(clockJump(at(NOW, 0), at(NOW + 2 * DAY, 5, 'worker-b'))).toBe(0);
  });

  test('a page that raised the stored latest time after the jump does not hide it', () => {
    const next = advance({ trusted: NOW, last: at(NOW, 0) }, at(NOW + 2 * DAY + 10_000, 10_000), NOW + 2 * DAY + 9_000);
    expect(next.postpone).toBe(2 * DAY);
  });

  test('elapsed time: the monotonic clock within one background, the wall clock (never negative) across', () => {
    expect(elapsedBetween(at(NOW, 0), at(NOW + 2 * DAY, 30_000))).toBe(30_000);
    expect(elapsedBetween(at(NOW, 0), at(NOW + 30_000, 99, 'worker-b'))).toBe(30_000);
    expect(elapsedBetween(at(NOW, 0), at(NOW - 30 * DAY, 99, 'worker-b'))).toBe(0);
  });
});

describe('a waiting change (cooling-off) and the clock', () => {
  const removal = { kind: 'remove-trigger' as const, triggerId: 'a' };

  test('postponing moves every waiting change later by the jump, and nothing else', () => {
    const pending = requestChange([], removal, 'Remove a.test', NOW, 24 * HOUR, () => 'c1');
    expect(postponeChanges(pending, 2 * DAY)).toEqual([{ ...pending[0], effectiveAt: NOW + 24 * HOUR + 2 * DAY }]);
    expect(postponeChanges(pending, 0)).toEqual(pending);
    expect(postponeChanges(pending, Number.NaN)).toEqual(pending);
  });

  test('set forward 2 days while the background watches: a 24-hour change is still waiting', async () => {
    const site = { id: 'a', kind: 'site' as const, mode: 'block' as const, display: 'a.test', host: 'a.test', addedAt: NOW - DAY };
    await triggerListItem.setValue([site]);
    await trustedNow(NOW);
    expect(await removeTrigger('a', { now: async () => NOW })).toMatchObject({ result: 'waiting' });
    let wall = NOW + 1000;
    let mono = 1000;
    const watcher = new ClockWatcher({
      wall: () => wall,
      mono: () => mono,
      instance: A,
      postpone: postponePending,
      movedBack: async () => {},
      onTick: async () => {},
      anyWaiting: async () => false,
      keepAwake: async () => undefined,
    });
    await watcher.now();
    wall += 2 * DAY + 10_000;
    mono += 10_000;
    const now = await watcher.now();
    expect(await applyDueChanges({ now: async () => now })).toHaveLength(1);
    expect(await triggerListItem.getValue()).toEqual([site]);
    // It ends 24 hours after it was asked for, by the time that really passed.
    mono += 24 * HOUR - 13_000;
    wall += 24 * HOUR - 13_000;
    expect(await applyDueChanges({ now: () => watcher.now() })).toHaveLength(1);
    mono += 4_000;
    wall += 4_000;
    expect(await applyDueChanges({ now: () => watcher.now() })).toHaveLength(0);
    expect(await triggerListItem.getValue()).toEqual([]);
  });

  test('asked for with the clock set back 30 days: the change counts from the latest time seen, not from the past', async () => {
    await triggerListItem.setValue([{ id: 'a', kind: 'site', mode: 'block', display: 'a.test', host: 'a.test', addedAt: NOW - DAY }]);
    await trustedNow(NOW);
    const outcome = await removeTrigger('a', { now: () => trustedNow(NOW - 30 * DAY) });
    expect(outcome).toMatchObject({ result: 'waiting', change: { requestedAt: NOW, effectiveAt: NOW + 24 * HOUR } });
  });

  test('applied by the trusted time: a clock set back 30 days does not make an old request due', async () => {
    await trustedNow(NOW + 25 * HOUR);
    await pendingItem.setValue(requestChange([], removal, 'Remove a.test', NOW, 24 * HOUR, () => 'c1'));
    // The wall clock says 30 days ago; the trusted time says 25 hours after the request: due.
    expect(await applyDueChanges({ now: () => trustedNow(NOW - 30 * DAY) })).toEqual([]);
  });
});

describe('the background watches only while something waits', () => {
  test('it starts a watch that keeps it awake, and stops when nothing waits', async () => {
    let waiting = true;
    const started: (() => void)[] = [];
    const keepAwake = vi.fn(async () => undefined);
    const onTick = vi.fn(async () => {});
    const watcher = new ClockWatcher({
      postpone: async () => {},
      movedBack: async () => {},
      onTick,
      anyWaiting: async () => waiting,
      keepAwake,
      timers: {
        setInterval: ((fn: () => void) => (started.push(fn), 1)) as unknown as typeof setInterval,
        clearInterval: (() => started.splice(0)) as unknown as typeof clearInterval,
      },
    });
    await watcher.watchIfWaiting();
    expect(watcher.watching).toBe(true);
    await watcher.watchIfWaiting();
    expect(started).toHaveLength(1);
    started[0]!();
    await vi.waitFor(() => expect(onTick).toHaveBeenCalledOnce());
    expect(keepAwake).toHaveBeenCalledOnce();
    waiting = false;
    await watcher.watchIfWaiting();
    expect(watcher.watching).toBe(false);
  });

  test('a clock set back is reported once, so allowances can end', async () => {
    let wall = NOW;
    let mono = 0;
    const movedBack = vi.fn(async () => {});
    const watcher = new ClockWatcher({
      wall: () => wall,
      mono: () => mono,
      postpone: async () => {},
      movedBack,
      onTick: async () => {},
      anyWaiting: async () => false,
      keepAwake: async () => undefined,
    });
    await watcher.now();
    wall -= 30 * DAY;
    mono += 10_000;
    expect(await watcher.now()).toBe(NOW + 10_000);
    wall += 10_000;
    mono += 10_000;
    expect(await watcher.now()).toBe(NOW + 20_000);
    expect(movedBack).toHaveBeenCalledOnce();
    // Pages read the floor the background keeps (to the minute).
    expect(await latestSeenItem.getValue()).toBeGreaterThanOrEqual(NOW);
  });
});

describe('the streak and the clock', () => {
  test('set back 30 days: the day count does not change', async () => {
    const startedOn = dayFromText('2026-11-26')!;
    const count = async (wall: number) => computeStreak({ startedOn, setbacks: [], now: await trustedNow(wall), timeZone: 'Europe/London' }).daysWithout;
    expect(await count(NOW)).toBe(10);
    expect(await count(NOW - 30 * DAY)).toBe(10);
    expect(await count(NOW + DAY)).toBe(11);
  });

  test('a start day of today is still today when the clock is set back 30 days', async () => {
    await trustedNow(NOW);
    const realWall = Date.now;
    Date.now = () => NOW - 30 * DAY;
    try {
      expect(await saveStreakStart('2026-12-06', '', undefined, 'Europe/London')).toEqual({ ok: true, day: dayFromText('2026-12-06') });
      expect(await streakStartItem.getValue()).toEqual({ startedOn: '2026-12-06' });
      expect((await saveStreakStart('2026-12-07', '', undefined, 'Europe/London')).ok).toBe(false);
    } finally {
      Date.now = realWall;
    }
  });

  test('the popup and pause page read it at the trusted time', async () => {
    await streakStartItem.setValue({ startedOn: '2026-11-26' });
    await trustedNow(NOW);
    const { progress } = await loadRecoveryState();
    expect(progress?.streak.daysWithout).toBeGreaterThanOrEqual(10);
  });
});
