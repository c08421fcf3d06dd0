/*
 * The cost-benefit analysis (SMART Recovery's four boxes, ../shared/CARE.md): what using gives me,
 * what it costs me, what not using gives me, what it costs me, each in the person's own words, one
 * item a line. Kept with the plan (plan version 3) and offered on the pause page once written.
 * Every box is honest on purpose: what using gives is written down too, never argued with.
 */
import type { MessageKey } from '../i18n/i18n';
import type { CostBenefitFields, Plan } from './plan';
import { checkLines, type SafetyListCheck } from './safety-plan';

export type CostBenefitField = keyof CostBenefitFields;

/** Short lists, to read in a hard moment and to print: a few lines a box, each a sentence or two. */
export const COST_BENEFIT_LIMITS = {
  /** Items in one box. */
  lines: 12,
  /** Characters in one item. */
  lineLength: 200,
} as const;

/** The four boxes in the order they are read (using first, then not using), each with its heading and hint. */
export const COST_BENEFIT_BOXES = [
  { field: 'cbaUsingGives', title: 'costBenefit_usingGives', hint: 'costBenefit_usingGivesHint' },
  { field: 'cbaUsingCosts', title: 'costBenefit_usingCosts', hint: 'costBenefit_usingCostsHint' },
  { field: 'cbaNotUsingGives', title: 'costBenefit_notUsingGives', hint: 'costBenefit_notUsingGivesHint' },
  { field: 'cbaNotUsingCosts', title: 'costBenefit_notUsingCosts', hint: 'costBenefit_notUsingCostsHint' },
] as const satisfies readonly { field: CostBenefitField; title: MessageKey; hint: MessageKey }[];

export const COST_BENEFIT_FIELDS: readonly CostBenefitField[] = COST_BENEFIT_BOXES.map((box) => box.field);

/** A box's text as its items; too many or too long is refused (nothing changes), never cut short. */
export function checkCostBenefitLines(text: string): SafetyListCheck {
  return checkLines(text, COST_BENEFIT_LIMITS);
}

/** The message for a refused box, with the limit it broke. */
export function costBenefitProblem(problem: 'tooManyLines' | 'lineTooLong'): { key: MessageKey; limit: number } {
  return problem === 'tooManyLines'
    ? { key: 'costBenefit_tooManyLines', limit: COST_BENEFIT_LIMITS.lines }
    : { key: 'costBenefit_lineTooLong', limit: COST_BENEFIT_LIMITS.lineLength };
}

/** True once any box holds something: only then does the pause page offer them. */
export function hasCostBenefit(plan: Plan): boolean {
  return COST_BENEFIT_FIELDS.some((field) => (plan[field] ?? []).some((item) => item.trim().length > 0));
}
