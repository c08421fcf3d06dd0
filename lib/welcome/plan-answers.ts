import type { IfThenStep, Plan, SupportPerson } from '../plan/plan';
import type { Welcome } from './welcome-item';

/**
 * The welcome asks for one reason, one if-then step and one support person, and adds them to the
 * plan beside whatever is already there (a restored backup, words written in "My recovery").
 * It finds its own again through the pointers in the welcome state, so editing them on a later
 * visit changes those and nothing else.
 */
export interface PlanAnswers {
  reason: string;
  ifThen: Pick<IfThenStep, 'when' | 'then'>;
  person: Pick<SupportPerson, 'name' | 'phone' | 'email'>;
}

const blank = (value: string) => value.trim() === '';

/** The welcome's answers as they stand in the plan now; empty where they have gone (removed in "My recovery"). */
export function answersIn(plan: Plan, welcome: Welcome): PlanAnswers {
  const step = plan.ifThenSteps.find((s) => s.id === welcome.ifThenStepId);
  const person = plan.supportPeople.find((p) => p.id === welcome.supportPersonId);
  return {
    reason: welcome.reason !== undefined && plan.reasons.includes(welcome.reason) ? welcome.reason : '',
    ifThen: { when: step?.when ?? '', then: step?.then ?? '' },
    person: { name: person?.name ?? '', phone: person?.phone ?? '', email: person?.email ?? '' },
  };
}

/**
 * The plan with the welcome's reason set to `text`: replacing the one it wrote before (`previous`,
 * found from the end, where the welcome adds it), else added after the person's own; an empty
 * text takes it away. Returns the reason as stored, for the welcome state.
 */
export function withReason(plan: Plan, previous: string | undefined, text: string): { plan: Plan; reason?: string } {
  const reason = text.trim();
  const reasons = [...plan.reasons];
  const at = previous === undefined ? -1 : reasons.lastIndexOf(previous);
  if (at >= 0 && reason) reasons[at] = reason;
  else if (at >= 0) reasons.splice(at, 1);
  else if (reason) reasons.push(reason);
  return { plan: { ...plan, reasons }, reason: reason || undefined };
}

/** The plan with the step `id` holding `values`: added after the others when new, taken away when emptied. */
export function withIfThen(plan: Plan, id: string, values: PlanAnswers['ifThen']): Plan {
  const exists = plan.ifThenSteps.some((s) => s.id === id);
  if (blank(values.when) && blank(values.then)) return { ...plan, ifThenSteps: plan.ifThenSteps.filter((s) => s.id !== id) };
  const ifThenSteps = exists ? plan.ifThenSteps.map((s) => (s.id === id ? { ...s, ...values } : s)) : [...plan.ifThenSteps, { id, ...values }];
  return { ...plan, ifThenSteps };
}

/**
 * The plan with the support person `id` holding `values`, keeping what else was written about
 * them in "My recovery"; taken away only when nothing about them is left.
 */
export function withSupportPerson(plan: Plan, id: string, values: PlanAnswers['person']): Plan {
  const existing = plan.supportPeople.find((p) => p.id === id);
  const person: SupportPerson = { id, relationship: '', willDo: '', ...existing, ...values };
  const empty = [person.name, person.phone, person.email, person.relationship, person.willDo].every(blank);
  if (empty) return { ...plan, supportPeople: plan.supportPeople.filter((p) => p.id !== id) };
  const supportPeople = existing ? plan.supportPeople.map((p) => (p.id === id ? person : p)) : [...plan.supportPeople, person];
  return { ...plan, supportPeople };
}
