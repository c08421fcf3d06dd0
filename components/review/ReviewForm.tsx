import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n/i18n';
import { writeProblem, type Problem } from '../../lib/problems/problems';
import { addChangeToPlan } from '../../lib/review/plan-change';
import { PLAN_TARGETS, type PlanTarget, type WeeklyReview } from '../../lib/review/review';
import { isReviewEmpty, writeReview, type ReviewAnswers } from '../../lib/review/reviews-store';
import { PLAN_TARGET_WORDS } from '../../lib/review/words';
import type { Day } from '../../lib/time/days';

interface Props {
  today: Day;
  zone: string;
  onSaved: (review: WeeklyReview) => void;
  onProblem: (problem: Problem) => void;
}

/** The three questions; the third can go straight into the plan, where the person chooses. */
export function ReviewForm({ today, zone, onSaved, onProblem }: Props) {
  const [answers, setAnswers] = useState<ReviewAnswers>({ wentWell: '', wasHard: '', planChange: '' });
  const [target, setTarget] = useState<PlanTarget>('copingStrategies');
  const [when, setWhen] = useState('');
  const [saved, setSaved] = useState<WeeklyReview>();
  const [appliedTo, setAppliedTo] = useState<PlanTarget>();
  const [planStatus, setPlanStatus] = useState('');
  const [saveStatus, setSaveStatus] = useState('');
  const answer = (key: keyof ReviewAnswers) => (e: { currentTarget: HTMLTextAreaElement }) => {
    const value = e.currentTarget.value;
    setAnswers((now) => ({ ...now, [key]: value }));
  };

  async function save(applied = appliedTo, previous = saved) {
    const review = await writeReview(answers, previous, { today, timeZone: zone, appliedTo: applied });
    setSaved(review);
    onSaved(review);
    return review;
  }

  async function onSave(event: Event) {
    event.preventDefault();
    if (isReviewEmpty(answers)) {
      setSaveStatus(t('review_writeSomethingFirst'));
      return;
    }
    try {
      await save();
      setSaveStatus(t('review_saved'));
    } catch (error) {
      setSaveStatus('');
      onProblem(writeProblem(error));
    }
  }

  async function onAddToPlan() {
    const where = t(PLAN_TARGET_WORDS[target]);
    let outcome;
    try {
      outcome = await addChangeToPlan({ target, text: answers.planChange, when });
    } catch (error) {
      onProblem(writeProblem(error));
      return;
    }
    if (outcome === 'empty') {
      setPlanStatus(t('review_writeChangeFirst'));
      return;
    }
    setPlanStatus(t(outcome === 'added' ? 'review_added' : 'review_alreadyInPlan', [where]));
    setAppliedTo(target);
    // A review already saved notes where its change went.
    if (saved) await save(target).catch((error: unknown) => onProblem(writeProblem(error)));
  }

  return (
    <section class="card questions" aria-labelledby="questions-title">
      <h2 id="questions-title">{t('review_questionsHeading')}</h2>
      <form onSubmit={(e) => void onSave(e)}>
        <p class="field">
          <label for="went-well">{t('review_wentWell')}</label>
          <textarea id="went-well" rows={3} value={answers.wentWell} onInput={answer('wentWell')} />
        </p>
        <p class="field">
          <label for="was-hard">{t('review_wasHard')}</label>
          <textarea id="was-hard" rows={3} value={answers.wasHard} onInput={answer('wasHard')} />
        </p>
        <div class="plan-change">
          <p class="field">
            <label for="plan-change">{t('review_planChange')}</label>
            <textarea id="plan-change" rows={2} value={answers.planChange} onInput={answer('planChange')} />
          </p>
          <p class="field">
            <label for="plan-target">{t('review_planTarget')}</label>
            <select id="plan-target" value={target} onChange={(e) => setTarget(e.currentTarget.value as PlanTarget)}>
              {PLAN_TARGETS.map((where) => (
                <option key={where} value={where}>
                  {t(PLAN_TARGET_WORDS[where])}
                </option>
              ))}
            </select>
          </p>
          {target === 'ifThenSteps' && (
            <p class="field">
              <label for="plan-when">{t('review_ifWhen')}</label>
              <input id="plan-when" type="text" value={when} onInput={(e) => setWhen(e.currentTarget.value)} />
            </p>
          )}
          <p>
            <button type="button" onClick={() => void onAddToPlan()}>
              {t('review_addToPlan')}
            </button>
          </p>
          <p role="status" class="plan-status">
            {planStatus}
          </p>
        </div>
        <p>
          <button type="submit">{t('review_save')}</button>
        </p>
        <p role="status" class="save-status">
          {saveStatus}
        </p>
      </form>
    </section>
  );
}
