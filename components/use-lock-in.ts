import { useEffect, useState } from 'preact/hooks';
import { browserFamily } from '../lib/blocking/protection-status';
import { lockInStatus, readLockInFacts, type LockInStatus } from '../lib/lockin/status';

/**
 * Whether Steadfast is locked in, read after the page's first paint (Preact runs effects after it),
 * so that asking the browser never holds back the streak. Undefined until the browser has answered.
 */
export function useLockIn(read = () => readLockInFacts(browserFamily())): LockInStatus | undefined {
  const [status, setStatus] = useState<LockInStatus>();
  useEffect(() => {
    let live = true;
    void read().then((facts) => live && setStatus(lockInStatus(facts)));
    return () => {
      live = false;
    };
  }, []);
  return status;
}
