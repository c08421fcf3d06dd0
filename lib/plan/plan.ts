/**
 * The person's relapse prevention plan (fields from ../shared/DESIGN.md). Every field is
 * optional in spirit: an empty string or an empty list means "not written yet".
 */
export interface IfThenStep {
  id: string;
  /** The high-risk moment: "If I'm alone on a Friday night and feel the pull…" */
  when: string;
  /** What they will do: "…then I'll call Sam and go for a walk." */
  then: string;
}

export interface SupportPerson {
  id: string;
  name: string;
  /** What they are to the person: friend, sponsor, key worker… */
  relationship: string;
  phone: string;
  email: string;
  /** What they agreed to do when called. */
  willDo: string;
}

/**
 * The personal safety plan, in the steps of Stanley and Brown's Safety Planning Intervention
 * (../shared/CARE.md), each in the person's own words, one item a line. Added in plan version 2.
 */
export interface SafetyPlanFields {
  /** 1. Thoughts, moods, situations that tell me a crisis may be coming. */
  safetyWarningSigns: string[];
  /** 2. Things I can do on my own to take my mind off it. */
  safetyOnMyOwn: string[];
  /** 3. People and places that take my mind off it. */
  safetyDistractions: string[];
  /** 4. People I can ask for help: ids of `supportPeople` (one that is gone is skipped). */
  safetyHelpers: string[];
  /** 5. Professionals and services: `directory:<id>` (the region's help directory) or `mine:<id>` (the person's own services). */
  safetyServices: string[];
  /** 6. Making my surroundings safer (for drugs: not keeping a supply at home). */
  safetySurroundings: string[];
  /** 7. My reasons for living. */
  reasonsForLiving: string[];
}

/**
 * The cost-benefit analysis (SMART Recovery's four boxes, ../shared/CARE.md), in the person's own
 * words, one item a line. Added in plan version 3.
 */
export interface CostBenefitFields {
  /** What using gives me. */
  cbaUsingGives: string[];
  /** What using costs me. */
  cbaUsingCosts: string[];
  /** What not using gives me. */
  cbaNotUsingGives: string[];
  /** What not using costs me. */
  cbaNotUsingCosts: string[];
}

export interface Plan extends SafetyPlanFields, CostBenefitFields {
  /** What I am protecting: one reason a line. */
  reasons: string[];
  /** People, places, times, feelings that put me at risk (HALT). */
  highRiskSituations: string;
  earlyWarningSigns: string;
  ifThenSteps: IfThenStep[];
  /** One strategy a line. */
  copingStrategies: string[];
  supportPeople: SupportPerson[];
  professionalContacts: string;
  /** A setback is not the end: what I'll do if it happens. */
  afterASetback: string;
  dailyRoutine: string;
  /** `YYYY-MM-DD`, or '' when not set. */
  reviewDate: string;
}

export function emptySafetyPlan(): SafetyPlanFields {
  return {
    safetyWarningSigns: [],
    safetyOnMyOwn: [],
    safetyDistractions: [],
    safetyHelpers: [],
    safetyServices: [],
    safetySurroundings: [],
    reasonsForLiving: [],
  };
}

export function emptyCostBenefit(): CostBenefitFields {
  return { cbaUsingGives: [], cbaUsingCosts: [], cbaNotUsingGives: [], cbaNotUsingCosts: [] };
}

/** Plan version 2: the relapse prevention plan and the safety plan, before the four boxes. */
export type PlanV2 = Omit<Plan, keyof CostBenefitFields>;

/** Plan version 1 (storage and backup version 1): the relapse prevention plan alone, before the safety plan's steps. */
export type PlanV1 = Omit<PlanV2, keyof SafetyPlanFields>;

/** Version 1 → 2: every safety plan step starts empty; nothing the person wrote changes (a step already there stays). */
export function planV2FromV1(v1: PlanV1): PlanV2 {
  return { ...emptySafetyPlan(), ...v1 };
}

/** Version 2 → 3: the four boxes start empty; nothing the person wrote changes (a box already there stays). */
export function planV3FromV2(v2: PlanV2): Plan {
  return { ...emptyCostBenefit(), ...v2 };
}

export function emptyPlan(): Plan {
  return {
    ...emptySafetyPlan(),
    ...emptyCostBenefit(),
    reasons: [],
    highRiskSituations: '',
    earlyWarningSigns: '',
    ifThenSteps: [],
    copingStrategies: [],
    supportPeople: [],
    professionalContacts: '',
    afterASetback: '',
    dailyRoutine: '',
    reviewDate: '',
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A change to the stored plan made elsewhere (another tab, "add to my plan" on Progress, sync from
 * another browser) while a page edits it. `base` is the plan as this page last read or wrote it,
 * `local` what it shows now, `incoming` what is stored now. Each field the page has not touched since
 * `base` takes the incoming value; a field it has touched keeps the person's edit (the last writer
 * of a field wins, as sync does). So neither the other change nor what the person is typing is lost.
 */
export function withOutsideChange(local: Plan, base: Plan, incoming: Plan): Plan {
  const merged = { ...local };
  for (const key of Object.keys(emptyPlan()) as (keyof Plan)[]) {
    if (same(local[key], base[key])) (merged as Record<keyof Plan, unknown>)[key] = incoming[key];
  }
  return merged;
}

function hasText(value: string): boolean {
  return value.trim().length > 0;
}

/** True when the person has written nothing yet: the pause page then invites them to start. */
export function isPlanEmpty(plan: Plan): boolean {
  return (
    !plan.reasons.some(hasText) &&
    !plan.copingStrategies.some(hasText) &&
    !plan.ifThenSteps.some((step) => hasText(step.when) || hasText(step.then)) &&
    !plan.supportPeople.some((person) => hasText(person.name)) &&
    ![plan.highRiskSituations, plan.earlyWarningSigns, plan.professionalContacts, plan.afterASetback, plan.dailyRoutine].some(hasText)
  );
}

/** Splits a "one a line" text box into its non-empty lines. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Digits and a leading + only, for `tel:` and `sms:` links. */
export function dialable(phone: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  return digits.length === 0 ? '' : (trimmed.startsWith('+') ? '+' : '') + digits;
}

/** The plan with one more if-then step ("what I learnt after a setback", in one click). */
export function withIfThenStep(plan: Plan, when: string, then: string, id: string = crypto.randomUUID()): Plan {
  return { ...plan, ifThenSteps: [...plan.ifThenSteps, { id, when, then }] };
}
