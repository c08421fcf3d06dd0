import { useEffect, useState } from 'preact/hooks';
import { Reminders } from '../../components/Reminders';
import { historyConnection } from '../../lib/history/db';
import { readDays } from '../../lib/history/days-store';
import { t } from '../../lib/i18n/i18n';
import { riskGridOf } from '../../lib/progress/risk';
import { changeTiming, notificationsAllowed, turnReminder } from '../../lib/reminders/edits';
import { hardestHour, NUDGE_MIN_MOMENTS } from '../../lib/reminders/nudge';
import { slotWords } from '../../lib/reminders/nudge-words';
import { loadReminders, remindersItem, withDefaults, type Reminders as RemindersState } from '../../lib/reminders/reminders-item';
import { currentTimeZone, dayOf } from '../../lib/time/days';

/** What the nudge would be for, from this device's own history, in words. */
async function nudgeLine(): Promise<string> {
  const today = dayOf(Date.now(), currentTimeZone());
  const choice = hardestHour(riskGridOf(await readDays(await historyConnection()), today - 365));
  if (!choice.ok) return t('reminders_nudgeNotYet', [String(choice.total), String(NUDGE_MIN_MOMENTS)]);
  const { day, time } = slotWords(choice.slot);
  return t('reminders_nudgeSlot', [day, time]);
}

/** "Reminders" in My recovery: the switches here, the reminding in the background (lib/reminders/). */
export function RemindersSection() {
  const [state, setState] = useState<RemindersState>();
  const [allowed, setAllowed] = useState<boolean>();
  const [nudge, setNudge] = useState<string>();
  useEffect(() => {
    void loadReminders()
      .then(setState)
      .catch((error: unknown) => console.error('steadfast: reminders', error));
    void notificationsAllowed().then(setAllowed);
    void nudgeLine()
      .then(setNudge)
      .catch((error: unknown) => console.error('steadfast: nudge', error));
    return remindersItem.watch((next) => setState(withDefaults(next)));
  }, []);
  return (
    <section id="reminders" class="card" aria-labelledby="reminders-title">
      <h2 id="reminders-title">{t('reminders_heading')}</h2>
      <p class="hint">{t('reminders_intro')}</p>
      {state && <Reminders state={state} allowed={allowed} nudgeLine={nudge} onSwitch={turnReminder} onTiming={changeTiming} />}
    </section>
  );
}
