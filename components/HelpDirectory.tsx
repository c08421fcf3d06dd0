import { dialable } from '../lib/plan/plan';
import type { HelpService } from '../lib/help/directory';

/** Helplines for one region: call, text or visit in one click. */
export function HelpDirectory({ services, reviewed }: { services: readonly HelpService[]; reviewed: string }) {
  return (
    <>
      <ul class="help-list">
        {services.map((service) => {
          const phone = service.phone ? dialable(service.phone) : '';
          const sms = service.sms ? dialable(service.sms) : '';
          return (
            <li key={service.id} class={service.emergency ? 'card emergency' : 'card'}>
              <h3>{service.name}</h3>
              <p>{service.description}</p>
              <p class="muted">
                {service.hours}
                {service.confidence === 'secondary' && ' · Please check current hours on their site.'}
              </p>
              <p class="actions">
                {phone && (
                  <a class="button" href={`tel:${phone}`}>
                    Call {service.phone}
                  </a>
                )}
                {sms && (
                  <a class="button quiet" href={`sms:${sms}`}>
                    Text {service.sms}
                  </a>
                )}
                {service.url && (
                  <a class="button quiet" href={service.url} target="_blank" rel="noreferrer">
                    Visit their site
                  </a>
                )}
              </p>
            </li>
          );
        })}
      </ul>
      <p class="muted">Checked on {reviewed}. Numbers can change: if one doesn't work, try the next.</p>
    </>
  );
}
