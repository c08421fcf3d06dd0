import { useState } from 'preact/hooks';
import type { HelpService } from '../lib/help/directory';
import type { MyService } from '../lib/help/my-services';
import { t } from '../lib/i18n/i18n';
import type { Plan } from '../lib/plan/plan';
import { checkSafetyLines, directoryRef, myServiceRef, SAFETY_LIMITS, SAFETY_STEPS, type SafetyListField } from '../lib/plan/safety-plan';

/** What step 5 can name: the region's help directory and the person's own services. */
export interface SafetyPickable {
  directory: readonly HelpService[];
  /** The region's name as the help page says it ("the United Kingdom"). */
  regionName: string;
  mine: readonly MyService[];
}

interface Props {
  plan: Plan;
  /** Each written step's text as typed. */
  texts: Record<SafetyListField, string>;
  /** The plan editor's saving status, shown here too (the plan editor's own live region announces it). */
  status: string;
  pickable?: SafetyPickable;
  /** A step's text changed; `lines` gives its items, or undefined to leave the stored step as it is. */
  onList: (field: SafetyListField, text: string, lines: (text: string) => string[] | undefined) => void;
  onPicks: (field: 'safetyHelpers' | 'safetyServices', ids: string[]) => void;
  onPrint?: () => void;
}

const toggled = (ids: readonly string[], id: string, on: boolean) => (on ? [...ids.filter((x) => x !== id), id] : ids.filter((x) => x !== id));

/**
 * The safety plan's seven steps, in the person's own words (Stanley and Brown): written steps are
 * text boxes, one item a line; people and services are ticked. Saved as the person types, through
 * the plan editor, so a change made elsewhere merges the same way.
 */
export function SafetyPlanEditor({ plan, texts, status, pickable, onList, onPicks, onPrint }: Props) {
  const [problems, setProblems] = useState<Partial<Record<string, string>>>({});
  const say = (field: string, problem: string) => setProblems((now) => ({ ...now, [field]: problem }));

  function write(field: SafetyListField, text: string) {
    onList(field, text, (value) => {
      const check = checkSafetyLines(value);
      if (check.ok) {
        say(field, '');
        return check.items;
      }
      say(field, check.problem === 'tooManyLines' ? t('safety_tooManyLines', [SAFETY_LIMITS.lines]) : t('safety_lineTooLong', [SAFETY_LIMITS.lineLength]));
      return undefined;
    });
  }

  function pick(field: 'safetyHelpers' | 'safetyServices', id: string, on: boolean) {
    const next = toggled(plan[field], id, on);
    if (next.length > SAFETY_LIMITS.picks) {
      say(field, t('safety_tooManyPicks', [SAFETY_LIMITS.picks]));
      return;
    }
    say(field, '');
    onPicks(field, next);
  }

  const people = plan.supportPeople.filter((p) => p.name.trim());
  const error = (field: string) => (
    <p class="error" id={`safety-${field}-error`} role="alert">
      {problems[field] ?? ''}
    </p>
  );
  const checkbox = (field: 'safetyHelpers' | 'safetyServices', id: string, label: string) => (
    <label class="safety-pick" key={id}>
      <input type="checkbox" checked={plan[field].includes(id)} onChange={(e) => pick(field, id, e.currentTarget.checked)} /> {label}
    </label>
  );

  return (
    <section id="safety-plan" class="card safety-plan-editor" aria-labelledby="safety-plan-title">
      <h2 id="safety-plan-title">{t('safety_title')}</h2>
      <p class="muted">{t('safety_intro')}</p>
      {onPrint && (
        <p>
          <button type="button" class="quiet" onClick={onPrint}>
            {t('safety_print')}
          </button>
        </p>
      )}
      <p class="muted" aria-hidden="true">
        {status}
      </p>
      {SAFETY_STEPS.map(({ field, title, hint }) => {
        if (field === 'safetyHelpers' || field === 'safetyServices') {
          return (
            <fieldset class="field" key={field} aria-describedby={`safety-${field}-hint`}>
              <legend>{t(title)}</legend>
              <p class="hint muted" id={`safety-${field}-hint`}>
                {t(hint)}
              </p>
              {field === 'safetyHelpers' && (people.length === 0 ? <p>{t('safety_helpersNone')}</p> : people.map((p) => checkbox(field, p.id, p.name)))}
              {field === 'safetyServices' && pickable && pickable.mine.length > 0 && (
                <div class="safety-picks" role="group" aria-labelledby="safety-mine-title">
                  <p id="safety-mine-title" class="safety-picks-title">
                    {t('safety_servicesMine')}
                  </p>
                  {pickable.mine.map((s) => checkbox(field, myServiceRef(s.id), s.name))}
                </div>
              )}
              {field === 'safetyServices' && pickable && pickable.directory.length > 0 && (
                <div class="safety-picks" role="group" aria-labelledby="safety-directory-title">
                  <p id="safety-directory-title" class="safety-picks-title">
                    {t('safety_servicesDirectory', [pickable.regionName])}
                  </p>
                  {pickable.directory.map((s) => checkbox(field, directoryRef(s.id), s.name))}
                </div>
              )}
              {error(field)}
            </fieldset>
          );
        }
        return (
          <div class="field" key={field}>
            <label for={`safety-${field}`}>{t(title)}</label>
            <p class="hint muted" id={`safety-${field}-hint`}>
              {t(hint)}
            </p>
            <textarea
              id={`safety-${field}`}
              aria-describedby={`safety-${field}-hint safety-${field}-error`}
              aria-invalid={problems[field] ? true : undefined}
              value={texts[field]}
              onInput={(e) => write(field, e.currentTarget.value)}
            />
            {error(field)}
          </div>
        );
      })}
    </section>
  );
}
