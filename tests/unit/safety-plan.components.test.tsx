// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { PlanEditor } from '../../components/PlanEditor';
import { PlanSheet } from '../../components/PlanSheet';
import { SafetyPlanView } from '../../components/SafetyPlanView';
import { HELP_SERVICES, servicesFor } from '../../lib/help/directory';
import { emptyPlan, type Plan } from '../../lib/plan/plan';
import { SAFETY_LIMITS, shownSafetyPlan } from '../../lib/plan/safety-plan';

afterEach(cleanup);

const HOSTILE = '<img src=x onerror="globalThis.pwned=1"><script>globalThis.pwned=1</script>';
const sam = { id: 'p1', name: 'Sam', relationship: 'friend', phone: '07700 900123', email: '', willDo: 'Pick up' };
const clinic = { id: 'm1', name: 'Clinic', phone: '0300 123 4567', sms: '', url: '', note: '' };
const pickable = { directory: servicesFor('GB'), regionName: 'the United Kingdom', mine: [clinic] };

function fakeStorage(initial: Plan) {
  let value = initial;
  const listeners = new Set<(p: Plan) => void>();
  return {
    get: () => value,
    set: vi.fn(async (next: Plan) => {
      value = structuredClone(next);
      queueMicrotask(() => listeners.forEach((l) => l(structuredClone(value))));
    }),
    watch: (listener: (p: Plan) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

describe('editing the safety plan in "My plan"', () => {
  test('each step saves as the person types; people and services are ticked', async () => {
    const store = fakeStorage({ ...emptyPlan(), supportPeople: [sam] });
    render(<PlanEditor initial={store.get()} onSave={store.set} watch={store.watch} pickable={pickable} />);
    fireEvent.input(screen.getByLabelText('1. My warning signs'), { target: { value: 'Not sleeping\n\nSkipping meals' } });
    fireEvent.input(screen.getByLabelText('7. My reasons for living'), { target: { value: 'My sister' } });
    const helpers = screen.getByRole('group', { name: '4. People I can ask for help' });
    fireEvent.click(within(helpers).getByLabelText('Sam'));
    const services = screen.getByRole('group', { name: '5. Professionals and services' });
    fireEvent.click(within(services).getByLabelText('Samaritans'));
    fireEvent.click(within(services).getByLabelText('Clinic'));
    await waitFor(() =>
      expect(store.get()).toMatchObject({
        safetyWarningSigns: ['Not sleeping', 'Skipping meals'],
        reasonsForLiving: ['My sister'],
        safetyHelpers: ['p1'],
        safetyServices: ['directory:uk-samaritans', 'mine:m1'],
      }),
    );
    // Unticking takes it out again.
    fireEvent.click(within(services).getByLabelText('Samaritans'));
    await waitFor(() => expect(store.get().safetyServices).toEqual(['mine:m1']));
  });

  test('a line over the limit says so and stores nothing; fixing it stores it', async () => {
    const store = fakeStorage({ ...emptyPlan(), safetyOnMyOwn: ['Walk'] });
    render(<PlanEditor initial={store.get()} onSave={store.set} watch={store.watch} pickable={pickable} />);
    const field = screen.getByLabelText('2. Things I can do on my own') as HTMLTextAreaElement;
    fireEvent.input(field, { target: { value: `Walk\n${'x'.repeat(SAFETY_LIMITS.lineLength + 1)}` } });
    await waitFor(() =>
      expect(
        screen
          .getAllByRole('alert')
          .map((a) => a.textContent)
          .join(''),
      ).toContain('Keep each line under 300 characters'),
    );
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(store.set).not.toHaveBeenCalled();
    fireEvent.input(field, { target: { value: 'Walk\nMusic' } });
    await waitFor(() => expect(store.get().safetyOnMyOwn).toEqual(['Walk', 'Music']));
    expect(field.getAttribute('aria-invalid')).toBeNull();
  });

  test('a change made elsewhere while a step is being edited is shown, and both are kept', async () => {
    const store = fakeStorage(emptyPlan());
    render(<PlanEditor initial={store.get()} onSave={store.set} watch={store.watch} pickable={pickable} />);
    const reasons = screen.getByLabelText('7. My reasons for living') as HTMLTextAreaElement;
    // Another tab (or sync) stores reasons for living.
    await store.set({ ...store.get(), reasonsForLiving: ['Seeing the sea'] });
    await waitFor(() => expect(reasons.value).toBe('Seeing the sea'));
    fireEvent.input(screen.getByLabelText('6. Making my surroundings safer'), { target: { value: 'No supply at home' } });
    await waitFor(() => expect(store.get()).toMatchObject({ reasonsForLiving: ['Seeing the sea'], safetySurroundings: ['No supply at home'] }));
  });

  test('removing a support person takes them out of the safety plan too', async () => {
    const store = fakeStorage({ ...emptyPlan(), supportPeople: [sam], safetyHelpers: ['p1'] });
    render(<PlanEditor initial={store.get()} onSave={store.set} watch={store.watch} pickable={pickable} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Sam' }));
    await waitFor(() => expect(store.get().safetyHelpers).toEqual([]));
  });

  test('print buttons print the chosen plan', () => {
    const onPrint = vi.fn();
    render(<PlanEditor initial={emptyPlan()} onSave={async () => {}} pickable={pickable} onPrint={onPrint} />);
    fireEvent.click(screen.getByRole('button', { name: 'Print my safety plan' }));
    fireEvent.click(screen.getByRole('button', { name: 'Print my plan' }));
    expect(onPrint.mock.calls).toEqual([['safety'], ['plan']]);
  });
});

describe('the safety plan shown (crisis screen, print)', () => {
  const hostilePlan: Plan = {
    ...emptyPlan(),
    supportPeople: [{ ...sam, name: HOSTILE, phone: `07700 900123 ${HOSTILE}` }],
    safetyWarningSigns: [HOSTILE],
    safetyOnMyOwn: [HOSTILE],
    safetyDistractions: [HOSTILE],
    safetySurroundings: [HOSTILE],
    reasonsForLiving: [HOSTILE],
    safetyHelpers: ['p1'],
    safetyServices: ['mine:m1'],
  };

  test('hostile text in every field renders as text, and links carry digits only', () => {
    const { container } = render(<SafetyPlanView plan={shownSafetyPlan(hostilePlan, HELP_SERVICES, [{ ...clinic, name: HOSTILE }])} editHref="#safety-plan" />);
    expect(container.querySelectorAll('img, script').length).toBe(0);
    expect(container.textContent!.split(HOSTILE).length - 1).toBeGreaterThanOrEqual(7);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
    const hrefs = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs.filter((h) => h?.startsWith('tel:')).length).toBeGreaterThan(0);
    expect(hrefs.filter((h) => h?.startsWith('tel:')).every((h) => /^tel:\+?\d+$/.test(h!))).toBe(true);
  });

  test("steps come in the plan's order, empty ones left out", () => {
    render(
      <SafetyPlanView
        plan={shownSafetyPlan(
          {
            ...emptyPlan(),
            reasonsForLiving: ['Mia'],
            safetyWarningSigns: ['Tired'],
            supportPeople: [sam],
            safetyHelpers: ['p1'],
            safetyServices: ['directory:uk-samaritans'],
          },
          HELP_SERVICES,
          [],
        )}
      />,
    );
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      '1. My warning signs',
      '4. People I can ask for help',
      '5. Professionals and services',
      '7. My reasons for living',
    ]);
    expect(screen.getByRole('link', { name: 'Call Sam' }).getAttribute('href')).toBe('tel:07700900123');
    expect(screen.getByRole('link', { name: 'Call 116 123' }).getAttribute('href')).toBe('tel:116123');
  });

  test('an empty plan says so', () => {
    render(<SafetyPlanView plan={shownSafetyPlan(emptyPlan(), HELP_SERVICES, [])} editHref="#safety-plan" />);
    expect(screen.getByText('Nothing written in your safety plan yet.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Edit my safety plan' }).getAttribute('href')).toBe('#safety-plan');
  });

  test('the printed relapse plan shows hostile text as text', () => {
    const { container } = render(
      <PlanSheet
        plan={{
          ...emptyPlan(),
          reasons: [HOSTILE],
          ifThenSteps: [{ id: 's', when: HOSTILE, then: HOSTILE }],
          supportPeople: [{ ...sam, name: HOSTILE }],
          afterASetback: HOSTILE,
        }}
      />,
    );
    expect(container.querySelectorAll('img, script').length).toBe(0);
    expect(container.textContent!.split(HOSTILE).length - 1).toBe(5);
  });
});

describe('the saving status', () => {
  test('says "Saved" only when the latest change is stored, not when an earlier save finishes', async () => {
    const pending: (() => void)[] = [];
    const onSave = vi.fn(() => new Promise<void>((done) => pending.push(done)));
    render(<PlanEditor initial={emptyPlan()} onSave={onSave} pickable={pickable} />);
    const field = screen.getByLabelText('7. My reasons for living');
    fireEvent.input(field, { target: { value: 'Seeing the sea' } });
    fireEvent.input(field, { target: { value: 'Seeing the sea again' } });
    // Once a save's promise has settled, the editor's own handler for it has run (it was attached
    // first); `act` then draws whatever that handler changed.
    await act(async () => {
      pending[0]!();
      await onSave.mock.results[0]!.value;
    });
    expect(screen.getByRole('status').textContent).toBe('Saving…');
    await act(async () => {
      pending[1]!();
      await onSave.mock.results[1]!.value;
    });
    expect(screen.getByRole('status').textContent).toBe('Saved on this device.');
  });
});
