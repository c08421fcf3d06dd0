import { useEffect, useState } from 'preact/hooks';

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
      <h2 id="continue-title">If you still want to go on</h2>
      {left > 0 ? (
        <p role="timer" aria-live="off">
          You can choose to continue in <strong>{left}</strong> {left === 1 ? 'second' : 'seconds'}. Use the time for
          the breathing above, or for one of your reasons.
        </p>
      ) : (
        <>
          <p>It's your choice. Steadfast will let this site through in this tab only, then pause it again.</p>
          <p class="actions">
            {minutes.map((m) => (
              <button
                key={m}
                type="button"
                class="quiet"
                onClick={async () => setError((await onContinue(m)) ?? '')}
              >
                Continue for {m} minutes
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
