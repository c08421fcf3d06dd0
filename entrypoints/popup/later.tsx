import { useEffect } from 'preact/hooks';
import { CheckIn, type CheckInValues } from '../../components/CheckIn';
import { LockInLine } from '../../components/LockInLine';
import { ProtectionNotice } from '../../components/ProtectionNotice';
import { useCrisisCard } from '../../components/useCrisisCard';
import { useLockIn } from '../../components/use-lock-in';
import { useProtection } from '../../components/use-protection';
import type { LockInStatus } from '../../lib/lockin/status';

// What the popup draws after the streak (issue 19, item 5): loaded with `import()` once the first
// screen has painted, so the popup's first script holds only what the streak needs.
export { Celebration } from '../../components/Celebration';
export { StreakStartForm } from '../../components/StreakStartForm';
export { SupportPeople } from '../../components/SupportPeople';

/** What is off now, and how to turn it back on (issue 15, item 6). */
export function Protection() {
  return <ProtectionNotice {...useProtection()} />;
}

/** The check-in, with the region's crisis lines offered first when it reaches the crisis threshold. */
export function CheckInWithCrisis({ onSave, helpHref }: { onSave: (values: CheckInValues) => Promise<void>; helpHref: string }) {
  const [crisis, chooseRegion] = useCrisisCard();
  return <CheckIn onSave={onSave} helpHref={helpHref} crisis={crisis} onRegion={chooseRegion} />;
}

/** The lock-in line, and the browser's answer handed up to the page once it has come. */
export function LockIn({ onStatus }: { onStatus: (status: LockInStatus) => void }) {
  const status = useLockIn();
  useEffect(() => {
    if (status) onStatus(status);
  }, [status, onStatus]);
  return <LockInLine status={status} />;
}
