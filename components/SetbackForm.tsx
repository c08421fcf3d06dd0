import { useState } from 'preact/hooks';

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

const QUESTIONS = [
  ['whatHappened', 'What happened?'],
  ['whatIFelt', 'What was I feeling?'],
  ['warningSignMissed', 'Which warning sign did I miss?'],
  ['whatIllChange', 'What will I change in my plan?'],
] as const;

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
      <p>A setback is not the end of your recovery. What can it teach you?</p>
      <div class="row">
        <div class="sub-field">
          <label for="setback-day">Day</label>
          <input id="setback-day" type="date" max={today} value={values.day} onInput={(e) => setValues({ ...values, day: e.currentTarget.value })} />
        </div>
        <div class="sub-field">
          <label for="setback-time">Time</label>
          <input id="setback-time" type="time" value={values.time} onInput={(e) => setValues({ ...values, time: e.currentTarget.value })} />
        </div>
      </div>
      {QUESTIONS.map(([key, label]) => (
        <div class="sub-field" key={key}>
          <label for={`setback-${key}`}>{label} (optional)</label>
          <textarea id={`setback-${key}`} value={values[key]} onInput={(e) => setValues({ ...values, [key]: e.currentTarget.value })} />
        </div>
      ))}
      <p class="error" role="alert">
        {error}
      </p>
      <button type="submit">Log this setback</button>
      <div role="status">
        {saved && (
          <p class="setback-saved">
            Logged. Your count starts again, and nothing you've built is lost: your longest streak and
            your total days stay. <a href={planHref}>Adjust my plan</a> with what you've learnt.
          </p>
        )}
      </div>
    </form>
  );
}
