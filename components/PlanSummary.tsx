import { isPlanEmpty, type Plan } from '../lib/plan/plan';

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
        <h2 id="plan-title">Your plan</h2>
        <p>
          A plan written on a calm day is a friend on a hard one: your reasons, what you'll do when
          things get difficult, and who you can call.
        </p>
        <p>
          <a href={editHref}>Start your plan</a>
        </p>
      </section>
    );
  }
  const reasons = nonEmpty(plan.reasons);
  const strategies = nonEmpty(plan.copingStrategies);
  const steps = plan.ifThenSteps.filter((step) => step.when.trim() || step.then.trim());
  return (
    <section class="card plan" aria-labelledby="plan-title">
      <h2 id="plan-title">Your plan</h2>
      {reasons.length > 0 && (
        <>
          <h3>Why this matters to you</h3>
          <ul>
            {reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </>
      )}
      {steps.length > 0 && (
        <>
          <h3>What you said you'd do</h3>
          <ul>
            {steps.map((step) => (
              <li key={step.id}>
                {step.when.trim() && <span>If {step.when.trim()}, </span>}
                <strong>then {step.then.trim() || '…'}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      {strategies.length > 0 && (
        <>
          <h3>What helps you cope</h3>
          <ul>
            {strategies.map((strategy) => (
              <li key={strategy}>{strategy}</li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={editHref}>Open my whole plan</a>
      </p>
    </section>
  );
}
