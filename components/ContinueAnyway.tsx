import { useEffect, useState } from 'preact/hooks';
import { t, tCount } from '../lib/i18n/i18n';
import { part, withParts } from '../lib/i18n/with-parts';

interface Props {
  waitSeconds: number;
  minutes: readonly number[];
  /** Asks for the allowance; resolves to a message when it could not be given. */
  onContinue: (minutes: number) => Promise<string | undefined>;
}

/**
 * Pause mode: a wait first (a delay and a choice cut openings where a message alone did not;
 * one sec, PNAS 2023), then the choice to go on for a while, in this tab only.
 */
export function ContinueAnyway({ waitSeconds, minutes, onContinue }: Props) {
  const [left, setLeft] = useState(waitSeconds);
  const [error, setError] = useState('');

  useEffect(() => {
    if (left <= 0) return undefined;
    const timer = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);

  return (
    <section class="card continue-anyway" aria-labelledby="continue-title">
      <h2 id="continue-title">{t('continue_heading')}</h2>
      {left > 0 ? (
        <p role="timer" aria-live="off">
          {withParts(tCount('continue_countdown', left, [part(0)]), [<strong>{left}</strong>])}
        </p>
      ) : (
        <>
          <p>{t('continue_yourChoice')}</p>
          <p class="actions">
            {minutes.map((m) => (
              <button key={m} type="button" class="quiet" onClick={async () => setError((await onContinue(m)) ?? '')}>
                {tCount('continue_forMinutes', m)}
              </button>
            ))}
          </p>
        </>
      )}
      <p class="error" role="alert">
        {error}
      </p>
    </section>
  );
}
