/*
 * The background's watch on the clock (issue 15, item 2). While anything waits (a change in its
 * cooling-off, a pause page's wait, an allowance) the background stays awake and reads the wall
 * and the monotonic clock every few seconds (lib/time/clock-watch.ts): the trusted time moves on at
 * its real pace, a clock set forward postpones every running wait by the jump, and a clock set back
 * ends allowances (which the browser's alarms would otherwise hold up). Browser APIs come in as
 * parameters.
 */
import { advance, type Reading, type Watched } from './clock-watch';
import { latestSeenItem, type LatestStore } from './trusted-clock';

/** Read often enough to stay awake: Chrome stops an idle worker after 30 s, and calls to extension APIs reset that. */
export const WATCH_EVERY_MS = 10_000;

export interface ClockWatcherOptions {
  wall?: () => number;
  mono?: () => number;
  instance?: string;
  latest?: LatestStore;
  /** Every running wait ends this much later. */
  postpone: (ms: number) => Promise<void>;
  /** The wall clock was set back: end what the browser's alarms would hold up. */
  movedBack: () => Promise<void>;
  /** After each reading: apply what is due, end what is over. */
  onTick: () => Promise<void>;
  /** Whether anything still waits (otherwise the watch stops, and the worker may sleep). */
  anyWaiting: (now: Reading) => Promise<boolean>;
  /** An extension API call: keeps the worker awake while it watches. */
  keepAwake: () => Promise<unknown>;
  timers?: { setInterval: typeof setInterval; clearInterval: typeof clearInterval };
}

export class ClockWatcher {
  private watched: Watched = { trusted: 0 };
  private chain: Promise<unknown> = Promise.resolve();
  private timer?: ReturnType<typeof setInterval>;
  private readonly wall: () => number;
  private readonly mono: () => number;
  readonly instance: string;
  private readonly latest: LatestStore;

  constructor(private readonly options: ClockWatcherOptions) {
    this.wall = options.wall ?? (() => Date.now());
    this.mono = options.mono ?? (() => performance.now());
    this.instance = options.instance ?? crypto.randomUUID();
    this.latest = options.latest ?? latestSeenItem;
  }

  /** Both clocks now, in this background. */
  reading(): Reading {
    return { wall: this.wall(), mono: this.mono(), instance: this.instance };
  }

  /**
   * Reads the clocks, postpones waits by any forward jump, records the trusted time and returns
   * it. Readings are taken one after another, so no jump is counted twice.
   */
  now(): Promise<number> {
    const next = this.chain.then(async () => {
      const reading = this.reading();
      const result = advance(this.watched, reading, await this.latest.getValue());
      this.watched = { trusted: result.trusted, last: result.last };
      if (result.postpone > 0) await this.options.postpone(result.postpone);
      if (result.movedBack) await this.options.movedBack();
      // Kept to the minute in storage (the pages' floor); exact here.
      const stored = await this.latest.getValue();
      if (!(stored + 60_000 > result.trusted)) await this.latest.setValue(result.trusted);
      return result.trusted;
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** One look at the clock and at what waits; starts or stops the watch to match. */
  async tick(): Promise<void> {
    await this.now();
    await this.options.onTick();
    await this.watchIfWaiting();
  }

  /** Starts the watch while anything waits, stops it when nothing does. */
  async watchIfWaiting(): Promise<void> {
    const waiting = await this.options.anyWaiting(this.reading());
    const timers = this.options.timers ?? globalThis;
    if (waiting && this.timer === undefined) {
      this.timer = timers.setInterval(() => {
        void this.options.keepAwake().catch(() => undefined);
        void this.tick().catch((error: unknown) => console.error('steadfast: clock', error));
      }, WATCH_EVERY_MS);
    } else if (!waiting && this.timer !== undefined) {
      timers.clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  get watching(): boolean {
    return this.timer !== undefined;
  }
}
