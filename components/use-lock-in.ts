import { useEffect, useState } from 'preact/hooks';
import { browserFamily } from '../lib/blocking/protection-status';
import { lockInStatus, readLockInFacts, type LockInStatus } from '../lib/lockin/status';

/** Asks this browser; one function for the page's life, so the effect below runs once. */
const readHere = () => readLockInFacts(browserFamily());

/**
 * Whether Steadfast is locked in, read after the page's first paint (Preact runs effects after it),
 * so that asking the browser never holds back the streak. Undefined until the browser has answered.
 */
export function useLockIn(read = readHere): LockInStatus | undefined {
  const [status, setStatus] = useState<LockInStatus>();
  useEffect(() => {
    let live = true;
    void read()
      .then((facts) => live && setStatus(lockInStatus(facts)))
      .catch((error: unknown) => console.error('steadfast: lock-in', error));
    return () => {
      live = false;
    };
  }, [read]);
  return status;
}
