import { latestSeenItem, trustedTime } from '../lib/time/trusted-clock';
import { useStoredItem } from './useStoredItem';

/**
 * A reader of the trusted time for a page that draws "removing in 23 h": the wall clock, never
 * earlier than the latest time Steadfast has seen (which the background keeps moving on while a
 * change waits). So a clock set back does not make a waiting change look 30 days away.
 */
export function useTrustedNow(): () => number {
  const latest = useStoredItem(latestSeenItem).value ?? 0;
  return () => trustedTime(Date.now(), latest).now;
}
