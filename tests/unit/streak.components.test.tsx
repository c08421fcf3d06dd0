// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { Celebration } from '../../components/Celebration';
import { StreakStartForm } from '../../components/StreakStartForm';
import { StreakSummary } from '../../components/StreakSummary';
import { computeStreak } from '../../lib/history/streak';
import { dayFromText } from '../../lib/time/days';

afterEach(cleanup);

const LONDON = 'Europe/London';
const streakOn = (startedOn: string, today: string) =>
  computeStreak({ startedOn: dayFromText(startedOn)!, setbacks: [], now: Date.parse(`${today}T12:00:00Z`), timeZone: LONDON });

describe('StreakSummary', () => {
  test.each([
    ['2026-05-01', '2026-05-01', 'ketamine', 'Today is a fresh start', null, 'Next milestone: 1 day, tomorrow', '0 days'],
    ['2026-05-01', '2026-05-02', undefined, '1 day without use', '1 day', 'Next milestone: 3 days, in 2 days', '1 day'],
    ['2026-05-01', '2026-05-11', 'ketamine', '10 days without ketamine', '10 days', 'Next milestone: 14 days, in 4 days', '10 days'],
    ['2025-05-01', '2026-05-01', undefined, '365 days without use', '365 days', 'Next milestone: 2 years, in 365 days', '365 days'],
  ])('from %s to %s (%s): %s', (startedOn, today, substance, headline, figure, next, longest) => {
    render(<StreakSummary streak={streakOn(startedOn, today)} substance={substance} />);
    expect(document.querySelector('.streak-day')!.textContent).toBe(headline);
    expect(document.querySelector('.streak-number')?.textContent ?? null).toBe(figure);
    expect(document.querySelector('.streak-next')!.textContent).toBe(next);
    expect(screen.getByText('Longest streak').nextElementSibling!.textContent).toBe(longest);
    expect(screen.getByText('Total days without use').nextElementSibling!.textContent).toBe(longest);
  });

  test('the day of a setback after 23 days: a fresh start beside "Longest streak 23 days", never a bigger number', () => {
    const streak = computeStreak({
      startedOn: dayFromText('2026-05-01')!,
      setbacks: [{ at: Date.parse('2026-05-24T09:00:00+01:00'), tz: LONDON }],
      now: Date.parse('2026-05-24T20:00:00+01:00'),
      timeZone: LONDON,
    });
    render(<StreakSummary streak={streak} />);
    expect(document.querySelector('.streak-day')!.textContent).toBe('Today is a fresh start');
    expect(screen.getByText('Longest streak').nextElementSibling!.textContent).toBe('23 days');
    expect(screen.getByText('Total days without use').nextElementSibling!.textContent).toBe('23 days');
  });
});

describe('Celebration', () => {
  test('names the milestone and one of their reasons', () => {
    const done = vi.fn();
    render(<Celebration days={365} reason="Seeing my niece grow up" onDone={done} />);
    expect(screen.getByRole('heading').textContent).toBe('1 year. Well done.');
    expect(screen.getByText('Seeing my niece grow up').tagName).toBe('STRONG');
    expect(screen.getByRole('status').textContent).toContain("You're doing this for: Seeing my niece grow up");
    fireEvent.click(screen.getByRole('button', { name: 'Thank you' }));
    expect(done).toHaveBeenCalledOnce();
  });
});

describe('StreakStartForm', () => {
  test('shows the reason a day was refused', async () => {
    render(<StreakStartForm today="2026-05-01" onSave={async () => 'That date is in the future. Choose today or an earlier day.'} />);
    expect(screen.getByLabelText('Days without (optional)').getAttribute('placeholder')).toBe('ketamine');
    fireEvent.click(screen.getByRole('button', { name: 'Save start day' }));
    expect((await screen.findByRole('alert')).textContent).toContain('in the future');
  });
});
