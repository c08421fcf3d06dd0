import type { HealthCardPlaces } from '../lib/help/health-card';
import { t, type MessageKey } from '../lib/i18n/i18n';
import { ServiceActions } from './ServiceActions';

interface Props {
  open: boolean;
  /** The person opened or closed it; the page remembers the choice. */
  onToggle: (open: boolean) => void;
  places: HealthCardPlaces;
}

/** Each sentence's source is in lib/help/HEALTH-SOURCES.md. */
const SIGNS = ['health_signPain', 'health_signBlood', 'health_signOften', 'health_signLeaking', 'health_signTummy'] as const satisfies readonly MessageKey[];

/**
 * Opt-in health facts about ketamine: closed until the person opens it, so nobody is shown them
 * unasked. Signs that need a doctor, that the bladder can recover, where to go, and, for anyone
 * who uses anyway, how to be less at risk.
 */
export function KetamineHealthCard({ open, onToggle, places }: Props) {
  const { emergency, lines, ketaminePage } = places;
  return (
    <details class="card health-card" open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary>
        <h2>{t('health_title')}</h2>
      </summary>
      <p>{t('health_intro')}</p>
      <p>{t('health_seeDoctor')}</p>
      <ul>
        {SIGNS.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <p>{t('health_recover')}</p>
      <h3>{t('health_whereTitle')}</h3>
      <ul class="health-places">
        <li>{t('health_gp')}</li>
        {lines.map((service) => (
          <li key={service.id}>
            <span class="crisis-name">{service.name}</span>
            {service.hours && <span class="muted"> · {service.hours}</span>} <ServiceActions service={service} withSite={false} />
          </li>
        ))}
        {ketaminePage?.url && (
          <li>
            <a href={ketaminePage.url} target="_blank" rel="noreferrer">
              {t('health_moreAbout', [ketaminePage.name])}
            </a>
          </li>
        )}
      </ul>
      <h3>{t('health_anywayTitle')}</h3>
      <ul>
        <li>{t('health_notAlone')}</li>
        <li>{t('health_notMixed')}</li>
        <li>{emergency?.phone ? t('health_recoveryPosition', [emergency.phone]) : t('health_recoveryPositionElsewhere')}</li>
      </ul>
      <p class="muted">{t('health_sources')}</p>
    </details>
  );
}
