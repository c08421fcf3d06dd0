import { t } from '../lib/i18n/i18n';
import { part, withParts } from '../lib/i18n/with-parts';
import { isPlanEmpty, type Plan } from '../lib/plan/plan';
import { timed } from './element-timing';

function nonEmpty(list: readonly string[]): string[] {
  return list.map((item) => item.trim()).filter((item) => item.length > 0);
}

/**
 * The parts of the prevention plan that help in a high-risk moment: why I'm doing this, what I
 * said I'd do, what helps me cope. An empty plan is an invitation, never a reproach.
 */
export function PlanSummary({ plan, editHref }: { plan: Plan; editHref: string }) {
  if (isPlanEmpty(plan)) {
    return (
      <section class="card plan" aria-labelledby="plan-title">
        <h2 id="plan-title">{t('planSummary_heading')}</h2>
        <p>{t('planSummary_empty')}</p>
        <p>
          <a href={editHref}>{t('planSummary_start')}</a>
        </p>
      </section>
    );
  }
  return (
    <section class="card plan" aria-labelledby="plan-title">
      <h2 id="plan-title">{t('planSummary_heading')}</h2>
      <PlanLists plan={plan} />
      <p>
        <a href={editHref}>{t('planSummary_open')}</a>
      </p>
    </section>
  );
}

/** The plan's reasons, if-then steps and coping strategies, as lists; empty ones left out. */
export function PlanLists({ plan }: { plan: Plan }) {
  const reasons = nonEmpty(plan.reasons);
  const strategies = nonEmpty(plan.copingStrategies);
  const steps = plan.ifThenSteps.filter((step) => step.when.trim() || step.then.trim());
  // The first item shown, whichever list it is in, is timed on screen (element-timing.ts).
  const first = (list: 'reasons' | 'steps' | 'strategies', index: number) =>
    index === 0 && list === (reasons.length > 0 ? 'reasons' : steps.length > 0 ? 'steps' : 'strategies') ? timed('plan-first') : {};
  return (
    <>
      {reasons.length > 0 && (
        <>
          <h3>{t('planSummary_reasons')}</h3>
          <ul>
            {reasons.map((reason, index) => (
              <li key={reason} {...first('reasons', index)}>
                {reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {steps.length > 0 && (
        <>
          <h3>{t('planSummary_steps')}</h3>
          <ul>
            {steps.map((step, index) => {
              const then = <strong>{t('planSummary_then', [step.then.trim() || '…'])}</strong>;
              const when = step.when.trim();
              return (
                <li key={step.id} {...first('steps', index)}>
                  {when ? withParts(t('planSummary_ifThen', [when, part(0)]), [then]) : then}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {strategies.length > 0 && (
        <>
          <h3>{t('planSummary_coping')}</h3>
          <ul>
            {strategies.map((strategy, index) => (
              <li key={strategy} {...first('strategies', index)}>
                {strategy}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
