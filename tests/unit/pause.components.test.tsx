// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ContinueAnyway } from '../../components/ContinueAnyway';
import { PlanSummary } from '../../components/PlanSummary';
import { emptyPlan } from '../../lib/plan/plan';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('PlanSummary', () => {
  test('an empty plan is an invitation', () => {
    render(<PlanSummary plan={emptyPlan()} editHref="#plan" />);
    expect(screen.getByText(/A plan written on a calm day is a friend on a hard one/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Start your plan' }).getAttribute('href')).toBe('#plan');
  });

  test('each if-then step reads as one sentence, the "then" in bold', () => {
    const plan = {
      ...emptyPlan(),
      reasons: ['My daughter'],
      ifThenSteps: [
        { id: 'a', when: "I'm alone on a Friday night", then: 'call Sam and go for a walk' },
        { id: 'b', when: '', then: 'drink a glass of water' },
        { id: 'c', when: 'I get paid', then: '' },
      ],
    };
    render(<PlanSummary plan={plan} editHref="#plan" />);
    const steps = screen.getByRole('heading', { name: "What you said you'd do" }).nextElementSibling!.querySelectorAll('li');
    expect([...steps].map((li) => li.textContent)).toEqual([
      "If I'm alone on a Friday night, then call Sam and go for a walk",
      'then drink a glass of water',
      'If I get paid, then …',
    ]);
    expect(steps[0]!.querySelector('strong')!.textContent).toBe('then call Sam and go for a walk');
    expect(screen.getByRole('heading', { name: 'Why this matters to you' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open my whole plan' })).toBeTruthy();
  });
});

describe('ContinueAnyway', () => {
  test('counts down in words, then offers the minutes, and shows a refusal', async () => {
    vi.useFakeTimers();
    const onContinue = vi.fn(async () => 'You set this to Block, so there is no way through from here.');
    render(<ContinueAnyway waitSeconds={2} minutes={[5, 15]} onContinue={onContinue} />);
    expect(screen.getByRole('timer').textContent).toMatch(/^You can choose to continue in 2 seconds\. Use the time/);
    expect(screen.getByRole('timer').querySelector('strong')!.textContent).toBe('2');
    await act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(screen.getByRole('timer').textContent).toMatch(/^You can choose to continue in 1 second\./);
    expect(screen.queryByRole('button')).toBeNull();
    await act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(screen.getByText(/^It's your choice\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Continue for 15 minutes' }));
    vi.useRealTimers();
    expect((await screen.findByText(/no way through/)).getAttribute('role')).toBe('alert');
    expect(onContinue).toHaveBeenCalledWith(15);
  });
});
