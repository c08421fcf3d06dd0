import { useId, useState } from 'preact/hooks';
import { REGIONS, regionWhere, type RegionCode } from '../lib/help/regions';
import { t } from '../lib/i18n/i18n';
import './help.css';

interface Props {
  /** Undefined when neither the person nor their browser language has said: then it asks. */
  region: RegionCode | undefined;
  onChoose: (region: RegionCode) => void;
}

/**
 * Above every list of helplines: "Help in the United Kingdom · change". Where the place is not
 * known it asks, with every place Steadfast covers and "Somewhere else"; it never guesses.
 */
export function HelpRegion({ region, onChoose }: Props) {
  const id = useId();
  const [changing, setChanging] = useState(false);
  if (region !== undefined && !changing) {
    return (
      <p class="help-region">
        <strong>{t('help_inRegion', [t(regionWhere(region))])}</strong>
        {' · '}
        <button type="button" class="link-button" onClick={() => setChanging(true)}>
          {t('help_changeRegion')} <span class="visually-hidden">{t('help_changeRegionName')}</span>
        </button>
      </p>
    );
  }
  return (
    <div class="help-region asking">
      {region === undefined && <p>{t('help_askRegion')}</p>}
      <label for={id}>{t('help_whereYouAre')}</label>{' '}
      <select id={id} value={region ?? ''} onChange={(e) => onChoose(e.currentTarget.value as RegionCode)}>
        <RegionOptions asking={region === undefined} />
      </select>{' '}
      {region !== undefined && (
        <button type="button" class="quiet" onClick={() => setChanging(false)}>
          {t('help_regionDone')}
        </button>
      )}
    </div>
  );
}

/** The places to choose from, with "Choose where you are" first while nothing is chosen. */
export function RegionOptions({ asking }: { asking: boolean }) {
  return (
    <>
      {asking && (
        <option value="" disabled>
          {t('help_chooseRegion')}
        </option>
      )}
      {REGIONS.map((r) => (
        <option key={r.code} value={r.code}>
          {t(r.name)}
        </option>
      ))}
    </>
  );
}
