import { useId, useState } from 'preact/hooks';
import { HALT_ROUTES, haltRoute, type HaltNeed } from '../../lib/coping/exercises';
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
          Which fits best right now?
        </h3>
        <p class="muted">An urge is often another need in disguise. It may be more than one: start with the strongest.</p>
        <ul class="halt-needs">
          {HALT_ROUTES.map((option) => (
            <li key={option.need}>
              <button type="button" aria-describedby={`${ids}-${option.need}`} onClick={() => setNeed(option.need)}>
                {option.label}
              </button>{' '}
              <span id={`${ids}-${option.need}`} class="muted">
                {option.hint}
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
        {route.title}
      </h3>
      <ul>
        {route.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ul>
      {route.action === 'breathe' && (
        <p class="exercise-actions">
          <button type="button" onClick={onBreathe}>
            Start a breathing exercise
          </button>
        </p>
      )}
      {route.action === 'reach-out' && (
        <ReachOut people={supportPeople} helpHref={helpHref} message={message} planHref={planHref} />
      )}
      {route.action === 'rest' && onRest && (
        <p class="exercise-actions">
          <button type="button" onClick={onRest}>
            Close this page and rest
          </button>
        </p>
      )}
      <p class="exercise-actions">
        <button type="button" class="quiet" onClick={() => setNeed(undefined)}>
          Check another need
        </button>
      </p>
    </div>
  );
}
