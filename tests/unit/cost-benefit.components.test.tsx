// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { FourBoxes } from '../../components/FourBoxes';
import { PlanEditor } from '../../components/PlanEditor';
import { emptyPlan, type Plan } from '../../lib/plan/plan';

afterEach(cleanup);

describe('the four boxes in the plan editor', () => {
  test('typing in a box stores its lines with the rest of the plan', async () => {
    const onSave = vi.fn((_: Plan) => Promise.resolve());
    render(<PlanEditor initial={{ ...emptyPlan(), reasons: ['My kids'] }} onSave={onSave} />);
    fireEvent.input(screen.getByLabelText('What not using gives me'), { target: { value: 'Clear mornings\n\nMoney saved ' } });
    await waitFor(() =>
      expect(onSave).toHaveBeenLastCalledWith(expect.objectContaining({ reasons: ['My kids'], cbaNotUsingGives: ['Clear mornings', 'Money saved'] })),
    );
  });

  test('too many lines is said next to the box and stores nothing', async () => {
    const onSave = vi.fn((_: Plan) => Promise.resolve());
    render(<PlanEditor initial={emptyPlan()} onSave={onSave} />);
    const box = screen.getByLabelText('What using costs me');
    fireEvent.input(box, { target: { value: Array.from({ length: 13 }, (_, i) => `Cost ${i}`).join('\n') } });
    await waitFor(() => expect(box.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('cba-cbaUsingCosts-error')!.textContent).toBe('Keep each box to 12 lines or fewer; this change isn’t saved yet.');
    expect(onSave).not.toHaveBeenCalled();
    // Fixed: the message goes and the box is stored.
    fireEvent.input(box, { target: { value: 'Money' } });
    await waitFor(() => expect(onSave).toHaveBeenLastCalledWith(expect.objectContaining({ cbaUsingCosts: ['Money'] })));
    expect(box.getAttribute('aria-invalid')).toBeNull();
  });
});

describe('the four boxes on the pause page', () => {
  test('closed until opened, each filled box under its heading, empty ones left out', () => {
    render(<FourBoxes plan={{ ...emptyPlan(), cbaUsingGives: ['A break'], cbaNotUsingGives: ['Clear mornings', ' '] }} editHref="#four-boxes" />);
    const details = document.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(screen.getByText('Look at your four boxes').tagName).toBe('SUMMARY');
    const headings = [...details.querySelectorAll('h3')].map((h) => h.textContent);
    expect(headings).toEqual(['What using gives me', 'What not using gives me']);
    expect([...details.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['A break', 'Clear mornings']);
    expect(screen.getByRole('link', { name: 'Change your four boxes', hidden: true }).getAttribute('href')).toBe('#four-boxes');
  });

  test('nothing at all when every box is empty', () => {
    const { container } = render(<FourBoxes plan={emptyPlan()} editHref="#four-boxes" />);
    expect(container.childElementCount).toBe(0);
  });
});
