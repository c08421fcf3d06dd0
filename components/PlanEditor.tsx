import { useState } from 'preact/hooks';
import { linesOf, type IfThenStep, type Plan, type SupportPerson } from '../lib/plan/plan';

interface Props {
  initial: Plan;
  /** Called on every change with the whole plan; the caller stores it. */
  onSave: (plan: Plan) => Promise<void>;
  newId?: () => string;
}

type TextField = 'highRiskSituations' | 'earlyWarningSigns' | 'professionalContacts' | 'afterASetback' | 'dailyRoutine';

const TEXT_FIELDS: { field: TextField; label: string; hint: string }[] = [
  { field: 'highRiskSituations', label: 'Triggers and high-risk situations', hint: 'People, places, times and feelings that put you at risk. Am I hungry, angry, lonely or tired?' },
  { field: 'earlyWarningSigns', label: 'Early warning signs', hint: 'Thoughts, moods or habits that tell you a hard patch may be coming.' },
  { field: 'professionalContacts', label: 'Professional contacts', hint: 'Key worker, GP, counsellor, clinic: names and how to reach them.' },
  { field: 'afterASetback', label: 'If I have a setback', hint: 'A setback is not the end of your recovery. What will you do, and who will you tell?' },
  { field: 'dailyRoutine', label: 'My daily protective routine', hint: 'Small things that keep you steady: sleep, meals, a walk, a call.' },
];

/**
 * Every field of the relapse prevention plan, all optional, saved as the person types.
 * List fields ("one a line") keep their own text so a new, still-empty line isn't swallowed.
 */
export function PlanEditor({ initial, onSave, newId = () => crypto.randomUUID() }: Props) {
  const [plan, setPlan] = useState(initial);
  const [reasonsText, setReasonsText] = useState(initial.reasons.join('\n'));
  const [copingText, setCopingText] = useState(initial.copingStrategies.join('\n'));
  const [status, setStatus] = useState('');

  function update(next: Plan) {
    setPlan(next);
    setStatus('Saving…');
    onSave(next).then(
      () => setStatus('Saved on this device.'),
      () => setStatus('Could not save just now. Your text is still here; try again in a moment.'),
    );
  }

  function updateStep(id: string, change: Partial<IfThenStep>) {
    update({ ...plan, ifThenSteps: plan.ifThenSteps.map((s) => (s.id === id ? { ...s, ...change } : s)) });
  }
  function updatePerson(id: string, change: Partial<SupportPerson>) {
    update({ ...plan, supportPeople: plan.supportPeople.map((p) => (p.id === id ? { ...p, ...change } : p)) });
  }

  return (
    <section id="plan" class="card plan-editor" aria-labelledby="plan-editor-title">
      <h2 id="plan-editor-title">My plan</h2>
      <p class="muted">
        Everything here is optional and stays on this device. Write a little now and add more on a
        calm day. Steadfast shows your reasons, your if-then steps and your coping strategies on
        the pause page.
      </p>
      <p class="muted" role="status">
        {status}
      </p>

      <div class="field">
        <label for="plan-reasons">My reasons (one a line)</label>
        <p class="hint muted" id="plan-reasons-hint">What you are protecting: people, health, plans, how you want to feel.</p>
        <textarea
          id="plan-reasons"
          aria-describedby="plan-reasons-hint"
          value={reasonsText}
          onInput={(e) => {
            setReasonsText(e.currentTarget.value);
            update({ ...plan, reasons: linesOf(e.currentTarget.value) });
          }}
        />
      </div>

      <fieldset class="field">
        <legend>If-then steps for high-risk moments</legend>
        {plan.ifThenSteps.length === 0 && <p class="muted">For example: if I'm alone on a Friday night and feel the pull, then I'll call Sam and go for a walk.</p>}
        {plan.ifThenSteps.map((step, index) => (
          <div class="if-then" key={step.id}>
            <label for={`when-${step.id}`}>If ({index + 1})</label>
            <input id={`when-${step.id}`} type="text" value={step.when} onInput={(e) => updateStep(step.id, { when: e.currentTarget.value })} />
            <label for={`then-${step.id}`}>then I will ({index + 1})</label>
            <input id={`then-${step.id}`} type="text" value={step.then} onInput={(e) => updateStep(step.id, { then: e.currentTarget.value })} />
            <button type="button" class="quiet" onClick={() => update({ ...plan, ifThenSteps: plan.ifThenSteps.filter((s) => s.id !== step.id) })}>
              Remove step {index + 1}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => update({ ...plan, ifThenSteps: [...plan.ifThenSteps, { id: newId(), when: '', then: '' }] })}>
          Add an if-then step
        </button>
      </fieldset>

      <div class="field">
        <label for="plan-coping">My coping strategies (one a line)</label>
        <textarea
          id="plan-coping"
          value={copingText}
          onInput={(e) => {
            setCopingText(e.currentTarget.value);
            update({ ...plan, copingStrategies: linesOf(e.currentTarget.value) });
          }}
        />
      </div>

      <fieldset class="field" id="support">
        <legend>My support people</legend>
        {plan.supportPeople.map((person, index) => (
          <div class="person" key={person.id}>
            {(
              [
                ['name', 'Name', 'text'],
                ['relationship', 'Who they are to me', 'text'],
                ['phone', 'Phone', 'tel'],
                ['email', 'Email', 'email'],
                ['willDo', 'What they agreed to do', 'text'],
              ] as const
            ).map(([key, label, type]) => (
              <div class="sub-field" key={key}>
                <label for={`${key}-${person.id}`}>
                  {label} ({index + 1})
                </label>
                <input id={`${key}-${person.id}`} type={type} list={undefined} value={person[key]} onInput={(e) => updatePerson(person.id, { [key]: e.currentTarget.value })} />
              </div>
            ))}
            <button type="button" class="quiet" onClick={() => update({ ...plan, supportPeople: plan.supportPeople.filter((p) => p.id !== person.id) })}>
              Remove {person.name.trim() || `person ${index + 1}`}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => update({ ...plan, supportPeople: [...plan.supportPeople, { id: newId(), name: '', relationship: '', phone: '', email: '', willDo: '' }] })}
        >
          Add a support person
        </button>
      </fieldset>

      {TEXT_FIELDS.map(({ field, label, hint }) => (
        <div class="field" key={field}>
          <label for={`plan-${field}`}>{label}</label>
          <p class="hint muted" id={`plan-${field}-hint`}>{hint}</p>
          <textarea id={`plan-${field}`} aria-describedby={`plan-${field}-hint`} value={plan[field]} onInput={(e) => update({ ...plan, [field]: e.currentTarget.value })} />
        </div>
      ))}

      <div class="field">
        <label for="plan-review">Review my plan on</label>
        <input id="plan-review" type="date" value={plan.reviewDate} onInput={(e) => update({ ...plan, reviewDate: e.currentTarget.value })} />
      </div>
    </section>
  );
}
