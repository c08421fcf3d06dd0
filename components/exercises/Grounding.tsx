import { useState } from 'preact/hooks';
import { GROUNDING_STEPS, type GroundingStep } from '../../lib/coping/exercises';
import { t } from '../../lib/i18n/i18n';
import { useFocusOnChange } from './hooks';
import './exercises.css';

export interface GroundingProps {
  steps?: readonly GroundingStep[];
}

/** 5-4-3-2-1 grounding, one sense at a time, at the person's own pace (no timer). */
export function Grounding({ steps = GROUNDING_STEPS }: GroundingProps) {
  const [index, setIndex] = useState(0);
  const step = steps[index];
  const focusRef = useFocusOnChange<HTMLButtonElement>(step ? 'steps' : 'done');

  return (
    <div class="exercise grounding">
      {/* "Next" keeps focus from step to step, so the new step is announced here instead. */}
      <div role="status" aria-live="polite" aria-atomic="true">
        {step ? (
          <>
            <p class="muted">{t('exercise_grounding_stepOf', [index + 1, steps.length])}</p>
            <p class="grounding-title">{t(step.titleKey)}</p>
            <p>{t(step.promptKey)}</p>
          </>
        ) : (
          <p class="exercise-message">{t('exercise_grounding_done')}</p>
        )}
      </div>
      <p class="exercise-actions">
        {step && (
          <button type="button" ref={focusRef} onClick={() => setIndex(index + 1)}>
            {index + 1 < steps.length ? t('exercise_grounding_next') : t('exercise_grounding_finish')}
          </button>
        )}
        {step && index > 0 && (
          <button type="button" class="quiet" onClick={() => setIndex(index - 1)}>
            {t('exercise_grounding_back')}
          </button>
        )}
        {!step && (
          <button type="button" ref={focusRef} onClick={() => setIndex(0)}>
            {t('exercise_grounding_again')}
          </button>
        )}
      </p>
    </div>
  );
}
