import { t } from '../lib/i18n/i18n';
import { COST_BENEFIT_BOXES } from '../lib/plan/cost-benefit';
import type { Plan } from '../lib/plan/plan';
import './FourBoxes.css';

/**
 * The person's cost-benefit analysis, closed until they open it: calm, below the plan, never in
 * the way. Each box shows what they wrote; an empty box is left out.
 */
export function FourBoxes({ plan, editHref }: { plan: Plan; editHref: string }) {
  const boxes = COST_BENEFIT_BOXES.map((box) => ({ ...box, items: plan[box.field].map((item) => item.trim()).filter((item) => item.length > 0) })).filter(
    (box) => box.items.length > 0,
  );
  if (boxes.length === 0) return null;
  return (
    <details class="card four-boxes-view">
      <summary>{t('costBenefit_open')}</summary>
      <p class="muted">{t('costBenefit_pauseIntro')}</p>
      <div class="four-boxes">
        {boxes.map(({ field, title, items }) => (
          <section class="four-box" key={field} aria-labelledby={`box-${field}`}>
            <h3 id={`box-${field}`}>{t(title)}</h3>
            <ul>
              {items.map((item, index) => (
                <li key={index}>{item}</li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <p>
        <a href={editHref}>{t('costBenefit_edit')}</a>
      </p>
    </details>
  );
}
