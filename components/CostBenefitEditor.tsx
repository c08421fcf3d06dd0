import { useState } from 'preact/hooks';
import { t } from '../lib/i18n/i18n';
import './FourBoxes.css';
import { checkCostBenefitLines, COST_BENEFIT_BOXES, costBenefitProblem, type CostBenefitField } from '../lib/plan/cost-benefit';

interface Props {
  texts: Record<CostBenefitField, string>;
  status: string;
  /** Shows a box's text as typed; stores its lines when `lines` gives them (a refused box changes nothing). */
  onList: (field: CostBenefitField, text: string, lines: (text: string) => string[] | undefined) => void;
}

/**
 * The cost-benefit analysis's four boxes, one item a line, saved as the person types through the
 * plan editor (so a change made elsewhere merges the same way). Too many lines or too long a line
 * is said plainly and stores nothing until it is fixed.
 */
export function CostBenefitEditor({ texts, status, onList }: Props) {
  const [problems, setProblems] = useState<Partial<Record<CostBenefitField, string>>>({});

  function write(field: CostBenefitField, text: string) {
    onList(field, text, (value) => {
      const check = checkCostBenefitLines(value);
      const problem = check.ok ? '' : t(costBenefitProblem(check.problem).key, [costBenefitProblem(check.problem).limit]);
      setProblems((now) => ({ ...now, [field]: problem }));
      return check.ok ? check.items : undefined;
    });
  }

  return (
    <section id="four-boxes" class="card cost-benefit-editor" aria-labelledby="cost-benefit-title">
      <h2 id="cost-benefit-title">{t('costBenefit_title')}</h2>
      <p class="muted">{t('costBenefit_intro')}</p>
      <p class="muted" aria-hidden="true">
        {status}
      </p>
      <div class="four-boxes">
        {COST_BENEFIT_BOXES.map(({ field, title, hint }) => (
          <div class="field" key={field}>
            <label for={`cba-${field}`}>{t(title)}</label>
            <p class="hint muted" id={`cba-${field}-hint`}>
              {t(hint)}
            </p>
            <textarea
              id={`cba-${field}`}
              aria-describedby={`cba-${field}-hint cba-${field}-error`}
              aria-invalid={problems[field] ? true : undefined}
              value={texts[field]}
              onInput={(e) => write(field, e.currentTarget.value)}
            />
            <p class="error" id={`cba-${field}-error`} role="alert">
              {problems[field] ?? ''}
            </p>
          </div>
        ))}
      </div>
    </section>
  );
}
