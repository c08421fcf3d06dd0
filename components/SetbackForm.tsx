import { useEffect, useRef, useState } from 'preact/hooks';
import type { HelpService } from '../lib/help/directory';
import type { LearningAnswers } from '../lib/history/setback-care';
import { t, tCount, type MessageKey } from '../lib/i18n/i18n';
import { part, withParts } from '../lib/i18n/with-parts';
import type { SupportPerson } from '../lib/plan/plan';
import { ServiceActions } from './ServiceActions';
import { ReachButtons } from './exercises/ReachOut';

/** The learning questions, all optional. */
export type SetbackLearning = LearningAnswers;

/** A setback logged earlier whose learning questions the person kept for later. */
export interface SetbackFollowUp {
  id: string;
  /** The day it was logged, as the person reads it ("5 December 2026"). */
  day: string;
}

interface Props {
  /** The region's emergency and urgent lines, emergency first (`crisisLinesFor`, emergency category). */
  urgentLines: readonly HelpService[];
  supportPeople: readonly SupportPerson[];
  /** Records the setback as now; resolves to its id, or to a message for the person when it can't. */
  onLog: () => Promise<{ ok: true; id: string } | { ok: false; message: string }>;
  /** Total days without use after logging, when a start day is set. */
  totalDays?: number;
  onLearn: (id: string, answers: SetbackLearning) => Promise<string | undefined>;
  /** Adds the change to the plan as an if-then step ("if <what led to it>, then <change>"). */
  onAddToPlan: (when: string, then: string) => Promise<void>;
  followUp?: SetbackFollowUp;
  planHref: string;
  safetyPlanHref: string;
}

type Step = 'safety' | 'kind' | 'next24' | 'learn' | 'later' | 'learnt';
const ORDER: readonly Step[] = ['safety', 'kind', 'next24', 'learn'];

const LEARNING = [
  ['whatLedToIt', 'setback_whatLedToIt'],
  ['whatHelpedBefore', 'setback_whatHelpedBefore'],
  ['oneChange', 'setback_oneChange'],
] as const satisfies readonly (readonly [keyof SetbackLearning, MessageKey])[];

const NEXT_24 = ['setback_next24Eat', 'setback_next24Water', 'setback_next24Rest', 'setback_next24RidOf'] as const satisfies readonly MessageKey[];

interface QuestionText {
  name: string;
  question: MessageKey;
  answers: readonly (readonly [string, MessageKey])[];
}
const SAFE_NOW: QuestionText = {
  name: 'setback-safe',
  question: 'setback_safeNow',
  answers: [
    ['yes', 'setback_answerYes'],
    ['no', 'setback_answerNo'],
    ['unsure', 'setback_answerUnsure'],
  ],
};
const USED_ALONE: QuestionText = {
  name: 'setback-alone',
  question: 'setback_usedAlone',
  answers: [
    ['yes', 'setback_answerYes'],
    ['no', 'setback_answerNo'],
  ],
};

/** A yes/no (or not sure) question whose answer is kept only on this screen. */
function Question({ text: { name, question, answers }, value, onChange }: { text: QuestionText; value: string; onChange: (v: string) => void }) {
  return (
    <fieldset class="setback-question">
      <legend>{t(question)}</legend>
      {answers.map(([answer, words]) => (
        <label key={answer}>
          <input type="radio" name={name} value={answer} checked={value === answer} onChange={() => onChange(answer)} /> {t(words)}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Care after a lapse (../shared/CARE.md): safety first, then self-compassion, then the next 24
 * hours, and only then, when the person is ready (now or another day), what they can learn.
 * The setback is logged as today when they leave the safety step; each step stays on screen
 * once reached, so the numbers are never scrolled out of reach by the next.
 */
export function SetbackForm(props: Props) {
  const { urgentLines, supportPeople, onLog, totalDays, onLearn, onAddToPlan, followUp, planHref, safetyPlanHref } = props;
  const [step, setStep] = useState<Step>('safety');
  const [safe, setSafe] = useState('');
  const [alone, setAlone] = useState('');
  const [error, setError] = useState('');
  const [learnError, setLearnError] = useState('');
  const [loggedId, setLoggedId] = useState<string>();
  const [learning, setLearning] = useState<{ id: string } | undefined>();
  const [answers, setAnswers] = useState<SetbackLearning>({ whatLedToIt: '', whatHelpedBefore: '', oneChange: '' });
  const [planStatus, setPlanStatus] = useState('');
  const headings = useRef<Partial<Record<Step, HTMLElement | null>>>({});
  const moved = useRef(false);

  // Each new step takes the focus, so a keyboard or screen reader user is where the words are.
  useEffect(() => {
    if (moved.current) headings.current[step]?.focus();
  }, [step]);
  const go = (next: Step) => {
    moved.current = true;
    setStep(next);
  };
  const reached = (s: Step) => ORDER.indexOf(step === 'later' ? 'learn' : step === 'learnt' ? 'learn' : step) >= ORDER.indexOf(s);
  const heading = (s: Step, key: MessageKey) => (
    <h4
      id={`setback-${s}`}
      tabIndex={-1}
      ref={(el) => {
        headings.current[s] = el;
      }}
    >
      {t(key)}
    </h4>
  );

  async function log() {
    const result = await onLog();
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setError('');
    setLoggedId(result.id);
    go('kind');
  }

  async function saveLearning(event: Event) {
    event.preventDefault();
    if (!learning) return;
    const message = await onLearn(learning.id, answers);
    setLearnError(message ?? '');
    if (!message) go('learnt');
  }

  async function addToPlan() {
    if (!answers.oneChange.trim()) {
      setPlanStatus(t('setback_nothingToAdd'));
      return;
    }
    await onAddToPlan(answers.whatLedToIt.trim(), answers.oneChange.trim());
    setPlanStatus(t('setback_addedToPlan'));
  }

  const named = supportPeople.filter((p) => p.name.trim());
  const supportMessage = t('setback_supportMessage');
  return (
    <div class="setback">
      {followUp && !learning && step === 'safety' && (
        <div class="setback-follow-up">
          <p>{t('setback_followUp', [followUp.day])}</p>
          <button
            type="button"
            onClick={() => {
              setLearning({ id: followUp.id });
              go('learn');
            }}
          >
            {t('setback_learnNow')}
          </button>
        </div>
      )}

      {!(followUp && learning?.id === followUp.id) && (
        <section class="setback-step" aria-labelledby="setback-safety">
          {heading('safety', 'setback_safetyTitle')}
          <p>{t('setback_safetyUnwell')}</p>
          {urgentLines.length > 0 ? (
            <ul class="crisis-list">
              {urgentLines.map((service) => (
                <li key={service.id} class={service.emergency ? 'emergency' : undefined}>
                  <span class="crisis-name">{service.name}</span>
                  {service.hours && <span class="muted"> · {service.hours}</span>} <ServiceActions service={service} withSite={false} />
                </li>
              ))}
            </ul>
          ) : (
            <p>
              <strong>{t('help_crisisNone')}</strong>
            </p>
          )}
          <Question text={SAFE_NOW} value={safe} onChange={setSafe} />
          {(safe === 'no' || safe === 'unsure') && <p class="setback-warning">{t('setback_notSafe')}</p>}
          <Question text={USED_ALONE} value={alone} onChange={setAlone} />
          {alone === 'yes' && <p class="setback-warning">{t('setback_alone')}</p>}
          <p class="muted">{t('setback_notStored')}</p>
          <p class="error" role="alert">
            {error}
          </p>
          {step === 'safety' && (
            <button type="button" onClick={() => void log()}>
              {t('setback_submit')}
            </button>
          )}
        </section>
      )}

      {loggedId && reached('kind') && (
        <section class="setback-step" aria-labelledby="setback-kind">
          {heading('kind', 'setback_kindTitle')}
          <p>{t('setback_kindLapse')}</p>
          <p>{totalDays === undefined ? t('setback_kindDaysNoStart') : t('setback_kindDays', [tCount('streak_days', totalDays)])}</p>
          {step === 'kind' && (
            <button type="button" onClick={() => go('next24')}>
              {t('setback_toNext24')}
            </button>
          )}
        </section>
      )}

      {loggedId && reached('next24') && (
        <section class="setback-step" aria-labelledby="setback-next24">
          {heading('next24', 'setback_next24Title')}
          <p class="muted">{t('setback_next24Intro')}</p>
          <ul class="setback-checklist">
            {NEXT_24.map((key) => (
              <li key={key}>
                <label>
                  <input type="checkbox" /> {t(key)}
                </label>
              </li>
            ))}
            <li>
              <label>
                <input type="checkbox" /> {t('setback_next24Message')}
              </label>
              {named.length > 0 ? (
                <ul class="setback-people">
                  {named.map((person) => (
                    <li key={person.id}>
                      <strong>{person.name}</strong> <ReachButtons person={person} message={supportMessage} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p class="muted">{t('setback_next24Nobody')}</p>
              )}
            </li>
            <li>
              <label>
                <input type="checkbox" /> {t('setback_next24Plan')}
              </label>{' '}
              <a href={safetyPlanHref}>{t('setback_openSafetyPlan')}</a>
            </li>
          </ul>
          {step === 'next24' && (
            <p class="setback-choices">
              <button
                type="button"
                onClick={() => {
                  setLearning({ id: loggedId });
                  go('learn');
                }}
              >
                {t('setback_learnNow')}
              </button>{' '}
              <button type="button" class="quiet" onClick={() => go('later')}>
                {t('setback_learnLater')}
              </button>
            </p>
          )}
        </section>
      )}

      <div role="status">{step === 'later' && <p>{t('setback_laterSaved')}</p>}</div>

      {learning && (step === 'learn' || step === 'learnt') && (
        <form class="setback-step" aria-labelledby="setback-learn" onSubmit={saveLearning} noValidate>
          {heading('learn', 'setback_learnTitle')}
          <p class="muted">{t('setback_learnIntro')}</p>
          {LEARNING.map(([key, label]) => (
            <div class="sub-field" key={key}>
              <label for={`setback-${key}`}>{t(label)}</label>
              <textarea id={`setback-${key}`} value={answers[key]} onInput={(e) => setAnswers({ ...answers, [key]: e.currentTarget.value })} />
            </div>
          ))}
          <p>
            <button type="button" class="quiet" onClick={() => void addToPlan()}>
              {t('setback_addToPlan')}
            </button>
          </p>
          <p role="status">{planStatus}</p>
          <p class="error" role="alert">
            {learnError}
          </p>
          <button type="submit">{t('setback_saveLearning')}</button>
          <div role="status">
            {step === 'learnt' && (
              <p class="setback-saved">{withParts(t('setback_learningSaved', [part(0)]), [<a href={planHref}>{t('setback_adjustPlan')}</a>])}</p>
            )}
          </div>
        </form>
      )}
    </div>
  );
}
