import { useEffect, useState } from 'preact/hooks';
import './Reminders.css';
import { t } from '../lib/i18n/i18n';
import type { TimingChange } from '../lib/reminders/edits';
import type { ReminderKind, Reminders as RemindersState } from '../lib/reminders/reminders-item';
import { MAX_WEEKS, MIN_WEEKS } from '../lib/reminders/schedule';

interface Props {
  state: RemindersState;
  /** Turns one on (the browser may ask about notifications) or off. */
  onSwitch: (kind: ReminderKind, on: boolean) => { saved: Promise<void>; allowed: Promise<boolean> };
  /** Stores a time or the weeks; the message when refused. */
  onTiming: (change: TimingChange) => Promise<string | undefined>;
  /** Whether notifications are allowed now; undefined while unknown. */
  allowed?: boolean;
  /** What the nudge is for, or why it cannot be yet, in words. */
  nudgeLine?: string;
  /** The welcome offers only the daily check-in. */
  only?: 'checkin';
}

const isOn = (state: RemindersState, kind: ReminderKind) =>
  kind === 'checkin' ? state.checkin.on : kind === 'plan-review' ? state.planReview.on : state.nudge.on;

/** The reminders a person can choose, all off until they turn them on (issue 17). */
export function Reminders({ state, onSwitch, onTiming, allowed: allowedNow, nudgeLine, only }: Props) {
  const [error, setError] = useState('');
  const [allowed, setAllowed] = useState(allowedNow);
  useEffect(() => setAllowed(allowedNow), [allowedNow]);
  const anyOn = isOn(state, 'checkin') || isOn(state, 'plan-review') || isOn(state, 'nudge');

  const toggle = (kind: ReminderKind) => (event: Event) => {
    const on = (event.currentTarget as HTMLInputElement).checked;
    // The browser asks about notifications only during the click itself: nothing awaited before this call.
    const { saved, allowed: answer } = onSwitch(kind, on);
    void saved.catch(() => setError(t('reminders_timeInvalid')));
    void answer.then(setAllowed);
  };
  const timing = (change: TimingChange) => void onTiming(change).then((message) => setError(message ?? ''));

  const switchFor = (kind: ReminderKind, label: string) => (
    <label class="reminder-switch">
      <input type="checkbox" checked={isOn(state, kind)} onChange={toggle(kind)} /> {label}
    </label>
  );

  return (
    <div class="reminders">
      {switchFor('checkin', t('reminders_checkinSwitch'))}
      <p class="reminder-detail">
        <label for="reminder-checkin-time">{t('reminders_checkinTime')}</label>{' '}
        <input
          id="reminder-checkin-time"
          type="time"
          value={state.checkin.time}
          onChange={(event) => timing({ field: 'checkin-time', value: event.currentTarget.value })}
        />
        <span class="hint"> {t('reminders_checkinHint')}</span>
      </p>
      {only !== 'checkin' && (
        <>
          {switchFor('plan-review', t('reminders_reviewSwitch'))}
          <p class="reminder-detail">
            <label for="reminder-weeks">{t('reminders_reviewWeeks')}</label>{' '}
            <input
              id="reminder-weeks"
              type="number"
              min={MIN_WEEKS}
              max={MAX_WEEKS}
              step={1}
              value={state.planReview.weeks}
              onChange={(event) => timing({ field: 'weeks', value: Number(event.currentTarget.value) })}
            />
          </p>
          <label class="reminder-switch">
            <input type="checkbox" checked={state.quiet.on} onChange={(event) => timing({ field: 'quiet', value: event.currentTarget.checked })} />{' '}
            {t('reminders_quietSwitch')}
          </label>
          <p class="reminder-detail">
            <label for="reminder-quiet-from">{t('reminders_quietFrom')}</label>{' '}
            <input
              id="reminder-quiet-from"
              type="time"
              value={state.quiet.from}
              onChange={(event) => timing({ field: 'quiet-from', value: event.currentTarget.value })}
            />{' '}
            <label for="reminder-quiet-to">{t('reminders_quietTo')}</label>{' '}
            <input
              id="reminder-quiet-to"
              type="time"
              value={state.quiet.to}
              onChange={(event) => timing({ field: 'quiet-to', value: event.currentTarget.value })}
            />
          </p>
          <p class="hint">{t('reminders_quietHint')}</p>
          {switchFor('nudge', t('reminders_nudgeSwitch'))}
          <p class="hint">{t('reminders_nudgeHint')}</p>
          {nudgeLine && <p class="reminder-nudge-line">{nudgeLine}</p>}
        </>
      )}
      <p class="reminder-status" role="status">
        {anyOn && allowed !== undefined ? t(allowed ? 'reminders_notificationsOn' : 'reminders_notificationsOff') : ''}
      </p>
      <p class="error" role="alert">
        {error}
      </p>
    </div>
  );
}
