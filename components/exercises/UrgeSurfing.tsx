import { useId, useState } from 'preact/hooks';
import {
  URGE_MINUTES,
  URGE_MINUTES_SUGGESTED,
  formatTimeLeft,
  minutesWaited,
  urgeChangeMessage,
  urgeGuidanceAt,
  type UrgeMinutes,
  type UrgeResult,
} from '../../lib/coping/exercises';
import type { CrisisCard } from '../../lib/help/crisis-lines';
import { atCrisisRating } from '../../lib/help/crisis-threshold';
import type { RegionCode } from '../../lib/help/directory';
import { t, tCount } from '../../lib/i18n/i18n';
import { CrisisLines } from '../CrisisLines';
import { useElapsedSeconds, useFocusOnChange } from './hooks';
import { UrgeRating } from './UrgeRating';
import { UrgeLog } from '../UrgeLog';
import type { UrgeDetails } from '../../lib/history/urge-log';
import './exercises.css';

export interface UrgeSurfingProps {
  /** Called once a session, when the person finishes or stops early; the page saves it to history. */
  onUrgeRecorded: (result: UrgeResult) => void;
  /** Once recorded, the urge log asks what set it off and what they did, and this adds them to the same urge. */
  onUrgeDetails?: (details: UrgeDetails) => Promise<unknown>;
  /** The help page, offered first when the urge is at the crisis threshold. */
  helpHref: string;
  /** The place and its emergency and crisis lines, shown inline at the crisis threshold. */
  crisis?: CrisisCard;
  onRegion?: (region: RegionCode) => void;
}

type Stage =
  | { step: 'before' }
  | { step: 'surfing'; before: number; minutes: UrgeMinutes; startedAt: number }
  | { step: 'after'; before: number; minutes: number }
  | { step: 'done'; result: UrgeResult };

/**
 * Urge surfing: rate the urge 0 to 10, ride it out for up to 20 minutes, rate it again. From the
 * first rating at the crisis threshold (`CRISIS_RATING`) the crisis lines stay with the exercise,
 * before and after its result is saved, whether saving works or not.
 */
export function UrgeSurfing({ onUrgeRecorded, onUrgeDetails, helpHref, crisis, onRegion }: UrgeSurfingProps) {
  const minutesLabel = useId();
  const [stage, setStage] = useState<Stage>({ step: 'before' });
  const [before, setBefore] = useState<number>();
  const [after, setAfter] = useState<number>();
  // Once a rating this session reached the threshold, help stays on screen until a new session.
  const [hard, setHard] = useState(false);
  const rateBefore = (rating: number) => {
    setBefore(rating);
    if (atCrisisRating(rating)) setHard(true);
  };
  const rateAfter = (rating: number) => {
    setAfter(rating);
    if (atCrisisRating(rating)) setHard(true);
  };
  const topOfScale = hard && <TopOfScale helpHref={helpHref} crisis={crisis} onRegion={onRegion} />;

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
    setHard(false);
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
          <UrgeRating legend={t('exercise_urgeSurfing_ratingBefore')} value={before} onChange={rateBefore} />
          {topOfScale}
          {before !== undefined && (
            <div role="group" aria-labelledby={minutesLabel} class="exercise-actions">
              <p id={minutesLabel} class="exercise-label">
                {t('exercise_urgeSurfing_howLong')}
              </p>
              {URGE_MINUTES.map((minutes) => (
                <button
                  key={minutes}
                  type="button"
                  class={minutes === URGE_MINUTES_SUGGESTED ? undefined : 'quiet'}
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
          {topOfScale}
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
          <UrgeRating legend={t('exercise_urgeSurfing_ratingAfter')} value={after} onChange={rateAfter} />
          {topOfScale}
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
          {topOfScale}
          {onUrgeDetails && <UrgeLog kind="details" heading={3} onSave={onUrgeDetails} onSkip={() => {}} helpHref={helpHref} />}
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
 * At the crisis threshold, help comes first: offered gently, never instead of the exercise. The
 * region's lines when known, else the link to the help page, each between whole sentences.
 */
function TopOfScale({ helpHref, crisis, onRegion }: Pick<UrgeSurfingProps, 'helpHref' | 'crisis' | 'onRegion'>) {
  return (
    <div class="exercise-note">
      {crisis ? (
        <>
          <p>{t('exercise_urgeSurfing_topLines')}</p>
          <CrisisLines card={crisis} onRegion={onRegion ?? (() => {})} helpHref={helpHref} />
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
