import { t, type MessageKey } from '../lib/i18n/i18n';
import type { Plan } from '../lib/plan/plan';
import { PlanLists } from './PlanSummary';

const TEXTS = [
  ['highRiskSituations', 'plan_highRiskLabel'],
  ['earlyWarningSigns', 'plan_warningSignsLabel'],
  ['professionalContacts', 'plan_professionalsLabel'],
  ['afterASetback', 'plan_afterASetbackLabel'],
  ['dailyRoutine', 'plan_routineLabel'],
] as const satisfies readonly (readonly [keyof Plan, MessageKey])[];

/**
 * The whole relapse prevention plan, read-only, for paper: to take to a therapist or key worker.
 * Only what the person wrote; an empty field is left out.
 */
export function PlanSheet({ plan }: { plan: Plan }) {
  const people = plan.supportPeople.filter((p) => p.name.trim());
  return (
    <section class="plan-sheet" aria-labelledby="plan-sheet-title">
      <h2 id="plan-sheet-title">{t('planSummary_heading')}</h2>
      <PlanLists plan={plan} />
      {people.length > 0 && (
        <>
          <h3>{t('plan_supportLegend')}</h3>
          <ul>
            {people.map((p) => (
              <li key={p.id}>
                <strong>{p.name}</strong>
                {[p.relationship, p.phone, p.email, p.willDo]
                  .filter((x) => x.trim())
                  .map((x, i) => (
                    <span key={i}> · {x.trim()}</span>
                  ))}
              </li>
            ))}
          </ul>
        </>
      )}
      {TEXTS.map(([field, label]) =>
        plan[field].trim() ? (
          <div key={field}>
            <h3>{t(label)}</h3>
            <p class="sheet-text">{plan[field].trim()}</p>
          </div>
        ) : null,
      )}
      {plan.reviewDate && (
        <p>
          {t('plan_reviewLabel')} {plan.reviewDate}
        </p>
      )}
    </section>
  );
}
