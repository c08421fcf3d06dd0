import { useEffect, useState } from 'preact/hooks';
import { CheckIn, type CheckInValues } from '../../components/CheckIn';
import { LockInLine } from '../../components/LockInLine';
import { ReminderLine } from '../../components/ReminderLine';
import { UrgeLog } from '../../components/UrgeLog';
import { ProtectionNotice } from '../../components/ProtectionNotice';
import { useCrisisCard } from '../../components/useCrisisCard';
import { useLockIn } from '../../components/use-lock-in';
import { useProtection } from '../../components/use-protection';
import { historyConnection } from '../../lib/history/db';
import { logUrge, type UrgeEntry } from '../../lib/history/urge-log';
import type { LockInStatus } from '../../lib/lockin/status';
import { loadReminders, remindersItem, updateReminders, withDefaults, type Reminders } from '../../lib/reminders/reminders-item';
import { dismiss, snooze } from '../../lib/reminders/schedule';
import { trustedNow } from '../../lib/time/trusted-clock';

// What the popup draws after the streak (issue 19, item 5): loaded with `import()` once the first
// screen has painted, so the popup's first script holds only what the streak needs.
export { Celebration } from '../../components/Celebration';
export { StreakStartForm } from '../../components/StreakStartForm';
export { SupportPeople } from '../../components/SupportPeople';

const changeReminders = (update: (state: Reminders) => Reminders) =>
  void updateReminders(update).catch((error: unknown) => console.error('steadfast: reminders', error));

/** What is off now, and how to turn it back on (issue 15, item 6). */
export function Protection() {
  return <ProtectionNotice {...useProtection()} />;
}

/** The check-in, with the region's crisis lines offered first when it reaches the crisis threshold. */
export function CheckInWithCrisis({ onSave, helpHref }: { onSave: (values: CheckInValues) => Promise<void>; helpHref: string }) {
  const [crisis, chooseRegion] = useCrisisCard();
  async function save(values: CheckInValues) {
    await onSave(values);
    // A check-in saved answers a check-in reminder (lib/reminders/).
    changeReminders((state) => dismiss(state, 'checkin'));
  }
  return <CheckIn onSave={save} helpHref={helpHref} crisis={crisis} onRegion={chooseRegion} />;
}

/** The urge log (what set it off, how strong, what was done), with the region's crisis lines should it reach the threshold. */
export function UrgeLogWithCrisis({ onSkip, helpHref }: { onSkip: () => void; helpHref: string }) {
  const [crisis, chooseRegion] = useCrisisCard();
  const onSave = async (entry: UrgeEntry) => void (await logUrge(await historyConnection(), entry));
  return <UrgeLog kind="full" heading={false} onSave={onSave} onSkip={onSkip} helpHref={helpHref} crisis={crisis} onRegion={chooseRegion} newTab />;
}

/** The lock-in line, and the browser's answer handed up to the page once it has come. */
export function LockIn({ onStatus }: { onStatus: (status: LockInStatus) => void }) {
  const status = useLockIn();
  useEffect(() => {
    if (status) onStatus(status);
  }, [status, onStatus]);
  return <LockInLine status={status} />;
}

/** A reminder waiting (lib/reminders/): its line, with a check-in, a snooze and done. */
export function Reminder({ planHref, copingHref, onCheckIn }: { planHref: string; copingHref: string; onCheckIn: () => void }) {
  const [reminders, setReminders] = useState<Reminders>();
  useEffect(() => {
    void loadReminders()
      .then(setReminders)
      .catch((error: unknown) => console.error('steadfast: reminders', error));
    return remindersItem.watch((next) => setReminders(withDefaults(next)));
  }, []);
  const pending = reminders?.pending;
  if (!pending) return null;
  return (
    <ReminderLine
      pending={pending}
      planHref={planHref}
      copingHref={copingHref}
      onCheckIn={onCheckIn}
      onSnooze={() => void trustedNow().then((now) => changeReminders((state) => snooze(state, pending.kind, now)))}
      onDone={() => changeReminders((state) => dismiss(state, pending.kind))}
    />
  );
}
