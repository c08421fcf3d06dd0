/*
 * Time cannot be bent (issue 15, item 2): every decision gets its time from an injected clock, and
 * a clock moved back never makes anything fresher.
 */
import { describe, expect, test } from 'vitest';
import { isFreshAddition, UNDO_WINDOW_MS } from '../../lib/triggers/cooling-off';
import { latestSeenItem, trustedNow, trustedTime } from '../../lib/time/trusted-clock';

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
