import type { HelpService } from '../lib/help/directory';
import { t } from '../lib/i18n/i18n';
import { ServiceActions } from './ServiceActions';
import './help.css';

interface Props {
  /** The region's emergency numbers and crisis lines (`crisisLinesFor`), in that order. */
  services: readonly HelpService[];
  /** The full help page. */
  helpHref: string;
  /** Opens the help page in a new tab: the popup's choice, so the popup itself isn't replaced. */
  newTab?: boolean;
  /** False where the page already has its own "Get help now" in view (one link of that name a page). */
  withHelpLink?: boolean;
}

/** The lines a person can call or text right now, inline, with the rest of help one click on. */
export function CrisisLines({ services, helpHref, newTab = false, withHelpLink = true }: Props) {
  const target = newTab ? { target: '_blank' } : {};
  return (
    <div class="crisis-lines">
      {services.length > 0 ? (
        <ul class="crisis-list">
          {services.map((service) => {
            return (
              <li key={service.id} class={service.emergency ? 'emergency' : undefined}>
                <span class="crisis-name">{service.name}</span>
                {service.hours && <span class="muted"> · {service.hours}</span>}
                <span class="crisis-actions">
                  <ServiceActions service={service} withSite={false} />
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{t('help_crisisNone')}</p>
      )}
      {withHelpLink && (
        <p>
          <a class="help-link" href={helpHref} {...target}>
            {t('common_getHelpNow')}
          </a>{' '}
          <span class="muted">{t('help_crisisMore')}</span>
        </p>
      )}
    </div>
  );
}
