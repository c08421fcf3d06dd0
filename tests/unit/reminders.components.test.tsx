// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ReminderLine } from '../../components/ReminderLine';
import { Reminders } from '../../components/Reminders';
import { DEFAULT_REMINDERS } from '../../lib/reminders/reminders-item';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const checkinSwitch = () => screen.getByRole('checkbox', { name: 'Remind me to check in each day' }) as HTMLInputElement;

describe('Reminders in My recovery', () => {
  test('all off by default; switching one on calls for the browser during the click itself; refused, the badge is said to remind instead', async () => {
    let answer!: (allowed: boolean) => void;
    const onSwitch = vi.fn(() => ({ saved: Promise.resolve(), allowed: new Promise<boolean>((resolve) => (answer = resolve)) }));
    const { rerender } = render(<Reminders state={DEFAULT_REMINDERS} onSwitch={onSwitch} onTiming={async () => undefined} />);
    for (const box of screen.getAllByRole('checkbox')) expect((box as HTMLInputElement).checked).toBe(false);
    fireEvent.click(checkinSwitch());
    // Synchronously, before anything awaited: the browser only asks during the click.
    expect(onSwitch).toHaveBeenCalledWith('checkin', true);
    rerender(
      <Reminders state={{ ...DEFAULT_REMINDERS, checkin: { ...DEFAULT_REMINDERS.checkin, on: true } }} onSwitch={onSwitch} onTiming={async () => undefined} />,
    );
    answer(false);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(/^Your browser hasn't allowed notifications, so a dot on Steadfast's toolbar button/),
    );
  });

  test('a refused time or number of weeks says why, and the page names the nudge and that it stays on the device', async () => {
    const onTiming = vi.fn(async () => 'Choose a whole number of weeks from 1 to 26.');
    render(<Reminders state={DEFAULT_REMINDERS} onSwitch={vi.fn()} onTiming={onTiming} nudgeLine="There isn't enough history yet." />);
    fireEvent.change(screen.getByLabelText('Weeks between plan reviews'), { target: { value: '99' } });
    expect(onTiming).toHaveBeenCalledWith({ field: 'weeks', value: 99 });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Choose a whole number of weeks from 1 to 26.'));
    expect(document.body.textContent).toContain('nothing leaves it');
    expect(document.body.textContent).toContain("There isn't enough history yet.");
  });

  test('the welcome offers only the daily check-in', () => {
    render(<Reminders state={DEFAULT_REMINDERS} onSwitch={vi.fn()} onTiming={vi.fn()} only="checkin" />);
    expect(screen.getAllByRole('checkbox')).toHaveLength(1);
    expect(checkinSwitch()).toBeTruthy();
  });
});

describe("the popup's reminder line", () => {
  test('a check-in: check in now, or snooze; a nudge: coping tools or done (never snooze)', () => {
    const actions = { onCheckIn: vi.fn(), onSnooze: vi.fn(), onDone: vi.fn(), planHref: '#plan', copingHref: '#coping' };
    const { rerender } = render(<ReminderLine pending={{ kind: 'checkin', at: 1, via: 'badge' }} {...actions} />);
    expect(screen.getByRole('region', { name: 'Reminder' }).textContent).toContain('Time for your check-in');
    fireEvent.click(screen.getByRole('button', { name: 'Check in now' }));
    fireEvent.click(screen.getByRole('button', { name: 'Snooze for 1 hour' }));
    expect(actions.onCheckIn).toHaveBeenCalledOnce();
    expect(actions.onSnooze).toHaveBeenCalledOnce();
    rerender(<ReminderLine pending={{ kind: 'nudge', at: 1, via: 'notification' }} {...actions} />);
    expect(screen.queryByRole('button', { name: 'Snooze for 1 hour' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Coping tools' }).getAttribute('href')).toBe('#coping');
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(actions.onDone).toHaveBeenCalledOnce();
  });
});
