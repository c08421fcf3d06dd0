import { useEffect, useState } from 'preact/hooks';
import { latestSeenItem, trustedTime } from '../lib/time/trusted-clock';

/**
 * A reader of the trusted time for a page that draws "removing in 23 h": the wall clock, never
 * earlier than the latest time Steadfast has seen (which the background keeps moving on while a
 * change waits). So a clock set back does not make a waiting change look 30 days away.
 */
export function useTrustedNow(): () => number {
  const [latest, setLatest] = useState(0);
  useEffect(() => {
    void latestSeenItem.getValue().then(setLatest);
    return latestSeenItem.watch((next) => setLatest(next ?? 0));
  }, []);
  return () => trustedTime(Date.now(), latest).now;
}
