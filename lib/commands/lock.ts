/*
 * Every write to the configuration (triggers, lists, settings, the plan, the waiting changes, a
 * restore) reads what is stored and writes its decision inside this lock, so two open pages, or a
 * page and the background, never interleave a read and a write and lose an update.
 *
 * A Web Lock (`navigator.locks`) is shared by every page and the worker of the extension's origin.
 * Where there is none (Node in unit tests, a very old browser) an in-process queue keeps this
 * context's writes in turn; it cannot order writes from other pages.
 */

/** The one name every configuration writer locks on. */
export const CONFIG_LOCK = 'steadfast:config';

/** Runs `work` alone among configuration writers and returns its result. */
export type ConfigLock = <T>(work: () => Promise<T>) => Promise<T>;

interface Locks {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** A queue for a context without Web Locks: each piece of work starts when the one before ends. */
export function createQueueLock(): ConfigLock {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const result = tail.then(work);
    tail = result.catch(() => undefined);
    return result;
  };
}

const queue = createQueueLock();

/** The Web Lock when the browser has one, the in-process queue otherwise. Never nest it: it is not re-entrant. */
export function lockWith(locks: Locks | undefined): ConfigLock {
  return locks ? <T>(work: () => Promise<T>) => locks.request(CONFIG_LOCK, work) : queue;
}

export const withConfigLock: ConfigLock = (work) => lockWith((globalThis as { navigator?: { locks?: Locks } }).navigator?.locks)(work);
