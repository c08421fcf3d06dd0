/*
 * The personal safety plan (Stanley and Brown's Safety Planning Intervention; ../shared/CARE.md):
 * its steps in order, how long it may be, and the plan as a crisis screen shows it, with the
 * people and services it names looked up. Pure: the caller passes the directory and the person's
 * own services.
 */
import type { HelpService } from '../help/directory';
import type { MyService } from '../help/my-services';
import type { MessageKey } from '../i18n/i18n';
import type { Plan, SafetyPlanFields, SupportPerson } from './plan';

/** The steps a person writes in their own words, one item a line. */
export type SafetyListField = 'safetyWarningSigns' | 'safetyOnMyOwn' | 'safetyDistractions' | 'safetySurroundings' | 'reasonsForLiving';

/**
 * Short enough to read in a crisis and to print on one or two pages; together the plan stays far
 * inside the sync quota (tests/unit/safety-plan.test.ts checks the fullest plan fits).
 */
export const SAFETY_LIMITS = {
  /** Items in one step. */
  lines: 20,
  /** Characters in one item. */
  lineLength: 300,
  /** People or services picked. */
  picks: 20,
} as const;

/** The seven steps in the order the plan is read, each with its heading and the hint under it. */
export const SAFETY_STEPS = [
  { field: 'safetyWarningSigns', title: 'safety_warningSigns', hint: 'safety_warningSignsHint' },
  { field: 'safetyOnMyOwn', title: 'safety_onMyOwn', hint: 'safety_onMyOwnHint' },
  { field: 'safetyDistractions', title: 'safety_distractions', hint: 'safety_distractionsHint' },
  { field: 'safetyHelpers', title: 'safety_helpers', hint: 'safety_helpersHint' },
  { field: 'safetyServices', title: 'safety_services', hint: 'safety_servicesHint' },
  { field: 'safetySurroundings', title: 'safety_surroundings', hint: 'safety_surroundingsHint' },
  { field: 'reasonsForLiving', title: 'safety_reasonsForLiving', hint: 'safety_reasonsForLivingHint' },
] as const satisfies readonly { field: keyof SafetyPlanFields; title: MessageKey; hint: MessageKey }[];

export type SafetyListCheck = { ok: true; items: string[] } | { ok: false; problem: 'tooManyLines' | 'lineTooLong' };

/** A "one a line" text box as its items within `limits`; too many or too long is refused, never cut short. */
export function checkLines(text: string, limits: { lines: number; lineLength: number }): SafetyListCheck {
  const items = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (items.length > limits.lines) return { ok: false, problem: 'tooManyLines' };
  if (items.some((item) => item.length > limits.lineLength)) return { ok: false, problem: 'lineTooLong' };
  return { ok: true, items };
}

/** A step's text box as its items; too many or too long is refused, never cut short. */
export function checkSafetyLines(text: string): SafetyListCheck {
  return checkLines(text, SAFETY_LIMITS);
}

/** A service a step can name: one from the region's directory, or one of the person's own. */
export const directoryRef = (id: string): string => `directory:${id}`;
export const myServiceRef = (id: string): string => `mine:${id}`;

/** A service as the plan shows it: a name and the ways to reach it. */
export interface SafetyService {
  ref: string;
  id?: string;
  name: string;
  phone: string | null;
  sms: string | null;
  url: string | null;
}

/** The safety plan ready to show: the written steps, and the people and services found. */
export interface ShownSafetyPlan {
  lists: Pick<SafetyPlanFields, SafetyListField>;
  helpers: SupportPerson[];
  services: SafetyService[];
}

/** Looks up each picked person and service; one since removed is left out, never shown broken. */
export function shownSafetyPlan(plan: Plan, directory: readonly HelpService[], mine: readonly MyService[]): ShownSafetyPlan {
  const people = new Map(plan.supportPeople.map((p) => [p.id, p]));
  const byRef = new Map<string, SafetyService>([
    ...directory.map((s): [string, SafetyService] => [
      directoryRef(s.id),
      { ref: directoryRef(s.id), id: s.id, name: s.name, phone: s.phone, sms: s.sms, url: s.url },
    ]),
    ...mine.map((s): [string, SafetyService] => [
      myServiceRef(s.id),
      { ref: myServiceRef(s.id), name: s.name, phone: s.phone || null, sms: s.sms || null, url: s.url || null },
    ]),
  ]);
  const clean = (items: readonly string[]) => items.map((item) => item.trim()).filter((item) => item.length > 0);
  return {
    lists: {
      safetyWarningSigns: clean(plan.safetyWarningSigns),
      safetyOnMyOwn: clean(plan.safetyOnMyOwn),
      safetyDistractions: clean(plan.safetyDistractions),
      safetySurroundings: clean(plan.safetySurroundings),
      reasonsForLiving: clean(plan.reasonsForLiving),
    },
    helpers: plan.safetyHelpers.flatMap((id) => people.get(id) ?? []),
    services: plan.safetyServices.flatMap((ref) => byRef.get(ref) ?? []),
  };
}

/** True when the person has written or picked nothing in any step. */
export function isSafetyPlanEmpty(shown: ShownSafetyPlan): boolean {
  return Object.values(shown.lists).every((list) => list.length === 0) && shown.helpers.length === 0 && shown.services.length === 0;
}
