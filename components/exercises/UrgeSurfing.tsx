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
import { t, tCount } from '../../lib/i18n/i18n';
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
  if (shown.step === 'after') status = surfing ? t('exercise_urgeSurfing_timeUp') : t('exercise_urgeSurfing_rateAgainPrompt');
  if (shown.step === 'done') status = urgeChangeMessage(shown.result.before, shown.result.after);

  return (
    <div class="exercise urge-surfing">
      {shown.step === 'before' && (
        <>
          <h3 ref={headingRef} tabIndex={-1}>
            {t('exercise_urgeSurfing_rateHeading')}
          </h3>
          <UrgeRating legend={t('exercise_urgeSurfing_ratingBefore')} value={before} onChange={setBefore} />
          {before !== undefined && before >= URGE_TOP_OF_SCALE && <TopOfScale helpHref={helpHref} crisisLines={crisisLines} />}
          {before !== undefined && (
            <div role="group" aria-labelledby={minutesLabel} class="exercise-actions">
              <p id={minutesLabel} class="exercise-label">
                {t('exercise_urgeSurfing_howLong')}
              </p>
              {URGE_MINUTES.map((minutes) => (
                <button
                  key={minutes}
                  type="button"
                  class={minutes === 10 ? undefined : 'quiet'}
                  onClick={() => setStage({ step: 'surfing', before, minutes, startedAt: Date.now() })}
                >
                  {tCount('exercise_urgeSurfing_minutes', minutes)}
                </button>
              ))}
            </div>
          )}
        </>
      )}

      {shown.step === 'surfing' && (
        <>
          <h3 ref={headingRef} tabIndex={-1}>
            {t('exercise_urgeSurfing_ridingHeading')}
          </h3>
          <p class="urge-time" role="timer">
            {t('exercise_urgeSurfing_timeLeft', [formatTimeLeft((totalSeconds - seconds) * 1000)])}
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
            {t('exercise_urgeSurfing_rateNow')}
          </button>
          <button type="button" class="quiet" onClick={() => record({ before: shown.before, minutes: minutesWaited(seconds * 1000) })}>
            {t('exercise_urgeSurfing_stopHere')}
          </button>
        </p>
      )}

      {shown.step === 'after' && (
        <>
          <h3 ref={headingRef} tabIndex={-1}>
            {t('exercise_urgeSurfing_rateAgainHeading')}
          </h3>
          <p class="muted">{t('exercise_urgeSurfing_ratedBefore', [shown.before])}</p>
          <UrgeRating legend={t('exercise_urgeSurfing_ratingAfter')} value={after} onChange={setAfter} />
          {after !== undefined && after >= URGE_TOP_OF_SCALE && <TopOfScale helpHref={helpHref} crisisLines={crisisLines} />}
          <p class="exercise-actions">
            {after !== undefined && (
              <button type="button" onClick={() => record({ before: shown.before, after, minutes: shown.minutes })}>
                {t('exercise_urgeSurfing_finish')}
              </button>
            )}
            <button type="button" class="quiet" onClick={() => record({ before: shown.before, minutes: shown.minutes })}>
              {t('exercise_urgeSurfing_finishUnrated')}
            </button>
          </p>
        </>
      )}

      {shown.step === 'done' && (
        <>
          <h3 ref={headingRef} tabIndex={-1}>
            {t('exercise_urgeSurfing_doneHeading')}
          </h3>
          <p class="exercise-actions">
            <button type="button" class="quiet" onClick={startAgain}>
              {t('exercise_urgeSurfing_again')}
            </button>
          </p>
        </>
      )}
    </div>
  );
}

/**
 * At the top of the scale, help comes first: offered gently, never instead of the exercise. The
 * region's lines when known, else the link to the help page, each between whole sentences.
 */
function TopOfScale({ helpHref, crisisLines }: { helpHref: string; crisisLines?: readonly HelpService[] }) {
  return (
    <div class="exercise-note">
      {crisisLines ? (
        <>
          <p>{t('exercise_urgeSurfing_topLines')}</p>
          <CrisisLines services={crisisLines} helpHref={helpHref} />
        </>
      ) : (
        <>
          <p>{t('exercise_urgeSurfing_topAlone')}</p>
          <p>
            <a class="help-link" href={helpHref}>
              {t('common_getHelpNow')}
            </a>
          </p>
        </>
      )}
      <p>{t('exercise_urgeSurfing_topCarryOn')}</p>
    </div>
  );
}
