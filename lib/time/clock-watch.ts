/*
 * A wall clock moved forward while the browser runs must not end a wait early (issue 15, item 2).
 * While the background is awake it reads two clocks: the wall clock (`Date.now()`, which the
 * person can set) and a monotonic one (`performance.now()`, which they cannot). Between two
 * readings in one background both should move on by the same amount; when the wall clock moved
 * further, the difference is a clock change and is not credited to any wait. Pure: readings come in.
 *
 * What the monotonic clock cannot tell (SECURITY.md, "Time"):
 * - In Chrome and Firefox on Linux and macOS `performance.now()` stands still while the computer
 *   sleeps (only on Windows does it count sleep), and nothing an extension can read without a new
 *   permission says "the computer slept" rather than "the clock was set". A sleep while the
 *   background is watching is therefore read as a clock change: the wait is not shortened by it,
 *   it counts on from waking. (On Windows, sleep counts as time passing.)
 * - Chrome's `alarms` hold their times on the wall clock and check them on a monotonic timer, so
 *   they fire on waking from sleep, but a clock moved back holds them back. Waits here are decided
 *   by these readings, not by alarms alone.
 * - A background started afresh (the browser was closed, or its worker was stopped) has no earlier
 *   reading in the same clock: what the wall clock did in between cannot be checked.
 */

/** Two clocks read at one moment in one background (`mono` only compares within `instance`). */
export interface Reading {
  wall: number;
  mono: number;
  /** Which background took it: a monotonic reading means nothing in another one. */
  instance: string;
}

/** Timers and the wall clock's own small corrections stay well inside this. */
export const CLOCK_TOLERANCE_MS = 10_000;

/**
 * How far the wall clock moved beyond the time that passed between two readings: positive when it
 * was set forward (or the computer slept, see above), negative when set back, 0 within the
 * tolerance or when the readings are from different backgrounds.
 */
export function clockJump(previous: Reading, next: Reading, tolerance = CLOCK_TOLERANCE_MS): number {
  if (previous.instance !== next.instance) return 0;
  const jump = next.wall - previous.wall - (next.mono - previous.mono);
  return Math.abs(jump) > tolerance ? jump : 0;
}

/**
 * The time that passed between two readings, as far as it can be trusted: the monotonic clock's
 * within one background; across backgrounds the wall clock's (never less than nothing).
 */
export function elapsedBetween(previous: Reading, next: Reading): number {
  if (previous.instance === next.instance) return Math.max(0, next.mono - previous.mono);
  return Math.max(0, next.wall - previous.wall);
}

export interface Watched {
  /** The trusted time at `last` (lib/time/trusted-clock.ts). */
  trusted: number;
  last?: Reading;
}

export interface Advanced extends Required<Watched> {
  /**
   * How much later every running wait must now end: the time the trusted clock jumped ahead of
   * what the monotonic clock saw pass. 0 unless the wall clock was set forward (or the computer
   * slept, see above) while this background watched.
   */
  postpone: number;
  /** The wall clock was set back since the last reading in this background. */
  movedBack: boolean;
}

/**
 * The next trusted time, from the last one and a new reading. Within one background the trusted
 * time moves on by what the monotonic clock saw pass: a clock set back does not hold it still, and
 * a clock set forward moves it on (so dates stay true) but every running wait is postponed by the
 * jump, so no wait is shortened. `latestSeen` is the stored latest time, which another page may
 * have raised meanwhile. Pure.
 */
export function advance(state: Watched, next: Reading, latestSeen: number, tolerance = CLOCK_TOLERANCE_MS): Advanced {
  const seen = Math.max(next.wall, Number.isFinite(latestSeen) ? latestSeen : 0);
  const { last } = state;
  if (!last || last.instance !== next.instance) {
    return { trusted: Math.max(seen, state.trusted), last: next, postpone: 0, movedBack: false };
  }
  const carried = state.trusted + Math.max(0, next.mono - last.mono);
  const ahead = seen - carried;
  return {
    trusted: Math.max(seen, carried),
    last: next,
    postpone: ahead > tolerance ? ahead : 0,
    movedBack: clockJump(last, next, tolerance) < 0,
  };
}
