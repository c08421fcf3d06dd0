// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { PlanEditor } from '../../components/PlanEditor';
import { emptyPlan, withOutsideChange, type Plan } from '../../lib/plan/plan';

afterEach(cleanup);

const plan = (change: Partial<Plan>): Plan => ({ ...emptyPlan(), ...change });

describe('a change to the plan made elsewhere while it is being edited', () => {
  test('fields not touched here take the other change; fields touched here keep the edit', () => {
    const base = plan({ reasons: ['My daughter'], highRiskSituations: 'Payday' });
    const local = plan({ reasons: ['My daughter', 'My health'], highRiskSituations: 'Payday' });
    const incoming = plan({ reasons: ['My daughter'], highRiskSituations: 'Payday\nFriday evenings', dailyRoutine: 'Walk at eight' });
    expect(withOutsideChange(local, base, incoming)).toEqual(
      plan({ reasons: ['My daughter', 'My health'], highRiskSituations: 'Payday\nFriday evenings', dailyRoutine: 'Walk at eight' }),
    );
    // Both changed the same field: the person's edit here is kept (and stored again).
    expect(withOutsideChange(local, base, plan({ reasons: ['Someone else'] })).reasons).toEqual(['My daughter', 'My health']);
    // Nothing touched here: the stored plan as it is.
    expect(withOutsideChange(base, base, incoming)).toEqual(incoming);
  });

  /** A stand-in for the plan in storage: `set` stores and tells every watcher, as storage.onChanged does. */
  function fakeStorage(initial: Plan) {
    let value = initial;
    const listeners = new Set<(p: Plan) => void>();
    const tell = () => listeners.forEach((l) => l(structuredClone(value)));
    return {
      get: () => value,
      set: async (next: Plan) => {
        value = structuredClone(next);
        queueMicrotask(tell);
      },
      watch: (listener: (p: Plan) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
  }

  test('an open "My recovery" shows what Progress added, and typing afterwards keeps both', async () => {
    const store = fakeStorage(plan({ reasons: ['My daughter'], highRiskSituations: 'Payday' }));
    render(<PlanEditor initial={store.get()} onSave={store.set} watch={store.watch} />);
    const situations = screen.getByLabelText(/high-risk situations/i) as HTMLTextAreaElement;
    const reasons = screen.getByLabelText('My reasons (one a line)') as HTMLTextAreaElement;

    // Another tab stores the plan with a new high-risk situation.
    await store.set({ ...store.get(), highRiskSituations: 'Payday\nFriday evenings' });
    await waitFor(() => expect(situations.value).toBe('Payday\nFriday evenings'));

    // The person types a reason here: the stored plan holds both.
    fireEvent.input(reasons, { target: { value: 'My daughter\nMy health' } });
    await waitFor(() => expect(store.get()).toMatchObject({ reasons: ['My daughter', 'My health'], highRiskSituations: 'Payday\nFriday evenings' }));
  });

  test('a change arriving while the person is typing keeps their edit and stores the two together', async () => {
    const store = fakeStorage(plan({ reasons: ['My daughter'] }));
    // This page's writes are held until the test lets them through: the other change lands first.
    const held: (() => Promise<void>)[] = [];
    const slow = (next: Plan) => new Promise<void>((done) => held.push(() => store.set(next).then(done)));
    render(<PlanEditor initial={store.get()} onSave={slow} watch={store.watch} />);
    fireEvent.input(screen.getByLabelText('My reasons (one a line)'), { target: { value: 'My daughter\nMy health' } });
    expect(held).toHaveLength(1);
    await store.set({ ...plan({ reasons: ['My daughter'] }), dailyRoutine: 'Walk at eight' });
    await waitFor(() => expect((screen.getByLabelText(/daily protective routine/i) as HTMLTextAreaElement).value).toBe('Walk at eight'));
    // Now the held writes land (and any they lead to), in order.
    await waitFor(async () => {
      for (const write of held.splice(0)) await write();
      expect(store.get()).toMatchObject({ reasons: ['My daughter', 'My health'], dailyRoutine: 'Walk at eight' });
    });
    expect((screen.getByLabelText('My reasons (one a line)') as HTMLTextAreaElement).value).toBe('My daughter\nMy health');
    expect((screen.getByLabelText(/daily protective routine/i) as HTMLTextAreaElement).value).toBe('Walk at eight');
  });
});
