import { milestoneLabel } from '../lib/history/milestones';
import { t } from '../lib/i18n/i18n';
import { part, withParts } from '../lib/i18n/with-parts';

/** A milestone reached, celebrated once, with one of the person's own reasons when they wrote any. */
export function Celebration({ days, reason, onDone }: { days: number; reason?: string; onDone: () => void }) {
  return (
    <section class="card celebration" role="status" aria-labelledby="celebration-title">
      <h2 id="celebration-title">{t('celebration_heading', [milestoneLabel(days)])}</h2>
      <p>{t('celebration_yourDoing')}</p>
      {reason && <p>{withParts(t('celebration_reason', [part(0)]), [<strong>{reason}</strong>])}</p>}
      <button type="button" class="quiet" onClick={onDone}>
        {t('celebration_thanks')}
      </button>
    </section>
  );
}
