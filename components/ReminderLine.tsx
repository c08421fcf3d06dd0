import { t } from '../lib/i18n/i18n';
import type { PendingReminder } from '../lib/reminders/reminders-item';

interface Props {
  pending: PendingReminder;
  planHref: string;
  copingHref: string;
  /** Opens the check-in here. */
  onCheckIn: () => void;
  onSnooze: () => void;
  onDone: () => void;
}

/** A reminder waiting (shown on the badge, or a notification not yet acted on): its line and what to do. */
export function ReminderLine({ pending, planHref, copingHref, onCheckIn, onSnooze, onDone }: Props) {
  const title =
    pending.kind === 'checkin' ? t('reminders_checkinTitle') : pending.kind === 'plan-review' ? t('reminders_reviewTitle') : t('reminders_nudgeTitle');
  return (
    <section class="card reminder-line" aria-label={t('reminders_lineLabel')} data-reminder={pending.kind}>
      <p>{title}</p>
      <p class="reminder-actions">
        {pending.kind === 'checkin' && (
          <button type="button" onClick={onCheckIn}>
            {t('reminders_checkinNow')}
          </button>
        )}
        {pending.kind === 'plan-review' && (
          <a class="button" href={planHref} target="_blank" onClick={onDone}>
            {t('reminders_openPlan')}
          </a>
        )}
        {pending.kind === 'nudge' && (
          <a class="button" href={copingHref} target="_blank" onClick={onDone}>
            {t('reminders_openCoping')}
          </a>
        )}
        {pending.kind === 'nudge' ? (
          <button type="button" class="quiet" onClick={onDone}>
            {t('reminders_done')}
          </button>
        ) : (
          <button type="button" class="quiet" onClick={onSnooze}>
            {t('reminders_snooze')}
          </button>
        )}
      </p>
    </section>
  );
}
