import { useState } from 'preact/hooks';
import { t } from '../lib/i18n/i18n';

interface Props {
  today: string;
  initial?: { startedOn: string; substance?: string };
  /** Saves the start; resolves to a message for the person when the day can't be used. */
  onSave: (startedOn: string, substance: string) => Promise<string | undefined>;
  /** The form's id, for a page whose own button (`form={formId}`) submits it; it then has no button of its own. */
  formId?: string;
}

/** "Days without … since": the day the current streak started and, if they like, the substance. */
export function StreakStartForm({ today, initial, onSave, formId }: Props) {
  const [day, setDay] = useState(initial?.startedOn ?? today);
  const [substance, setSubstance] = useState(initial?.substance ?? '');
  const [error, setError] = useState('');

  async function save(event: Event) {
    event.preventDefault();
    setError((await onSave(day, substance)) ?? '');
  }

  return (
    <form id={formId} class="streak-start" onSubmit={save} noValidate>
      <div class="sub-field">
        <label for="streak-start-day">{t('streak_startedOn')}</label>
        <input
          id="streak-start-day"
          type="date"
          max={today}
          value={day}
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby="streak-start-error"
          onInput={(e) => setDay(e.currentTarget.value)}
        />
      </div>
      <div class="sub-field">
        <label for="streak-substance">{t('streak_substance')}</label>
        <input
          id="streak-substance"
          type="text"
          placeholder={t('streak_substanceExample')}
          value={substance}
          onInput={(e) => setSubstance(e.currentTarget.value)}
        />
      </div>
      <p id="streak-start-error" class="error" role="alert">
        {error}
      </p>
      {!formId && <button type="submit">{t('streak_saveStart')}</button>}
    </form>
  );
}
