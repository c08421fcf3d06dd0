import { useId, useState } from 'preact/hooks';
import {
  BREATHING_PATTERNS,
  breathLabel,
  breathingAnnouncement,
  breathingPhaseAt,
  breathingScale,
  sessionSeconds,
  type BreathingMoment,
  type BreathingPattern,
} from '../../lib/coping/exercises';
import { t } from '../../lib/i18n/i18n';
import { useElapsedSeconds, useFocusOnChange, usePrefersReducedMotion } from './hooks';
import './exercises.css';

export interface BreathingProps {
  patterns?: readonly BreathingPattern[];
  /** Which pattern starts chosen; the first one when left out. */
  initialPattern?: BreathingPattern['id'];
  /** Overrides the system's `prefers-reduced-motion`: true shows the text-only version. */
  reducedMotion?: boolean;
}

/**
 * Paced breathing: choose box or 4-7-8, then follow a circle that grows and shrinks with the
 * breath (or, with reduced motion, the same guide as text). A screen reader hears each phase as
 * it starts, not every second.
 */
export function Breathing({ patterns = BREATHING_PATTERNS, initialPattern, reducedMotion }: BreathingProps) {
  const systemReduced = usePrefersReducedMotion();
  const reduced = reducedMotion ?? systemReduced;
  const name = useId();
  const [patternId, setPatternId] = useState(initialPattern ?? patterns[0]?.id);
  const pattern = patterns.find((p) => p.id === patternId) ?? patterns[0] ?? BREATHING_PATTERNS[0]!;
  const [startedAt, setStartedAt] = useState<number>();
  const seconds = useElapsedSeconds(startedAt, sessionSeconds(pattern));

  const moment = startedAt === undefined ? undefined : breathingPhaseAt(pattern, seconds * 1000);
  const view = startedAt === undefined ? 'ready' : moment ? 'running' : 'finished';
  const focusRef = useFocusOnChange<HTMLButtonElement>(view);
  const start = () => setStartedAt(Date.now());
  const stop = () => setStartedAt(undefined);

  return (
    <div class="exercise breathing">
      {view === 'ready' && (
        <>
          <fieldset class="exercise-choice">
            <legend>{t('exercise_breathing_choosePace')}</legend>
            {patterns.map((p) => (
              <label key={p.id} class="exercise-option">
                <input type="radio" name={name} value={p.id} checked={p.id === pattern.id} onChange={() => setPatternId(p.id)} /> {t(p.nameKey)}{' '}
                <span class="muted">{t(p.summaryKey)}</span>
              </label>
            ))}
          </fieldset>
          <p class="muted">{t('exercise_breathing_advice')}</p>
          <p class="exercise-actions">
            <button type="button" ref={focusRef} onClick={start}>
              {t('exercise_breathing_start')}
            </button>
          </p>
        </>
      )}

      {moment && <BreathingGuide pattern={pattern} moment={moment} reduced={reduced} />}

      {/* Present from the start, so its first words are announced; it changes once a phase. */}
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {view === 'ready' ? '' : breathingAnnouncement(pattern, moment)}
      </p>

      {view === 'running' && (
        <p class="exercise-actions">
          <button type="button" class="quiet" ref={focusRef} onClick={stop}>
            {t('exercise_breathing_stop')}
          </button>
        </p>
      )}
      {view === 'finished' && (
        <>
          <p class="exercise-message">{breathingAnnouncement(pattern, undefined)}</p>
          <p class="exercise-actions">
            <button type="button" ref={focusRef} onClick={start}>
              {t('exercise_breathing_again')}
            </button>
            <button type="button" class="quiet" onClick={stop}>
              {t('exercise_breathing_otherPace')}
            </button>
          </p>
        </>
      )}
    </div>
  );
}

/** What the eyes follow; hidden from screen readers, which hear the live region instead. */
function BreathingGuide({ pattern, moment, reduced }: { pattern: BreathingPattern; moment: BreathingMoment; reduced: boolean }) {
  return (
    <div class={reduced ? 'breathing-guide text-only' : 'breathing-guide'} aria-hidden="true">
      {!reduced && (
        <div class="breathing-stage">
          <div
            class="breathing-circle"
            // Custom properties, not `transform`, so the stylesheet's @starting-style can begin small.
            style={{
              '--breath-scale': String(breathingScale(pattern, moment.phaseIndex)),
              '--breath-seconds': `${moment.phase.seconds}s`,
            }}
          />
        </div>
      )}
      <p class="breathing-phase">{breathLabel(moment.phase.breath)}</p>
      <p class="breathing-count">{reduced ? t('exercise_breathing_countOf', [moment.count, moment.phase.seconds]) : moment.count}</p>
      <p class="muted">{t('exercise_breathing_round', [moment.round, pattern.rounds])}</p>
    </div>
  );
}
