import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n/i18n';
import type { PlanAnswers } from '../../lib/welcome/plan-answers';

interface Props {
  initial: PlanAnswers;
  /** The plan already holds words of the person's own: say they stay. */
  keepsOthers: boolean;
  onReason: (text: string) => void;
  onIfThen: (values: PlanAnswers['ifThen']) => void;
}

/** Step 3: one reason and one if-then step, saved into the plan as the person types. */
export function PlanStep({ initial, keepsOthers, onReason, onIfThen }: Props) {
  const [reason, setReason] = useState(initial.reason);
  const [ifThen, setIfThen] = useState(initial.ifThen);

  function changeStep(change: Partial<PlanAnswers['ifThen']>) {
    const next = { ...ifThen, ...change };
    setIfThen(next);
    onIfThen(next);
  }

  return (
    <>
      <p class="muted">{t('welcome_planIntro')}</p>
      {keepsOthers && <p class="note">{t('welcome_planKeeps')}</p>}
      <div class="field">
        <label for="welcome-reason">{t('welcome_reasonLabel')}</label>
        <p class="hint muted" id="welcome-reason-hint">
          {t('welcome_reasonHint')}
        </p>
        <input
          id="welcome-reason"
          type="text"
          aria-describedby="welcome-reason-hint"
          value={reason}
          onInput={(event) => {
            setReason(event.currentTarget.value);
            onReason(event.currentTarget.value);
          }}
        />
      </div>
      <fieldset class="field">
        <legend>{t('welcome_ifThenLegend')}</legend>
        <p class="hint muted" id="welcome-if-then-hint">
          {t('welcome_ifThenHint')}
        </p>
        <div class="sub-field">
          <label for="welcome-if">{t('welcome_ifLabel')}</label>
          <input
            id="welcome-if"
            type="text"
            aria-describedby="welcome-if-then-hint"
            value={ifThen.when}
            onInput={(event) => changeStep({ when: event.currentTarget.value })}
          />
        </div>
        <div class="sub-field">
          <label for="welcome-then">{t('welcome_thenLabel')}</label>
          <input id="welcome-then" type="text" value={ifThen.then} onInput={(event) => changeStep({ then: event.currentTarget.value })} />
        </div>
      </fieldset>
    </>
  );
}
