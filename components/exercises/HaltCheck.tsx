import { useId, useState } from 'preact/hooks';
import { HALT_ROUTES, haltRoute, type HaltNeed } from '../../lib/coping/exercises';
import { t } from '../../lib/i18n/i18n';
import type { SupportPerson } from '../../lib/plan/plan';
import { useFocusOnChange } from './hooks';
import { ReachOut } from './ReachOut';
import './exercises.css';

export interface HaltCheckProps {
  /** Shown when the person feels lonely. */
  supportPeople: readonly SupportPerson[];
  helpHref: string;
  /** Angry routes to a breathing exercise: the caller opens it. */
  onBreathe: () => void;
  /** What a text or an email to a support person starts with. */
  message?: string;
  /** Where the person can add support people; no link when left out. */
  planHref?: string;
  /** Closes this page so the person can rest; no button when left out. */
  onRest?: () => void;
}

/** HALT: hungry, angry, lonely or tired? Each answer leads to one thing to do about it now. */
export function HaltCheck({ supportPeople, helpHref, onBreathe, message, planHref, onRest }: HaltCheckProps) {
  const ids = useId();
  const [need, setNeed] = useState<HaltNeed>();
  const headingRef = useFocusOnChange<HTMLHeadingElement>(need ?? 'question');
  const route = need ? haltRoute(need) : undefined;

  if (!route) {
    return (
      <div class="exercise halt">
        <h3 ref={headingRef} tabIndex={-1}>
          {t('exercise_halt_question')}
        </h3>
        <p class="muted">{t('exercise_halt_intro')}</p>
        <ul class="halt-needs">
          {HALT_ROUTES.map((option) => (
            <li key={option.need}>
              <button type="button" aria-describedby={`${ids}-${option.need}`} onClick={() => setNeed(option.need)}>
                {t(option.labelKey)}
              </button>{' '}
              <span id={`${ids}-${option.need}`} class="muted">
                {t(option.hintKey)}
              </span>
            </li>
          ))}
        </ul>
      </div>
    );
  }

  return (
    <div class="exercise halt">
      <h3 ref={headingRef} tabIndex={-1}>
        {t(route.titleKey)}
      </h3>
      <ul>
        {route.stepKeys.map((step) => (
          <li key={step}>{t(step)}</li>
        ))}
      </ul>
      {route.action === 'breathe' && (
        <p class="exercise-actions">
          <button type="button" onClick={onBreathe}>
            {t('exercise_halt_startBreathing')}
          </button>
        </p>
      )}
      {route.action === 'reach-out' && <ReachOut people={supportPeople} helpHref={helpHref} message={message} planHref={planHref} />}
      {route.action === 'rest' && onRest && (
        <p class="exercise-actions">
          <button type="button" onClick={onRest}>
            {t('exercise_halt_closeAndRest')}
          </button>
        </p>
      )}
      <p class="exercise-actions">
        <button type="button" class="quiet" onClick={() => setNeed(undefined)}>
          {t('exercise_halt_checkAnother')}
        </button>
      </p>
    </div>
  );
}
