import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emptyPlan, type Plan } from '../../lib/plan/plan';
import { loadPlan, planItem } from '../../lib/plan/plan-item';
import { UNDO_WINDOW_MS } from '../../lib/triggers/cooling-off';
import { parseTrigger } from '../../lib/triggers/parse-trigger';
import type { Trigger } from '../../lib/triggers/trigger';
import { triggerListItem } from '../../lib/triggers/trigger-list';
import { answersIn, withIfThen, withReason, withSupportPerson } from '../../lib/welcome/plan-answers';
import { nextPlace, previousPlace, stepNumber } from '../../lib/welcome/steps';
import { addTrigger, exampleState, takeBackTrigger, TRIGGER_EXAMPLES } from '../../lib/welcome/trigger-examples';
import { loadWelcome, welcomeItem } from '../../lib/welcome/welcome-item';
import { createWelcomeStore } from '../../lib/welcome/welcome-store';

const NOW = Date.UTC(2026, 10, 26, 12);

describe('the welcome state item (local:welcome, version 1)', () => {
  test('a fresh install starts at the first step, with nothing pointed at', async () => {
    expect(await loadWelcome()).toEqual({ place: 'streak' });
  });

  test('is stored under its own key, as a plain object a migration can read', async () => {
    await welcomeItem.setValue({ place: 'plan', reason: 'My daughter', ifThenStepId: 's1' });
    const stored = await fakeBrowser.storage.local.get('welcome');
    expect(stored.welcome).toEqual({ place: 'plan', reason: 'My daughter', ifThenStepId: 's1' });
    expect(await loadWelcome()).toEqual({ place: 'plan', reason: 'My daughter', ifThenStepId: 's1' });
  });

  test.each([
    ['an unknown place', { place: 'somewhere', supportPersonId: 'p1' }, { place: 'streak', supportPersonId: 'p1' }],
    ['pointers of the wrong type', { place: 'help', reason: 3, ifThenStepId: '' }, { place: 'help' }],
    ['not an object', 'help', { place: 'streak' }],
  ])('%s is read safely: the first step, keeping what is usable', async (_name, stored, expected) => {
    await fakeBrowser.storage.local.set({ welcome: stored, welcome$: { v: 1 } });
    expect(await loadWelcome()).toEqual(expected);
  });
});

describe('moving between steps', () => {
  test.each([
    ['streak', 1, 'triggers', undefined],
    ['triggers', 2, 'plan', 'streak'],
    ['plan', 3, 'help', 'triggers'],
    ['help', 4, 'done', 'plan'],
  ] as const)('%s is step %i; Next goes to %s, Back to %s', (step, number, next, back) => {
    expect(stepNumber(step)).toBe(number);
    expect(nextPlace(step)).toBe(next);
    expect(previousPlace(step)).toBe(back);
  });

  test('from the last screen, Back returns to the fourth step and Next stays', () => {
    expect(previousPlace('done')).toBe('help');
    expect(nextPlace('done')).toBe('done');
  });
});

describe("the welcome's answers in the plan", () => {
  const own: Plan = {
    ...emptyPlan(),
    reasons: ['My job'],
    ifThenSteps: [{ id: 'mine', when: 'payday', then: 'go to the gym' }],
    supportPeople: [{ id: 'sam', name: 'Sam', relationship: 'brother', phone: '1', email: '', willDo: '' }],
  };

  test("a reason is added after the person's own, edited in place, and taken away when emptied", () => {
    const first = withReason(own, undefined, '  My dau ');
    expect(first).toEqual({ plan: { ...own, reasons: ['My job', 'My dau'] }, reason: 'My dau' });
    const second = withReason(first.plan, first.reason, 'My daughter');
    expect(second.plan.reasons).toEqual(['My job', 'My daughter']);
    const gone = withReason(second.plan, second.reason, '   ');
    expect(gone).toEqual({ plan: own, reason: undefined });
  });

  test("a reason the same as one of the person's own changes the welcome's copy, the last one", () => {
    const copy = withReason(own, undefined, 'My job');
    expect(copy.plan.reasons).toEqual(['My job', 'My job']);
    expect(withReason(copy.plan, copy.reason, 'My job and home').plan.reasons).toEqual(['My job', 'My job and home']);
  });

  test('a reason edited away in "My recovery" is not hunted for: the new one is added', () => {
    expect(withReason(own, 'Gone now', 'Health').plan.reasons).toEqual(['My job', 'Health']);
  });

  test('the if-then step is added by id, edited in place, and other steps are never touched', () => {
    const added = withIfThen(own, 'w', { when: 'alone on Friday', then: '' });
    expect(added.ifThenSteps).toEqual([own.ifThenSteps[0], { id: 'w', when: 'alone on Friday', then: '' }]);
    const edited = withIfThen(added, 'w', { when: 'alone on Friday', then: 'call Sam' });
    expect(edited.ifThenSteps[1]).toEqual({ id: 'w', when: 'alone on Friday', then: 'call Sam' });
    expect(withIfThen(edited, 'w', { when: ' ', then: '' }).ifThenSteps).toEqual(own.ifThenSteps);
  });

  test('the support person keeps what "My recovery" added about them, and goes only when nothing is left', () => {
    const added = withSupportPerson(own, 'w', { name: 'Alex', phone: '', email: '' });
    expect(added.supportPeople).toEqual([own.supportPeople[0], { id: 'w', name: 'Alex', relationship: '', phone: '', email: '', willDo: '' }]);
    const described = { ...added, supportPeople: added.supportPeople.map((p) => (p.id === 'w' ? { ...p, willDo: 'answer at night' } : p)) };
    const renamed = withSupportPerson(described, 'w', { name: '', phone: '', email: '' });
    expect(renamed.supportPeople[1]).toMatchObject({ name: '', willDo: 'answer at night' });
    expect(withSupportPerson(added, 'w', { name: '', phone: '', email: '' }).supportPeople).toEqual(own.supportPeople);
  });

  test('answersIn finds them again, and shows nothing for what has gone', () => {
    const plan = withSupportPerson(withIfThen(withReason(own, undefined, 'Health').plan, 'w', { when: 'a', then: 'b' }), 'p', {
      name: 'Alex',
      phone: '07700 900000',
      email: '',
    });
    expect(answersIn(plan, { place: 'help', reason: 'Health', ifThenStepId: 'w', supportPersonId: 'p' })).toEqual({
      reason: 'Health',
      ifThen: { when: 'a', then: 'b' },
      person: { name: 'Alex', phone: '07700 900000', email: '' },
    });
    expect(answersIn(own, { place: 'help', reason: 'Health', ifThenStepId: 'w', supportPersonId: 'p' })).toEqual({
      reason: '',
      ifThen: { when: '', then: '' },
      person: { name: '', phone: '', email: '' },
    });
  });
});

describe('saving as the person types', () => {
  test('every keystroke lands, in order, beside the plan already stored', async () => {
    await planItem.setValue({ ...emptyPlan(), reasons: ['My job'] });
    let n = 0;
    const store = createWelcomeStore(() => `id${++n}`);
    // Not awaited one by one: as fast as a person types.
    const typing = ['M', 'My', 'My d', 'My daughter'].map((text) => store.saveReason(text));
    const steps = [
      { when: 'alone', then: '' },
      { when: 'alone', then: 'call Sam' },
    ].map((values) => store.saveIfThen(values));
    const person = store.savePerson({ name: 'Sam', phone: '+44 7700 900123', email: '' });
    await Promise.all([...typing, ...steps, person]);
    const plan = await loadPlan();
    expect(plan.reasons).toEqual(['My job', 'My daughter']);
    expect(plan.ifThenSteps).toEqual([{ id: 'id1', when: 'alone', then: 'call Sam' }]);
    expect(plan.supportPeople).toEqual([{ id: 'id2', name: 'Sam', relationship: '', phone: '+44 7700 900123', email: '', willDo: '' }]);
    expect(await loadWelcome()).toEqual({ place: 'streak', reason: 'My daughter', ifThenStepId: 'id1', supportPersonId: 'id2' });
  });

  test('the place is remembered without touching the answers', async () => {
    const store = createWelcomeStore(() => 'x');
    await store.saveReason('Health');
    await store.goTo('help');
    expect(await loadWelcome()).toEqual({ place: 'help', reason: 'Health' });
  });
});

describe('trigger examples', () => {
  const trigger = (site: string, addedAt: number): Trigger => {
    const parsed = parseTrigger(site, [], addedAt, () => site);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.trigger;
  };

  test('every example is a site "My recovery" accepts, and none is a messenger people need for support', () => {
    for (const { site } of TRIGGER_EXAMPLES) expect(parseTrigger(site, []).ok, site).toBe(true);
    expect(TRIGGER_EXAMPLES.map((e) => e.site)).toContain('reddit.com/r/ketamine');
    expect(TRIGGER_EXAMPLES.map((e) => e.site).some((site) => /whatsapp|signal/.test(site))).toBe(false);
  });

  test.each([
    ['not in the list', [], { checked: false, canUntick: false }],
    ['just added', [trigger('reddit.com/r/ketamine', NOW - 1000)], { checked: true, canUntick: true }],
    ['added long ago', [trigger('reddit.com/r/ketamine', NOW - UNDO_WINDOW_MS)], { checked: true, canUntick: false }],
    ['covered by the whole site', [trigger('reddit.com', NOW)], { checked: true, canUntick: false }],
    ['only a narrower path listed', [trigger('reddit.com/r/ketamine/wiki', NOW)], { checked: false, canUntick: false }],
  ])('an example %s', (_name, list, expected) => {
    expect(exampleState('reddit.com/r/ketamine', list, NOW)).toMatchObject(expected);
  });

  test('adding goes through the same checks as "My recovery"; a mistake stores nothing', async () => {
    expect(await addTrigger('bluelight.org', { now: async () => NOW })).toMatchObject({ added: { display: 'bluelight.org', mode: 'pause' } });
    expect(await addTrigger('bluelight.org')).toEqual({ error: '“bluelight.org” is already in your list' });
    expect(await addTrigger('not a site')).toEqual({ error: expect.stringContaining('has a space in it') });
    expect(await addTrigger('ftp://x.org')).toEqual({ error: expect.stringContaining('web sites (http and https) only') });
    expect((await triggerListItem.getValue()).map((t) => t.display)).toEqual(['bluelight.org']);
  });

  test('only a fresh addition can be taken back here', async () => {
    await triggerListItem.setValue([trigger('old.example', NOW - UNDO_WINDOW_MS), trigger('new.example', NOW - 1)]);
    expect(await takeBackTrigger('old.example', { now: async () => NOW })).toBe(false);
    expect(await takeBackTrigger('new.example', { now: async () => NOW })).toBe(true);
    expect((await triggerListItem.getValue()).map((t) => t.display)).toEqual(['old.example']);
  });
});
