import { useEffect, useState } from 'preact/hooks';
import { Reminders } from '../../components/Reminders';
import { t } from '../../lib/i18n/i18n';
import { changeTiming, notificationsAllowed, turnReminder } from '../../lib/reminders/edits';
import { loadReminders, remindersItem, withDefaults, type Reminders as RemindersState } from '../../lib/reminders/reminders-item';

/** The welcome's last step offers a daily check-in reminder: optional, off unless they turn it on. */
export function ReminderOffer() {
  const [state, setState] = useState<RemindersState>();
  const [allowed, setAllowed] = useState<boolean>();
  useEffect(() => {
    void loadReminders()
      .then(setState)
      .catch((error: unknown) => console.error('steadfast: reminders', error));
    void notificationsAllowed().then(setAllowed);
    return remindersItem.watch((next) => setState(withDefaults(next)));
  }, []);
  if (!state) return null;
  return (
    <section class="reminder-offer" aria-labelledby="reminder-offer-title">
      <h3 id="reminder-offer-title">{t('welcome_remindersHeading')}</h3>
      <p>{t('welcome_remindersText')}</p>
      <Reminders state={state} allowed={allowed} onSwitch={turnReminder} onTiming={changeTiming} only="checkin" />
    </section>
  );
}
