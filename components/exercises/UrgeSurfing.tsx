import { useId, useState } from 'preact/hooks';
import {
  URGE_MINUTES,
  URGE_TOP_OF_SCALE,
  formatTimeLeft,
  minutesWaited,
  urgeChangeMessage,
  urgeGuidanceAt,
  type UrgeMinutes,
  type UrgeResult,
} from '../../lib/coping/exercises';
import type { HelpService } from '../../lib/help/directory';
import { CrisisLines } from '../CrisisLines';
import { useElapsedSeconds, useFocusOnChange } from './hooks';
import { UrgeRating } from './UrgeRating';
import './exercises.css';

export interface UrgeSurfingProps {
  /** Called once a session, when the person finishes or stops early; the page saves it to history. */
  onUrgeRecorded: (result: UrgeResult) => void;
  /** The help page, offered first when the urge is at the top of the scale. */
  helpHref: string;
  /** The region's emergency and crisis lines, shown inline at the top of the scale. */
  crisisLines?: readonly HelpService[];
}

type Stage =
  | { step: 'before' }
  | { step: 'surfing'; before: number; minutes: UrgeMinutes; startedAt: number }
  | { step: 'after'; before: number; minutes: number }
  | { step: 'done'; result: UrgeResult };

/** Urge surfing: rate the urge 0 to 10, ride it out for 5, 10 or 15 minutes, rate it again. */
export function UrgeSurfing({ onUrgeRecorded, helpHref, crisisLines }: UrgeSurfingProps) {
  const minutesLabel = useId();
  const [stage, setStage] = useState<Stage>({ step: 'before' });
  const [before, setBefore] = useState<number>();
  const [after, setAfter] = useState<number>();

  const surfing = stage.step === 'surfing' ? stage : undefined;
  const totalSeconds = (surfing?.minutes ?? 0) * 60;
  const seconds = useElapsedSeconds(surfing?.startedAt, totalSeconds);
  // When the time is up the wave is over: rate again, credited with the whole time chosen.
  const shown: Stage = surfing && seconds >= totalSeconds ? { step: 'after', before: surfing.before, minutes: surfing.minutes } : stage;
  const headingRef = useFocusOnChange<HTMLHeadingElement>(shown.step);

  const record = (result: UrgeResult) => {
    setStage({ step: 'done', result });
    onUrgeRecorded(result);
  };
  const startAgain = () => {
    setBefore(undefined);
    setAfter(undefined);
    setStage({ step: 'before' });
  };

  let status = '';
  if (shown.step === 'surfing') status = urgeGuidanceAt(seconds * 1000, totalSeconds * 1000);
  if (shown.step === 'after') status = surfing ? "Time's up. Take a breath, then rate the urge again." : 'Take a breath, then rate the urge again.';
  if (shown.step === 'done') status = urgeChangeMessage(shown.result.before, shown.result.after);

  return (
    <div class="exercise urge-surfing">
      {shown.step === 'before' && (
        <>
          <h3 ref={headingRef} tabIndex={-1}>
            Rate the urge
          </h3>
          <UrgeRating legend="How strong is the urge right now?" value={before} onChange={setBefore} />
          {before !== undefined && before >= URGE_TOP_OF_SCALE && <TopOfScale helpHref={helpHref} crisisLines={crisisLines} />}
          {before !== undefined && (
            <div role="group" aria-labelledby={minutesLabel} class="exercise-actions">
              <p id={minutesLabel} class="exercise-label">
                How long will you ride it out? Urges rise, peak and pass, like a wave.
              </p>
              {URGE_MINUTES.map((minutes) => (
                <button
                  key={minutes}
                  type="button"
                  class={minutes === 10 ? undefined : 'quiet'}
                  onClick={() => setStage({ step: 'surfing', before, minutes, startedAt: Date.now() })}
                >
                  {minutes} minutes
                </button>
              ))}
            </div>
          )}
        </>
      )}

      {shown.step === 'surfing' && (
        <>
          <h3 ref={headingRef} tabIndex={-1}>
            Riding the wave
          </h3>
          <p class="urge-time" role="timer">
            {formatTimeLeft((totalSeconds - seconds) * 1000)} left
          </p>
        </>
      )}

      {/* Present from the start, so each new line is announced; it changes a few times a wave. */}
      <p class="exercise-message" role="status" aria-live="polite" aria-atomic="true">
        {status}
      </p>

      {shown.step === 'surfing' && (
        <p class="exercise-actions">
          <button type="button" onClick={() => setStage({ step: 'after', before: shown.before, minutes: minutesWaited(seconds * 1000) })}>
            Rate it now
          </button>
          <button type="button" class="quiet" onClick={() => record({ before: shown.before, minutes: minutesWaited(seconds * 1000) })}>
            Stop here
          </button>
        </p>
      )}

      {shown.step === 'after' && (
        <>
          <h3 ref={headingRef} tabIndex={-1}>
            Rate it again
          </h3>
          <p class="muted">Before, you rated it {shown.before}.</p>
          <UrgeRating legend="How strong is the urge now?" value={after} onChange={setAfter} />
          {after !== undefined && after >= URGE_TOP_OF_SCALE && <TopOfScale helpHref={helpHref} crisisLines={crisisLines} />}
          <p class="exercise-actions">
            {after !== undefined && (
              <button type="button" onClick={() => record({ before: shown.before, after, minutes: shown.minutes })}>
                Finish
              </button>
            )}
            <button type="button" class="quiet" onClick={() => record({ before: shown.before, minutes: shown.minutes })}>
              Finish without rating
            </button>
          </p>
        </>
      )}

      {shown.step === 'done' && (
        <>
          <h3 ref={headingRef} tabIndex={-1}>
            You gave the urge time
          </h3>
          <p class="exercise-actions">
            <button type="button" class="quiet" onClick={startAgain}>
              Surf another wave
            </button>
          </p>
        </>
      )}
    </div>
  );
}

/** At the top of the scale, help comes first: offered gently, never instead of the exercise. */
function TopOfScale({ helpHref, crisisLines }: { helpHref: string; crisisLines?: readonly HelpService[] }) {
  if (crisisLines) {
    return (
      <div class="exercise-note">
        <p>That sounds really hard. You don't have to ride this one alone: these lines are there right now.</p>
        <CrisisLines services={crisisLines} helpHref={helpHref} />
        <p>Or carry on here if that feels right.</p>
      </div>
    );
  }
  return (
    <p class="exercise-note">
      That sounds really hard. You don't have to ride this one alone. <a class="help-link" href={helpHref}>Get help now</a>,
      or carry on here if that feels right.
    </p>
  );
}
