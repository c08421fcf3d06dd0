import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../lib/i18n/i18n';
import { part, withParts } from '../lib/i18n/with-parts';

export interface SetbackValues {
  day: string;
  time: string;
  whatHappened: string;
  whatIFelt: string;
  warningSignMissed: string;
  whatIllChange: string;
}

interface Props {
  today: string;
  nowTime: string;
  /** Saves the setback; resolves to a message for the person when it can't be saved as given. */
  onSave: (values: SetbackValues) => Promise<string | undefined>;
  planHref: string;
}

/** Optional questions the person answers for themselves, as things to learn from, never blame. */
const QUESTIONS = [
  ['whatHappened', 'setback_whatHappened'],
  ['whatIFelt', 'setback_whatIFelt'],
  ['warningSignMissed', 'setback_warningSigns'],
  ['whatIllChange', 'setback_whatIllChange'],
] as const satisfies readonly (readonly [keyof SetbackValues, MessageKey])[];

/** Logging a setback: kind words first, a few optional questions, nothing erased. */
export function SetbackForm({ today, nowTime, onSave, planHref }: Props) {
  const empty: SetbackValues = { day: today, time: nowTime, whatHappened: '', whatIFelt: '', warningSignMissed: '', whatIllChange: '' };
  const [values, setValues] = useState(empty);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);

  async function save(event: Event) {
    event.preventDefault();
    const message = await onSave(values);
    setError(message ?? '');
    if (!message) {
      setSaved(true);
      setValues(empty);
    }
  }

  return (
    <form class="setback" onSubmit={save} noValidate>
      <p>{t('setback_intro')}</p>
      <div class="row">
        <div class="sub-field">
          <label for="setback-day">{t('setback_day')}</label>
          <input id="setback-day" type="date" max={today} value={values.day} onInput={(e) => setValues({ ...values, day: e.currentTarget.value })} />
        </div>
        <div class="sub-field">
          <label for="setback-time">{t('setback_time')}</label>
          <input id="setback-time" type="time" value={values.time} onInput={(e) => setValues({ ...values, time: e.currentTarget.value })} />
        </div>
      </div>
      {QUESTIONS.map(([key, label]) => (
        <div class="sub-field" key={key}>
          <label for={`setback-${key}`}>{t(label)}</label>
          <textarea id={`setback-${key}`} value={values[key]} onInput={(e) => setValues({ ...values, [key]: e.currentTarget.value })} />
        </div>
      ))}
      <p class="error" role="alert">
        {error}
      </p>
      <button type="submit">{t('setback_submit')}</button>
      <div role="status">
        {saved && (
          <p class="setback-saved">
            {withParts(t('setback_saved', [part(0)]), [<a href={planHref}>{t('setback_adjustPlan')}</a>])}
          </p>
        )}
      </div>
    </form>
  );
}
