import type { ComponentChildren } from 'preact';
import { hardMomentMessage } from '../lib/coping/reach-out';
import { t, type MessageKey } from '../lib/i18n/i18n';
import { isSafetyPlanEmpty, SAFETY_STEPS, type ShownSafetyPlan } from '../lib/plan/safety-plan';
import { ReachButtons } from './exercises/ReachOut';
import { ServiceActions } from './ServiceActions';
import './SafetyPlanView.css';

interface Props {
  /** The plan with its people and services looked up (`shownSafetyPlan` in lib/plan/safety-plan.ts). */
  plan: ShownSafetyPlan;
  /** Where the plan is edited; no link when left out (a printed page). */
  editHref?: string;
  /** Makes ids unique when a page shows the plan twice. */
  idPrefix?: string;
}

function Step({ title, children }: { title: MessageKey; children: ComponentChildren }) {
  return (
    <div class="safety-step">
      <h3>{t(title)}</h3>
      <ul>{children}</ul>
    </div>
  );
}

/**
 * The person's safety plan, compact, in the order of its steps: what they wrote, the people they
 * can ask with a call or a text one click away, the services they picked. Empty steps are left out.
 * Everything the person wrote is shown as text.
 */
export function SafetyPlanView({ plan, editHref, idPrefix = 'safety-view' }: Props) {
  const titleId = `${idPrefix}-title`;
  const message = hardMomentMessage();
  return (
    <section class="safety-plan-view" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('safety_title')}</h2>
      {isSafetyPlanEmpty(plan) && <p>{t('safety_empty')}</p>}
      {SAFETY_STEPS.map(({ field, title }) => {
        if (field === 'safetyHelpers') {
          return (
            plan.helpers.length > 0 && (
              <Step key={field} title={title}>
                {plan.helpers.map((person) => (
                  <li key={person.id}>
                    <span class="safety-name">{person.name}</span>
                    {person.phone.trim() && <span class="safety-contact"> · {person.phone.trim()}</span>}
                    <span class="safety-actions">
                      <ReachButtons person={person} message={message} />
                    </span>
                  </li>
                ))}
              </Step>
            )
          );
        }
        if (field === 'safetyServices') {
          return (
            plan.services.length > 0 && (
              <Step key={field} title={title}>
                {plan.services.map((service) => (
                  <li key={service.ref}>
                    <span class="safety-name">{service.name}</span>
                    <span class="safety-actions">
                      <ServiceActions service={service} withSite={false} />
                    </span>
                  </li>
                ))}
              </Step>
            )
          );
        }
        const items = plan.lists[field];
        return (
          items.length > 0 && (
            <Step key={field} title={title}>
              {items.map((item, index) => (
                <li key={index}>{item}</li>
              ))}
            </Step>
          )
        );
      })}
      {editHref && (
        <p class="safety-edit">
          <a href={editHref}>{t('safety_editLink')}</a>
        </p>
      )}
    </section>
  );
}
