import { browser } from 'wxt/browser';
import { t, tCount } from '../../lib/i18n/i18n';
import type { UrgeInsights as Insights } from '../../lib/progress/urge-insights';
import { decimal, helpedName, setOffName } from '../../lib/progress/words';

/**
 * What the urge log has learnt: what helped most (ranked by the average fall in strength, shared
 * ranks shown as the same number), how long urges usually last, and what sets them off. With
 * nothing logged yet, a kind line and where to log one, never a table of zeros.
 */
export function UrgeInsights({ insights }: { insights: Insights }) {
  const { helped, fade, setOffs } = insights;
  if (helped.length === 0 && !fade && setOffs.length === 0) {
    return (
      <div class="urge-insights empty">
        <p>{t('progress_urgesEmpty')}</p>
        <p>
          <a href={browser.runtime.getURL('/coping.html')}>{t('progress_urgesLogLink')}</a>
        </p>
      </div>
    );
  }
  return (
    <div class="urge-insights">
      <p class="muted">{t('progress_urgesIntro')}</p>
      <h3>{t('progress_helpedHeading')}</h3>
      {helped.length > 0 ? (
        <ol class="helped">
          {helped.map((entry) => (
            <li key={`${entry.action}:${entry.ownAction ?? ''}`} value={entry.rank} data-action={entry.action}>
              {entry.averageDrop > 0
                ? tCount('progress_helpedItem', entry.count, [helpedName(entry), decimal(entry.averageDrop)])
                : tCount('progress_helpedNoDrop', entry.count, [helpedName(entry)])}
              {entry.fewTries && <span class="muted few-tries"> {t('progress_helpedFew')}</span>}
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">{t('progress_helpedNone')}</p>
      )}
      <h3>{t('progress_fadeHeading')}</h3>
      {fade ? (
        <p class="fade">
          <strong>{tCount('progress_fade', fade.minutes)}</strong> <span class="muted">{tCount('progress_fadeFrom', fade.count)}</span>
        </p>
      ) : (
        <p class="muted">{t('progress_fadeTooFew')}</p>
      )}
      <h3>{t('progress_setOffsHeading')}</h3>
      {setOffs.length > 0 ? (
        <ul class="set-offs">
          {setOffs.slice(0, 10).map((entry) => (
            <li key={entry.setOff === 'own' ? `own:${entry.text}` : entry.setOff}>{tCount('progress_setOffItem', entry.count, [setOffName(entry)])}</li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('progress_setOffsNone')}</p>
      )}
    </div>
  );
}
