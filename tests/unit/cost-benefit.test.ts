import { describe, expect, test } from 'vitest';
import { checkCostBenefitLines, COST_BENEFIT_LIMITS, costBenefitProblem, hasCostBenefit } from '../../lib/plan/cost-benefit';
import { emptyPlan, planV3FromV2, type PlanV2 } from '../../lib/plan/plan';
import { t } from '../../lib/i18n/i18n';

describe('the four boxes: what a box may hold', () => {
  test('one item a line, blank lines and spaces left out', () => {
    expect(checkCostBenefitLines('  A break \n\n Feeling part of it  \n')).toEqual({ ok: true, items: ['A break', 'Feeling part of it'] });
    expect(checkCostBenefitLines('')).toEqual({ ok: true, items: [] });
  });

  test.each([
    ['too many lines', Array.from({ length: COST_BENEFIT_LIMITS.lines + 1 }, (_, i) => `Line ${i}`).join('\n'), 'tooManyLines'],
    ['a line too long', 'x'.repeat(COST_BENEFIT_LIMITS.lineLength + 1), 'lineTooLong'],
  ] as const)('%s is refused, never cut short', (_, text, problem) => {
    expect(checkCostBenefitLines(text)).toEqual({ ok: false, problem });
  });

  test('exactly at the limits is kept', () => {
    const full = Array.from({ length: COST_BENEFIT_LIMITS.lines }, () => 'x'.repeat(COST_BENEFIT_LIMITS.lineLength)).join('\n');
    expect(checkCostBenefitLines(full)).toMatchObject({ ok: true });
  });

  test('each refusal says what to do, with the limit, and that nothing was saved', () => {
    const many = costBenefitProblem('tooManyLines');
    const long = costBenefitProblem('lineTooLong');
    expect(t(many.key, [many.limit])).toBe('Keep each box to 12 lines or fewer; this change isn’t saved yet.');
    expect(t(long.key, [long.limit])).toBe('Keep each line under 200 characters; this change isn’t saved yet.');
  });

  test('the pause page offers them only once a box holds something', () => {
    expect(hasCostBenefit(emptyPlan())).toBe(false);
    expect(hasCostBenefit({ ...emptyPlan(), cbaNotUsingCosts: ['  '] })).toBe(false);
    expect(hasCostBenefit({ ...emptyPlan(), cbaNotUsingCosts: ['Long evenings'] })).toBe(true);
  });
});

describe('plan version 2 → 3', () => {
  test('every box starts empty and nothing the person wrote changes', () => {
    const { cbaUsingGives: _a, cbaUsingCosts: _b, cbaNotUsingGives: _c, cbaNotUsingCosts: _d, ...v2 } = { ...emptyPlan(), reasons: ['My kids'] };
    const migrated = planV3FromV2(v2 satisfies PlanV2);
    expect(migrated).toEqual({ ...emptyPlan(), reasons: ['My kids'] });
  });

  test('a box already there (a newer build wrote it without its meta) stays', () => {
    const v2 = { ...emptyPlan(), cbaUsingCosts: ['Money'] };
    expect(planV3FromV2(v2).cbaUsingCosts).toEqual(['Money']);
  });
});
