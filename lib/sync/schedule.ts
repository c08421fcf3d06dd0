import type { SyncOutcome } from './sync-store';

/**
 * Runs `sync` a moment after the last request, never two at once, and at least `minGapMs` apart.
 * Each sync makes at most two writes (a `set` and a `remove`), so with a 5 s gap Steadfast makes at
 * most 24 a minute and 1,440 an hour, under the browser's 120 and 1,800 (lib/sync/quota.ts).
 * A refused write is tried again after `retryMs`.
 */
export function syncScheduler(
  sync: () => Promise<SyncOutcome>,
  { delayMs = 1_500, minGapMs = 5_000, retryMs = 60_000, now = () => Date.now(), timers = globalThis } = {},
): { request(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  let lastRun = -Infinity;

  const schedule = (wait: number) => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = timers.setTimeout(run, Math.max(wait, lastRun + minGapMs - now()));
  };
  async function run() {
    timer = undefined;
    if (running) {
      again = true;
      return;
    }
    running = true;
    lastRun = now();
    let outcome: Awaited<ReturnType<typeof sync>> = 'off';
    try {
      outcome = await sync();
    } catch (error) {
      // Reported by the next sync's report; the console keeps the detail for developers.
      console.error(error);
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      schedule(delayMs);
    } else if (outcome === 'write-failed') schedule(retryMs);
    else if (outcome === 'changed-meanwhile') schedule(delayMs);
  }
  return { request: () => schedule(delayMs) };
}
