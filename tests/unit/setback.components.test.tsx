// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { SetbackForm } from '../../components/SetbackForm';
import { categoryOf } from '../../lib/help/categories';
import { crisisLinesFor } from '../../lib/help/crisis-lines';

afterEach(cleanup);

const sam = { id: 'p1', name: 'Sam', relationship: 'friend', phone: '07700 900123', email: '', willDo: '' };
const urgentLines = crisisLinesFor('GB').filter((s) => categoryOf(s.id) === 'emergency');

function renderForm(over: Partial<Parameters<typeof SetbackForm>[0]> = {}) {
  const props = {
    urgentLines,
    supportPeople: [sam],
    onLog: vi.fn(async () => ({ ok: true as const, id: 's1' })),
    totalDays: 45,
    onLearn: vi.fn(async () => undefined),
    onAddToPlan: vi.fn(async () => {}),
    planHref: '#plan',
    safetyPlanHref: '#safety-plan',
    ...over,
  };
  const view = render(<SetbackForm {...props} />);
  return { ...view, props };
}

const headings = () => screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent);

describe('logging a setback: safety, then kindness, then the next 24 hours, then learning', () => {
  test('the steps come in that order, each only after the one before', async () => {
    const { props } = renderForm();
    // Safety first, with the emergency and urgent numbers on screen before anything else.
    expect(headings()).toEqual(['First: are you safe right now?']);
    expect(screen.getByRole('link', { name: 'Call 999' }).getAttribute('href')).toBe('tel:999');
    expect(screen.getByRole('link', { name: 'Call 111' }).getAttribute('href')).toBe('tel:111');
    expect(screen.getByText(/drowsy or confused, have chest pain, or cannot pass urine/)).toBeTruthy();
    expect(screen.queryByText(/A lapse is not a relapse/)).toBeNull();
    expect(screen.queryByLabelText('What led to it? (optional)')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Log this setback' }));
    await screen.findByText(/A lapse is not a relapse/);
    expect(props.onLog).toHaveBeenCalledOnce();
    expect(headings()).toEqual(['First: are you safe right now?', 'Be kind to yourself']);
    expect(screen.getByText(/The days before still count: 45 days without use in all/)).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Be kind to yourself'));

    fireEvent.click(screen.getByRole('button', { name: 'Next: the next 24 hours' }));
    await screen.findByRole('heading', { name: 'The next 24 hours' });
    expect(screen.queryByLabelText('What led to it? (optional)')).toBeNull();
    for (const item of ['Eat something', 'Drink some water', 'Rest, and sleep if you can', 'Get rid of anything that is left']) {
      expect(screen.getByLabelText(new RegExp(item))).toBeTruthy();
    }
    // One support person, one click, the words ready written.
    const text = screen.getByRole('link', { name: 'Text Sam' }).getAttribute('href')!;
    expect(text).toMatch(/^sms:07700900123\?body=/);
    expect(decodeURIComponent(text.split('body=')[1]!)).toBe('I’ve had a setback and could do with some support. Can we talk?');
    expect(screen.getByRole('link', { name: 'Open my safety plan' }).getAttribute('href')).toBe('#safety-plan');

    fireEvent.click(screen.getByRole('button', { name: 'Answer now' }));
    await screen.findByLabelText('What led to it? (optional)');
    expect(headings()).toEqual(['First: are you safe right now?', 'Be kind to yourself', 'The next 24 hours', 'What can I learn? (when you’re ready)']);
  });

  test('not safe, or used alone: says what to do now, and saves none of it', async () => {
    const { props } = renderForm();
    fireEvent.click(screen.getByLabelText('I’m not sure'));
    expect(await screen.findByText(/Please call one of the numbers above now/)).toBeTruthy();
    fireEvent.click(screen.getAllByLabelText('Yes')[1]!);
    expect(await screen.findByText(/try not to stay on your own/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Log this setback' }));
    await screen.findByText(/A lapse is not a relapse/);
    expect(props.onLog).toHaveBeenCalledWith();
  });

  test('learning saves the answers, and one click adds the change to the plan as an if-then step', async () => {
    const { props } = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Log this setback' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Next: the next 24 hours' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Answer now' }));
    fireEvent.input(await screen.findByLabelText('What led to it? (optional)'), { target: { value: 'Payday, alone' } });
    fireEvent.input(screen.getByLabelText('What has helped me before? (optional)'), { target: { value: 'Calling Sam' } });
    fireEvent.input(screen.getByLabelText('One change to my plan (optional)'), { target: { value: 'Go to Sam’s on payday' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add this change to my plan' }));
    await screen.findByText('Added to your plan as an if-then step.');
    expect(props.onAddToPlan).toHaveBeenCalledWith('Payday, alone', 'Go to Sam’s on payday');
    fireEvent.click(screen.getByRole('button', { name: 'Save what I’ve learnt' }));
    await screen.findByText(/Saved with this setback/);
    expect(props.onLearn).toHaveBeenCalledWith('s1', { whatLedToIt: 'Payday, alone', whatHelpedBefore: 'Calling Sam', oneChange: 'Go to Sam’s on payday' });
  });

  test('"come back to it tomorrow" keeps the questions for later, and a later visit offers them', async () => {
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Log this setback' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Next: the next 24 hours' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Come back to it tomorrow' }));
    expect(await screen.findByText(/Kept for later/)).toBeTruthy();
    expect(screen.queryByLabelText('What led to it? (optional)')).toBeNull();
    cleanup();

    const { props } = renderForm({ followUp: { id: 'old', day: '5 December 2026' } });
    expect(screen.getByText(/You logged a setback on 5 December 2026/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Answer now' }));
    fireEvent.input(await screen.findByLabelText('What has helped me before? (optional)'), { target: { value: 'A walk' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save what I’ve learnt' }));
    await screen.findByText(/Saved with this setback/);
    expect(props.onLearn).toHaveBeenCalledWith('old', { whatLedToIt: '', whatHelpedBefore: 'A walk', oneChange: '' });
    expect(props.onLog).not.toHaveBeenCalled();
  });

  test('somewhere without a number of ours still says to call the local emergency number', () => {
    renderForm({ urgentLines: [] });
    expect(screen.getByText('If you are in danger, call your local emergency number now.')).toBeTruthy();
  });

  test("when it can't be logged, it says so and stays on safety", async () => {
    renderForm({ onLog: vi.fn(async () => ({ ok: false as const, message: 'Your history isn’t open yet.' })) });
    fireEvent.click(screen.getByRole('button', { name: 'Log this setback' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Your history isn’t open yet.');
    expect(headings()).toEqual(['First: are you safe right now?']);
  });
});
