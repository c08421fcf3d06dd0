import { describe, expect, test } from 'vitest';
import { HELP_SERVICES } from '../../lib/help/directory';
import { emptyPlan } from '../../lib/plan/plan';
import { planV2FromV1 } from '../../lib/plan/plan-item';
import { checkSafetyLines, directoryRef, isSafetyPlanEmpty, myServiceRef, SAFETY_LIMITS, SAFETY_STEPS, shownSafetyPlan } from '../../lib/plan/safety-plan';

const sam = { id: 'p1', name: 'Sam', relationship: 'friend', phone: '07700 900123', email: '', willDo: 'Pick up' };
const clinic = { id: 'm1', name: 'Clinic', phone: '0300 123 4567', sms: '', url: '', note: '' };

describe('the safety plan', () => {
  test('has the seven steps of the Safety Planning Intervention, reasons for living last', () => {
    expect(SAFETY_STEPS.map((s) => s.field)).toEqual([
      'safetyWarningSigns',
      'safetyOnMyOwn',
      'safetyDistractions',
      'safetyHelpers',
      'safetyServices',
      'safetySurroundings',
      'reasonsForLiving',
    ]);
  });

  test('a step is its non-empty lines, trimmed', () => {
    expect(checkSafetyLines('  Walk \n\n Music  \n')).toEqual({ ok: true, items: ['Walk', 'Music'] });
    expect(checkSafetyLines('')).toEqual({ ok: true, items: [] });
  });

  test.each([
    ['too many lines', Array.from({ length: SAFETY_LIMITS.lines + 1 }, (_, i) => `Line ${i}`).join('\n'), 'tooManyLines'],
    ['a line too long', 'x'.repeat(SAFETY_LIMITS.lineLength + 1), 'lineTooLong'],
  ])('%s is refused, not cut short', (_name, text, problem) => {
    expect(checkSafetyLines(text)).toEqual({ ok: false, problem });
  });

  test('the longest allowed is kept whole', () => {
    const text = Array.from({ length: SAFETY_LIMITS.lines }, () => 'y'.repeat(SAFETY_LIMITS.lineLength)).join('\n');
    expect(checkSafetyLines(text)).toMatchObject({ ok: true });
  });

  test('shown: people and services are looked up, in the order picked; one since removed is left out', () => {
    const plan = {
      ...emptyPlan(),
      supportPeople: [sam],
      safetyHelpers: ['gone', 'p1'],
      safetyServices: [myServiceRef('m1'), directoryRef('uk-samaritans'), directoryRef('no-such-line'), myServiceRef('gone')],
      reasonsForLiving: [' My kids ', ''],
    };
    const shown = shownSafetyPlan(plan, HELP_SERVICES, [clinic]);
    expect(shown.helpers).toEqual([sam]);
    expect(shown.services.map((s) => s.name)).toEqual(['Clinic', 'Samaritans']);
    expect(shown.services[1]).toMatchObject({ id: 'uk-samaritans', phone: '116 123' });
    expect(shown.lists.reasonsForLiving).toEqual(['My kids']);
    expect(isSafetyPlanEmpty(shown)).toBe(false);
  });

  test('an empty plan, or one whose picks are all gone, is empty', () => {
    expect(isSafetyPlanEmpty(shownSafetyPlan(emptyPlan(), HELP_SERVICES, []))).toBe(true);
    expect(isSafetyPlanEmpty(shownSafetyPlan({ ...emptyPlan(), safetyHelpers: ['gone'], safetyServices: ['mine:gone'] }, HELP_SERVICES, []))).toBe(true);
  });

  test('plan version 1 → 2 adds the steps empty and keeps everything written', () => {
    const {
      safetyWarningSigns: _a,
      safetyOnMyOwn: _b,
      safetyDistractions: _c,
      safetyHelpers: _d,
      safetyServices: _e,
      safetySurroundings: _f,
      reasonsForLiving: _g,
      ...v1
    } = {
      ...emptyPlan(),
      reasons: ['Mia'],
    };
    expect(planV2FromV1(v1)).toEqual({ ...emptyPlan(), reasons: ['Mia'] });
  });
});
