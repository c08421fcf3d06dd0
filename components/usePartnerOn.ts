import { useEffect, useState } from 'preact/hooks';
import { loadPartnerLock, partnerLockItem } from '../lib/partner/partner-lock';

/** Whether the partner lock is on: a waiting change then offers the release code beside it. */
export function usePartnerOn(): boolean {
  const [on, setOn] = useState(false);
  useEffect(() => {
    const reload = () => void loadPartnerLock().then((lock) => setOn(lock !== null));
    reload();
    return partnerLockItem.watch(reload);
  }, []);
  return on;
}
