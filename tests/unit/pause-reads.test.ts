import { describe, expect, test, vi } from 'vitest';
import { emptyPlan, type Plan } from '../../lib/plan/plan';
import { startPauseReads, type PauseSources } from '../../lib/pause/pause-reads';
import type { RecoveryState } from '../../lib/history/recovery-state';
import type { Trigger } from '../../lib/triggers/trigger';

const PLAN: Plan = { ...emptyPlan(), copingStrategies: ['Cold water on my face'], ifThenSteps: [{ id: 'a', when: 'after work', then: 'call Sam' }] };
const SITE: Trigger = { id: 't1', kind: 'site', mode: 'pause', display: 'trigger.test', host: 'trigger.test', addedAt: 0 };

/** Sources that answer at once, except the history, which never opens unless given. */
function sources(over: Partial<PauseSources> = {}): PauseSources {
  return {
    readPlan: vi.fn(async () => PLAN),
    readTriggers: async () => [SITE],
    readRecent: async () => [],
    writeRecent: vi.fn(async () => {}),
    readSettings: async () => ({ waitSeconds: 45, coolingOffHours: 24 }),
    readLists: vi.fn(async () => []),
    readHistory: () => new Promise<RecoveryState>(() => {}),
    random: () => 0,
    ...over,
  };
}

describe('the pause page reads (issue 19: the plan never waits for the history)', () => {
  test('the plan, the prompt, the trigger and the wait come while the history has not opened', async () => {
    const s = sources();
    const first = await startPauseReads('https://trigger.test/page', s).first;
    expect(first.plan?.ifThenSteps[0]?.then).toBe('call Sam');
    expect(first.trigger?.id).toBe('t1');
    expect(first.waitSeconds).toBe(45);
    expect(first.prompt.id).toBeTruthy();
    expect(first.problems).toEqual([]);
    // A trigger matched: the imported lists (possibly megabytes) are not read.
    expect(s.readLists).not.toHaveBeenCalled();
    // The chosen prompt is remembered, so the next pause shows another.
    expect(s.writeRecent).toHaveBeenCalledWith([first.prompt.id]);
  });

  test('the plan is read once: the history gets the same read', async () => {
    let givenPlan: Plan | undefined;
    const s = sources({
      readHistory: async (readPlan) => {
        givenPlan = await readPlan();
        return { problems: [], plan: givenPlan };
      },
    });
    const reads = startPauseReads('https://trigger.test/', s);
    await Promise.all([reads.first, reads.history]);
    expect(s.readPlan).toHaveBeenCalledTimes(1);
    expect(givenPlan).toBe(PLAN);
  });

  test('an address no trigger holds is looked up in the imported lists', async () => {
    const s = sources({
      readTriggers: async () => [],
      readLists: vi.fn(async () => [{ id: 'l1', name: 'My list', mode: 'pause' as const, addedAt: 0, domains: ['listed.test'] }]),
    });
    const first = await startPauseReads('https://www.listed.test/x', s).first;
    expect(s.readLists).toHaveBeenCalledTimes(1);
    expect(first.trigger?.display).toBe('listed.test');
  });

  test('storage failing leaves the plan out, says so, and a built-in prompt still shows', async () => {
    const error = async () => {
      throw new Error('IO error');
    };
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const first = await startPauseReads('https://trigger.test/', sources({ readPlan: error, readTriggers: error, readRecent: error, readSettings: error }))
      .first;
    expect(first.plan).toBeUndefined();
    expect(first.trigger).toBeUndefined();
    expect(first.problems).toEqual(['storage']);
    expect(first.prompt.id).toBeTruthy();
    vi.restoreAllMocks();
  });
});
