import type { CrisisCard } from '../lib/help/crisis-lines';
import type { RegionCode } from '../lib/help/directory';
import { t } from '../lib/i18n/i18n';
import { HelpRegion } from './HelpRegion';
import { ServiceActions } from './ServiceActions';
import './help.css';

interface Props {
  /** The place, its emergency numbers and 24/7 crisis lines (`crisisCardFor`). */
  card: CrisisCard;
  /** The person chose a place (the card asks when it is not known). */
  onRegion: (region: RegionCode) => void;
  /** The full help page. */
  helpHref: string;
  /** Opens the help page in a new tab: the popup's choice, so the popup itself isn't replaced. */
  newTab?: boolean;
}

/** The lines a person can call or text right now, inline, saying where they are for. */
export function CrisisLines({ card, onRegion, helpHref, newTab = false }: Props) {
  const target = newTab ? { target: '_blank' } : {};
  return (
    <div class="crisis-lines">
      <HelpRegion region={card.region} onChoose={onRegion} />
      {card.lines.length > 0 ? (
        <ul class="crisis-list">
          {card.lines.map((service) => (
            <li key={service.id} class={service.emergency ? 'emergency' : undefined}>
              <span class="crisis-name">{service.name}</span>
              {service.hours && <span class="muted"> · {service.hours}</span>}
              <span class="crisis-actions">
                <ServiceActions service={service} withSite={false} />
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <>
          <p>
            <strong>{t('help_crisisNone')}</strong>
          </p>
          {card.elsewhere && (
            <p class="crisis-actions">
              <ServiceActions service={card.elsewhere} />
            </p>
          )}
        </>
      )}
      <p>
        <a class="help-link" href={helpHref} {...target}>
          {t('common_getHelpNow')}
        </a>{' '}
        <span class="muted">{t('help_crisisMore')}</span>
      </p>
    </div>
  );
}
