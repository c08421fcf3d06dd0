import { useState } from 'preact/hooks';
import { GROUNDING_DONE, GROUNDING_STEPS, type GroundingStep } from '../../lib/coping/exercises';
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
            <p class="muted">
              Step {index + 1} of {steps.length}
            </p>
            <p class="grounding-title">{step.title}</p>
            <p>{step.prompt}</p>
          </>
        ) : (
          <p class="exercise-message">{GROUNDING_DONE}</p>
        )}
      </div>
      <p class="exercise-actions">
        {step && (
          <button type="button" ref={focusRef} onClick={() => setIndex(index + 1)}>
            {index + 1 < steps.length ? 'Next' : 'Finish'}
          </button>
        )}
        {step && index > 0 && (
          <button type="button" class="quiet" onClick={() => setIndex(index - 1)}>
            Back
          </button>
        )}
        {!step && (
          <button type="button" ref={focusRef} onClick={() => setIndex(0)}>
            Start again
          </button>
        )}
      </p>
    </div>
  );
}
