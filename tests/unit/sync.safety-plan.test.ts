/*
 * The safety plan in opt-in sync: its steps merge field by field like the rest of the plan, a
 * browser with an older Steadfast (no safety steps in its copy) neither is refused nor wipes them,
 * and the fullest safety plan the editor allows fits the browser's quotas.
 */
import { describe, expect, test } from 'vitest';
import { emptyPlan, type Plan } from '../../lib/plan/plan';
import { loadPlan, planItem } from '../../lib/plan/plan-item';
import { SAFETY_LIMITS } from '../../lib/plan/safety-plan';
import { defaultSettings } from '../../lib/settings/settings-item';
import { META_KEY, splitIntoChunks, SYNC_FORMAT } from '../../lib/sync/chunks';
import type { LocalConfig } from '../../lib/sync/local-doc';
import { SYNC_QUOTA, totalBytes } from '../../lib/sync/quota';
import { readRemote, reconcile } from '../../lib/sync/reconcile';
import { syncNow, turnOnSync } from '../../lib/sync/sync-store';
import { FakeSyncArea } from '../fakes/sync-area';

const T0 = Date.UTC(2026, 10, 1);
const config = (plan: Plan): LocalConfig => ({ triggers: [], plan, settings: defaultSettings(), partner: null, pending: [] });
const written = (local: LocalConfig, remote: Record<string, unknown> = {}, now = T0) => ({
  ...remote,
  ...reconcile({ local, base: null, remote }, now).write!.set,
});

describe('the safety plan in sync', () => {
  test('a step written in another browser arrives here; a step written here stays', async () => {
    const area = new FakeSyncArea();
    area.items = written(config({ ...emptyPlan(), reasonsForLiving: ['My sister'], safetyHelpers: ['p1'] }));
    await planItem.setValue({ ...emptyPlan(), safetyOnMyOwn: ['Cold water on my face'] });
    await turnOnSync();
    expect(await syncNow(area, T0 + 1_000)).toBe('synced');
    const plan = await loadPlan();
    expect(plan.reasonsForLiving).toEqual(['My sister']);
    expect(plan.safetyHelpers).toEqual(['p1']);
    expect(plan.safetyOnMyOwn).toEqual(['Cold water on my face']);
    expect(readRemote(area.items).doc.plan?.safetyOnMyOwn?.value).toEqual(['Cold water on my face']);
  });

  test('a browser with an older Steadfast (a plan without safety steps) is read, and does not wipe them', () => {
    const older = written(config({ ...emptyPlan(), reasons: ['From the old browser'] }));
    // What the older Steadfast wrote: its plan part has no safety steps at all.
    const { doc } = readRemote(older);
    const plan = doc.plan as unknown as Record<string, unknown>;
    const withoutSafety = Object.fromEntries(Object.entries(plan).filter(([key]) => !key.startsWith('safety') && key !== 'reasonsForLiving'));
    const { info, items } = splitIntoChunks('plan', JSON.stringify(withoutSafety));
    const remote = { ...items, [META_KEY]: { format: SYNC_FORMAT, parts: { plan: info } } };
    const read = readRemote(remote);
    expect(read.ignored).toEqual([]);
    const here = config({ ...emptyPlan(), reasonsForLiving: ['Mine'] });
    const result = reconcile({ local: here, base: null, remote }, T0 + 1_000);
    expect(result.applied.plan.reasons).toEqual(['From the old browser']);
    expect(result.applied.plan.reasonsForLiving).toEqual(['Mine']);
  });

  test("a browser that last merged before the safety plan existed does not overwrite another browser's steps with its empty ones", () => {
    const other = written(config({ ...emptyPlan(), safetySurroundings: ['No supply at home'] }), {}, T0);
    // This browser's last merge had no safety steps (written by the older version of itself).
    const base = reconcile({ local: config(emptyPlan()), base: null, remote: {} }, T0 - 10_000).merged;
    const basePlan = Object.fromEntries(Object.entries(base.plan).filter(([key]) => !key.startsWith('safety') && key !== 'reasonsForLiving'));
    const result = reconcile({ local: config(emptyPlan()), base: { ...base, plan: basePlan as typeof base.plan }, remote: other }, T0 + 60_000);
    expect(result.applied.plan.safetySurroundings).toEqual(['No supply at home']);
  });

  test("the fullest safety plan the editor allows, in any script, fits the browser's sync quotas", () => {
    // Three bytes a character in UTF-8 (CJK), the longest line, as many lines as allowed, in every step.
    const line = '安'.repeat(SAFETY_LIMITS.lineLength);
    const lines = Array.from({ length: SAFETY_LIMITS.lines }, () => line);
    const ids = Array.from({ length: SAFETY_LIMITS.picks }, (_, i) => `directory:service-${i}-${'x'.repeat(30)}`);
    const fullest: Plan = {
      ...emptyPlan(),
      safetyWarningSigns: lines,
      safetyOnMyOwn: lines,
      safetyDistractions: lines,
      safetySurroundings: lines,
      reasonsForLiving: lines,
      safetyHelpers: ids,
      safetyServices: ids,
    };
    const result = reconcile({ local: config(fullest), base: null, remote: {} }, T0);
    expect(result.report.tooLarge).toEqual([]);
    expect(totalBytes(result.write!.set)).toBeLessThanOrEqual(SYNC_QUOTA.bytes);
  });
});

describe('the four boxes in sync', () => {
  test('a box written in another browser arrives here; a box written here stays', async () => {
    const area = new FakeSyncArea();
    area.items = written(config({ ...emptyPlan(), cbaNotUsingGives: ['Clear mornings'] }));
    await planItem.setValue({ ...emptyPlan(), cbaUsingCosts: ['Money'] });
    await turnOnSync();
    expect(await syncNow(area, T0 + 1_000)).toBe('synced');
    expect(await loadPlan()).toMatchObject({ cbaNotUsingGives: ['Clear mornings'], cbaUsingCosts: ['Money'] });
    expect(readRemote(area.items).doc.plan?.cbaUsingCosts?.value).toEqual(['Money']);
  });

  test('a browser with a Steadfast from before the boxes is read, and does not wipe them', () => {
    const older = written(config({ ...emptyPlan(), reasons: ['From the old browser'] }));
    const plan = readRemote(older).doc.plan as unknown as Record<string, unknown>;
    const withoutBoxes = Object.fromEntries(Object.entries(plan).filter(([key]) => !key.startsWith('cba')));
    const { info, items } = splitIntoChunks('plan', JSON.stringify(withoutBoxes));
    const remote = { ...items, [META_KEY]: { format: SYNC_FORMAT, parts: { plan: info } } };
    expect(readRemote(remote).ignored).toEqual([]);
    const result = reconcile({ local: config({ ...emptyPlan(), cbaUsingGives: ['Mine'] }), base: null, remote }, T0 + 1_000);
    expect(result.applied.plan.reasons).toEqual(['From the old browser']);
    expect(result.applied.plan.cbaUsingGives).toEqual(['Mine']);
  });
});
