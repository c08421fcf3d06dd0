/**
 * What the background does when it starts, in two kinds (issue 19). Protection runs at once: the
 * redirect rules are already in force (dynamic rules persist in the browser), and the second net's
 * sweep and the end of overrun allowances close what they could leave open. The rest (the rules'
 * health check, the badge, the uninstall page, cooling-off, sync, the welcome) waits until the
 * first pause page has said it is on screen, or `waitMs`, whichever is first: on the first
 * navigation after the browser starts, it would otherwise take the processor from the page a
 * person is waiting for. Each task's time is noted as a `steadfast:start:<name>` measure, so a
 * benchmark can read what each costs.
 */
export interface StartTasks {
  /** Runs `task` now. */
  now(name: string, task: () => unknown): void;
  /** Runs `task` once the first pause page is shown (or the wait is over); at once after that. */
  later(name: string, task: () => unknown): void;
  /** The first pause page is on screen: run what waits. */
  release(): void;
}

interface Options {
  waitMs?: number;
  timers?: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'>;
  clock?: () => number;
  measure?: (name: string, start: number, end: number) => void;
}

export function startTasks({
  waitMs = 1_000,
  timers = globalThis,
  clock = () => performance.now(),
  measure = (name, start, end) => void performance.measure(`steadfast:start:${name}`, { start, end }),
}: Options = {}): StartTasks {
  const waiting: [string, () => unknown][] = [];
  let released = false;
  const run = (name: string, task: () => unknown) => {
    const start = clock();
    void Promise.resolve()
      .then(task)
      .catch((error: unknown) => console.error(`steadfast: ${name}`, error))
      .finally(() => measure(name, start, clock()));
  };
  const release = () => {
    if (released) return;
    released = true;
    timers.clearTimeout(timer);
    for (const [name, task] of waiting.splice(0)) run(name, task);
  };
  const timer = timers.setTimeout(release, waitMs);
  return {
    now: run,
    later: (name, task) => (released ? run(name, task) : void waiting.push([name, task])),
    release,
  };
}
