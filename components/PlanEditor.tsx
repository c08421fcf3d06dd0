import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../lib/i18n/i18n';
import { linesOf, withOutsideChange, type IfThenStep, type Plan, type SupportPerson } from '../lib/plan/plan';
import type { SafetyListField } from '../lib/plan/safety-plan';
import { COST_BENEFIT_FIELDS, type CostBenefitField } from '../lib/plan/cost-benefit';
import { CostBenefitEditor } from './CostBenefitEditor';
import { SafetyPlanEditor, type SafetyPickable } from './SafetyPlanEditor';

interface Props {
  initial: Plan;
  /** Called on every change with the whole plan; the caller stores it. */
  onSave: (plan: Plan) => Promise<void>;
  /**
   * Tells the editor of every plan stored (its own writes included) until the returned function is
   * called: how a change made elsewhere (another tab, Progress, sync) reaches a page already open.
   */
  watch?: (listener: (stored: Plan) => void) => () => void;
  newId?: () => string;
  /** The services the safety plan can name: the region's directory and the person's own. */
  pickable?: SafetyPickable;
  /** Prints one plan alone (the page hides the rest for paper); no print buttons when left out. */
  onPrint?: (sheet: 'plan' | 'safety') => void;
}

/** Fields written "one a line": each keeps its own text, so a new, still-empty line isn't swallowed. */
type ListField = 'reasons' | 'copingStrategies' | SafetyListField | CostBenefitField;
const LIST_FIELDS: readonly ListField[] = [
  'reasons',
  'copingStrategies',
  'safetyWarningSigns',
  'safetyOnMyOwn',
  'safetyDistractions',
  'safetySurroundings',
  'reasonsForLiving',
  ...COST_BENEFIT_FIELDS,
];
const textsOf = (plan: Plan) => Object.fromEntries(LIST_FIELDS.map((field) => [field, plan[field].join('\n')])) as Record<ListField, string>;

type TextField = 'highRiskSituations' | 'earlyWarningSigns' | 'professionalContacts' | 'afterASetback' | 'dailyRoutine';

const TEXT_FIELDS: { field: TextField; label: MessageKey; hint: MessageKey }[] = [
  { field: 'highRiskSituations', label: 'plan_highRiskLabel', hint: 'plan_highRiskHint' },
  { field: 'earlyWarningSigns', label: 'plan_warningSignsLabel', hint: 'plan_warningSignsHint' },
  { field: 'professionalContacts', label: 'plan_professionalsLabel', hint: 'plan_professionalsHint' },
  { field: 'afterASetback', label: 'plan_afterASetbackLabel', hint: 'plan_afterASetbackHint' },
  { field: 'dailyRoutine', label: 'plan_routineLabel', hint: 'plan_routineHint' },
];

/** A support person's fields: what each holds, its label (numbered, for two people's "Name" fields) and its type. */
const PERSON_FIELDS = [
  ['name', 'plan_personName', 'text'],
  ['relationship', 'plan_personRelationship', 'text'],
  ['phone', 'plan_personPhone', 'tel'],
  ['email', 'plan_personEmail', 'email'],
  ['willDo', 'plan_personWillDo', 'text'],
] as const satisfies readonly (readonly [keyof SupportPerson, MessageKey, string])[];

/**
 * Every field of the relapse prevention plan, all optional, saved as the person types.
 * List fields ("one a line") keep their own text so a new, still-empty line isn't swallowed.
 */
export function PlanEditor({ initial, onSave, watch, newId = () => crypto.randomUUID(), pickable, onPrint }: Props) {
  const [plan, setPlan] = useState(initial);
  const [texts, setTexts] = useState(() => textsOf(initial));
  const [status, setStatus] = useState('');
  // What the page shows, what storage held when last heard from, and this page's writes not yet heard back.
  const shown = useRef(initial);
  const stored = useRef(initial);
  const ours = useRef<string[]>([]);
  const saves = useRef(0);
  // The watcher below is subscribed once; it calls this render's `update` (and so the `onSave` given now).
  const latestUpdate = useRef(update);
  latestUpdate.current = update;

  useEffect(
    () =>
      watch?.((incoming) => {
        const json = JSON.stringify(incoming);
        const at = ours.current.indexOf(json);
        if (at >= 0) {
          // This page's own write, heard back.
          ours.current.splice(0, at + 1);
          stored.current = incoming;
          return;
        }
        // Written elsewhere: take each field the person has not touched here since storage was
        // last heard from, keep the ones they have, and store that when it differs.
        const local = shown.current;
        const merged = withOutsideChange(local, stored.current, incoming);
        stored.current = incoming;
        const changed = LIST_FIELDS.filter((field) => JSON.stringify(merged[field]) !== JSON.stringify(local[field]));
        if (changed.length > 0) setTexts((now) => ({ ...now, ...Object.fromEntries(changed.map((field) => [field, merged[field].join('\n')])) }));
        if (JSON.stringify(merged) === json) {
          shown.current = merged;
          setPlan(merged);
        } else latestUpdate.current(merged);
      }),
    [watch],
  );

  function update(next: Plan) {
    shown.current = next;
    ours.current = [...ours.current.slice(-50), JSON.stringify(next)];
    setPlan(next);
    setStatus(t('plan_saving'));
    // "Saved" only once the latest change is stored: saves queue behind one another (the
    // configuration lock), and an earlier one finishing says nothing about what was typed since.
    const save = ++saves.current;
    onSave(next).then(
      () => save === saves.current && setStatus(t('plan_saved')),
      () => setStatus(t('plan_saveFailed')),
    );
  }

  /** Shows a list field's text as typed; stores its lines unless `lines` says no (then nothing changes). */
  function updateList(field: ListField, text: string, lines: (text: string) => string[] | undefined = linesOf) {
    setTexts((now) => ({ ...now, [field]: text }));
    const items = lines(text);
    if (items) update({ ...shown.current, [field]: items });
  }

  function updateStep(id: string, change: Partial<IfThenStep>) {
    update({ ...plan, ifThenSteps: plan.ifThenSteps.map((s) => (s.id === id ? { ...s, ...change } : s)) });
  }
  function updatePerson(id: string, change: Partial<SupportPerson>) {
    update({ ...plan, supportPeople: plan.supportPeople.map((p) => (p.id === id ? { ...p, ...change } : p)) });
  }

  return (
    <>
      <section id="plan" class="card plan-editor" aria-labelledby="plan-editor-title">
        <h2 id="plan-editor-title">{t('plan_title')}</h2>
        <p class="muted">{t('plan_intro')}</p>
        {onPrint && (
          <p>
            <button type="button" class="quiet" onClick={() => onPrint('plan')}>
              {t('plan_print')}
            </button>
          </p>
        )}
        <p class="muted" role="status">
          {status}
        </p>

        <div class="field">
          <label for="plan-reasons">{t('plan_reasonsLabel')}</label>
          <p class="hint muted" id="plan-reasons-hint">
            {t('plan_reasonsHint')}
          </p>
          <textarea
            id="plan-reasons"
            aria-describedby="plan-reasons-hint"
            value={texts.reasons}
            onInput={(e) => updateList('reasons', e.currentTarget.value)}
          />
        </div>

        <fieldset class="field">
          <legend>{t('plan_ifThenLegend')}</legend>
          {plan.ifThenSteps.length === 0 && <p class="muted">{t('plan_ifThenExample')}</p>}
          {plan.ifThenSteps.map((step, index) => (
            <div class="if-then" key={step.id}>
              <label for={`when-${step.id}`}>{t('plan_ifLabel', [index + 1])}</label>
              <input id={`when-${step.id}`} type="text" value={step.when} onInput={(e) => updateStep(step.id, { when: e.currentTarget.value })} />
              <label for={`then-${step.id}`}>{t('plan_thenLabel', [index + 1])}</label>
              <input id={`then-${step.id}`} type="text" value={step.then} onInput={(e) => updateStep(step.id, { then: e.currentTarget.value })} />
              <button type="button" class="quiet" onClick={() => update({ ...plan, ifThenSteps: plan.ifThenSteps.filter((s) => s.id !== step.id) })}>
                {t('plan_removeStep', [index + 1])}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => update({ ...plan, ifThenSteps: [...plan.ifThenSteps, { id: newId(), when: '', then: '' }] })}>
            {t('plan_addStep')}
          </button>
        </fieldset>

        <div class="field">
          <label for="plan-coping">{t('plan_copingLabel')}</label>
          <textarea id="plan-coping" value={texts.copingStrategies} onInput={(e) => updateList('copingStrategies', e.currentTarget.value)} />
        </div>

        <fieldset class="field" id="support">
          <legend>{t('plan_supportLegend')}</legend>
          {plan.supportPeople.map((person, index) => (
            <div class="person" key={person.id}>
              {PERSON_FIELDS.map(([key, label, type]) => (
                <div class="sub-field" key={key}>
                  <label for={`${key}-${person.id}`}>{t(label, [index + 1])}</label>
                  <input
                    id={`${key}-${person.id}`}
                    type={type}
                    list={undefined}
                    value={person[key]}
                    onInput={(e) => updatePerson(person.id, { [key]: e.currentTarget.value })}
                  />
                </div>
              ))}
              <button
                type="button"
                class="quiet"
                onClick={() =>
                  update({
                    ...plan,
                    supportPeople: plan.supportPeople.filter((p) => p.id !== person.id),
                    safetyHelpers: plan.safetyHelpers.filter((id) => id !== person.id),
                  })
                }
              >
                {person.name.trim() ? t('plan_removePerson', [person.name.trim()]) : t('plan_removePersonNumbered', [index + 1])}
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() =>
              update({ ...plan, supportPeople: [...plan.supportPeople, { id: newId(), name: '', relationship: '', phone: '', email: '', willDo: '' }] })
            }
          >
            {t('plan_addPerson')}
          </button>
        </fieldset>

        {TEXT_FIELDS.map(({ field, label, hint }) => (
          <div class="field" key={field}>
            <label for={`plan-${field}`}>{t(label)}</label>
            <p class="hint muted" id={`plan-${field}-hint`}>
              {t(hint)}
            </p>
            <textarea
              id={`plan-${field}`}
              aria-describedby={`plan-${field}-hint`}
              value={plan[field]}
              onInput={(e) => update({ ...plan, [field]: e.currentTarget.value })}
            />
          </div>
        ))}

        <div class="field">
          <label for="plan-review">{t('plan_reviewLabel')}</label>
          <input id="plan-review" type="date" value={plan.reviewDate} onInput={(e) => update({ ...plan, reviewDate: e.currentTarget.value })} />
        </div>
      </section>
      <SafetyPlanEditor
        plan={plan}
        texts={texts}
        status={status}
        pickable={pickable}
        onList={(field, text, lines) => updateList(field, text, lines)}
        onPicks={(field, ids) => update({ ...shown.current, [field]: ids })}
        onPrint={onPrint && (() => onPrint('safety'))}
      />
      <CostBenefitEditor texts={texts} status={status} onList={(field, text, lines) => updateList(field, text, lines)} />
    </>
  );
}
