import { useState } from 'preact/hooks';
import { RegionOptions } from '../../components/HelpRegion';
import type { RegionCode } from '../../lib/help/directory';
import { t } from '../../lib/i18n/i18n';
import type { PlanAnswers } from '../../lib/welcome/plan-answers';

interface Props {
  /** Undefined when the browser language does not say: the list starts on “Choose where you are”. */
  region: RegionCode | undefined;
  person: PlanAnswers['person'];
  onRegion: (region: RegionCode) => void;
  onPerson: (values: PlanAnswers['person']) => void;
}

const PERSON_FIELDS = [
  { key: 'name', label: 'welcome_personName', type: 'text', autoComplete: 'off' },
  { key: 'phone', label: 'welcome_personPhone', type: 'tel', autoComplete: 'off' },
  { key: 'email', label: 'welcome_personEmail', type: 'email', autoComplete: 'off' },
] as const;

/** Step 4: where the person is, for the helplines, and one support person for their plan. */
export function HelpStep({ region, person, onRegion, onPerson }: Props) {
  const [values, setValues] = useState(person);

  return (
    <>
      <div class="field">
        <label for="welcome-region">{t('welcome_regionLabel')}</label>
        <p class="hint muted" id="welcome-region-hint">
          {t('welcome_regionHint')}
        </p>
        <select
          id="welcome-region"
          aria-describedby="welcome-region-hint"
          value={region ?? ''}
          onChange={(event) => onRegion(event.currentTarget.value as RegionCode)}
        >
          <RegionOptions asking={region === undefined} />
        </select>
      </div>
      <fieldset class="field person">
        <legend>{t('welcome_personLegend')}</legend>
        <p class="hint muted">{t('welcome_personHint')}</p>
        {PERSON_FIELDS.map(({ key, label, type, autoComplete }) => (
          <div class="sub-field" key={key}>
            <label for={`welcome-person-${key}`}>{t(label)}</label>
            <input
              id={`welcome-person-${key}`}
              type={type}
              autoComplete={autoComplete}
              list={undefined}
              value={values[key]}
              onInput={(event) => {
                const next = { ...values, [key]: event.currentTarget.value };
                setValues(next);
                onPerson(next);
              }}
            />
          </div>
        ))}
      </fieldset>
    </>
  );
}
