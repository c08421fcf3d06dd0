// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { MilestoneTimeline } from '../../components/progress/MilestoneTimeline';
import { RiskHeatmap } from '../../components/progress/RiskHeatmap';
import { TurnedBack } from '../../components/progress/TurnedBack';
import { UrgeTrend } from '../../components/progress/UrgeTrend';
import { YearCalendar } from '../../components/progress/YearCalendar';
import { dayMarks, yearCalendar } from '../../lib/progress/calendar';
import { dayFromText, localClock } from '../../lib/time/days';

const dayNumber = (text: string) => dayFromText(text)!;
import type { TrendPoint } from '../../lib/progress/urge-trend';

afterEach(cleanup);

/** Opens the disclosure whose summary reads `summary` (its content is drawn only then), as a click would. */
function openDisclosure(summary: string, nth = 0) {
  const details = screen.getAllByText(summary)[nth]!.closest('details')!;
  details.open = true;
  fireEvent(details, new Event('toggle'));
}

const LONDON = 'Europe/London';
const halt = { hungry: false, angry: false, lonely: false, tired: false };

describe('YearCalendar', () => {
  const marks = dayMarks(
    [{ id: 'c', type: 'checkin', at: Date.parse('2026-03-03T20:00:00Z'), tz: LONDON, mood: 3, craving: 4, halt }],
    [{ id: 's', type: 'setback', at: Date.parse('2026-03-09T12:00:00Z'), tz: LONDON }],
    localClock(LONDON),
  );
  const weeks = yearCalendar({ year: 2026, marks, startedOn: dayNumber('2026-03-01'), today: dayNumber('2026-03-12') });

  test('is a grid whose days say what happened, with one tab stop on today', () => {
    render(<YearCalendar year={2026} weeks={weeks} initialDay={dayNumber('2026-03-12')} />);
    const grid = screen.getByRole('grid', { name: 'Days of 2026' });
    expect(
      within(grid)
        .getAllByRole('gridcell')
        .filter((c) => c.hasAttribute('data-day')),
    ).toHaveLength(365);
    within(grid).getByRole('gridcell', { name: 'Tuesday, 3 March 2026: a day without use, you checked in (urge 4 of 10)' });
    within(grid).getByRole('gridcell', { name: 'Monday, 9 March 2026: a setback day' });
    within(grid).getByRole('gridcell', { name: 'Saturday, 28 February 2026: before your streak' });
    within(grid).getByRole('gridcell', { name: 'Friday, 13 March 2026: still to come' });
    const focusable = grid.querySelectorAll('[tabindex="0"]');
    expect(focusable).toHaveLength(1);
    expect(focusable[0]?.getAttribute('aria-label')).toBe('Thursday, 12 March 2026: today');
    within(grid)
      .getAllByRole('rowheader')
      .forEach((header, i) => expect(header.textContent).toContain(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][i]));
  });

  test('arrow keys move a week sideways and a day up and down; the line below names the day', async () => {
    render(<YearCalendar year={2026} weeks={weeks} initialDay={dayNumber('2026-03-12')} />);
    const grid = screen.getByRole('grid');
    fireEvent.keyDown(grid, { key: 'ArrowLeft' });
    await waitFor(() => expect(grid.querySelector('[tabindex="0"]')?.getAttribute('aria-label')).toMatch(/^Thursday, 5 March 2026/));
    fireEvent.keyDown(grid, { key: 'ArrowUp' });
    await waitFor(() => expect(grid.querySelector('[tabindex="0"]')?.getAttribute('aria-label')).toMatch(/^Wednesday, 4 March 2026/));
    expect(document.querySelector('.day-detail')?.textContent).toMatch(/^Wednesday, 4 March 2026: a day without use$/);
    fireEvent.keyDown(grid, { key: 'Home' });
    await waitFor(() => expect(grid.querySelector('[tabindex="0"]')?.getAttribute('aria-label')).toMatch(/^Thursday, 1 January 2026/));
  });
});

describe('UrgeTrend', () => {
  const points: TrendPoint[] = [
    { start: dayNumber('2026-02-23'), craving: 6, checkins: 3, urgeBefore: 8, urgeAfter: 3, urges: 2 },
    { start: dayNumber('2026-03-02'), checkins: 0, urges: 0 },
    { start: dayNumber('2026-03-09'), craving: 3.5, checkins: 2, urges: 0 },
  ];

  test('the chart is an image named by its sentence, and its numbers are a table', async () => {
    const pointsFor = vi.fn(() => points);
    render(<UrgeTrend pointsFor={pointsFor} surf={{ pairs: 2, averageBefore: 7.5, averageAfter: 3, fell: 2 }} />);
    screen.getByRole('img', { name: 'Your average urge at check-in went from 6 to 3.5 out of 10 over this time.' });
    expect(screen.queryByRole('table')).toBeNull(); // drawn when asked for
    openDisclosure('Show the numbers');
    const table = await screen.findByRole('table', { name: 'Urges over time' });
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows[1]).toBe('23 Feb 20266383');
    expect(rows[2]).toBe('2 Mar 2026none0nonenone');
    screen.getByText('You surfed 2 urges to the end. On average they went from 7.5 to 3 out of 10 while you waited; 2 of them fell.');
    screen.getByRole('img', { name: 'Average urge before surfing: 7.5 of 10; after: 3 of 10' });
  });

  test('week, month and year are toggle buttons', () => {
    const pointsFor = vi.fn(() => points);
    render(<UrgeTrend pointsFor={pointsFor} />);
    expect(screen.getByRole('button', { name: 'By week' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'By month' }));
    expect(pointsFor).toHaveBeenLastCalledWith('month');
    expect(screen.getByRole('button', { name: 'By month' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'By year' }));
    expect(pointsFor).toHaveBeenLastCalledWith('year');
    expect(screen.getByRole('button', { name: 'By year' }).getAttribute('aria-pressed')).toBe('true');
    screen.getByText('When you surf an urge to the end, you will see here how much it fell while you waited.');
  });

  test('with nothing recorded, it says so', () => {
    render(<UrgeTrend pointsFor={() => [{ start: 0, checkins: 0, urges: 0 }]} />);
    screen.getByRole('img', { name: 'No check-ins or surfed urges in this time yet.' });
  });
});

describe('RiskHeatmap', () => {
  const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  grid[4]![20] = 6;
  grid[5]![21] = 5;

  test('the heatmap is named by its sentence; the counts by part of the day are a table; the button adds the window', async () => {
    const onAddToPlan = vi.fn(async () => 'Added');
    render(
      <RiskHeatmap
        grid={grid}
        window={{ days: [4, 5], part: 'evening', count: 11, total: 11, name: 'Friday and Saturday evenings' }}
        onAddToPlan={onAddToPlan}
        status=""
      />,
    );
    screen.getByRole('img', { name: 'Most of your urges come on Friday and Saturday evenings.' });
    openDisclosure('Show the numbers');
    const table = await screen.findByRole('table', { name: 'When urges come' });
    expect(within(table).getByRole('row', { name: /Friday/ }).textContent).toBe('Friday0006');
    fireEvent.click(screen.getByRole('button', { name: 'Add “Friday and Saturday evenings” to my plan' }));
    await waitFor(() => expect(onAddToPlan).toHaveBeenCalledWith('Friday and Saturday evenings'));
  });

  test('with too little, no sentence of a pattern and no button', () => {
    render(<RiskHeatmap grid={grid} onAddToPlan={vi.fn()} status="" />);
    screen.getByRole('img', { name: /not enough yet/ });
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('TurnedBack and MilestoneTimeline', () => {
  test('turned back: the three counts, what counts, and the sites as a table', () => {
    render(<TurnedBack counts={{ week: 1, month: 3, all: 12, left: 9, closed: 3, bySite: [{ site: 'a.example', count: 12 }] }} />);
    expect(screen.getAllByRole('definition').map((d) => d.textContent)).toEqual(['1 time', '3 times', '12 times']);
    screen.getByText(/“Take me away” \(9\) or closed the page \(3\)/);
    expect(within(screen.getByRole('table', { name: 'By site' })).getByRole('row', { name: /a\.example/ }).textContent).toBe('a.example12');
  });

  test('milestones in order, earlier streaks said kindly, and the next', () => {
    render(
      <MilestoneTimeline
        timeline={{
          reached: [
            { days: 30, reachedOn: dayNumber('2025-01-31'), current: false },
            { days: 365, reachedOn: dayNumber('2026-03-01'), current: true },
          ],
          next: { days: 730, reachedOn: dayNumber('2027-03-01'), daysToGo: 1 },
        }}
      />,
    );
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '30 days reached on Friday, 31 January 2025, in an earlier streak',
      '1 year reached on Sunday, 1 March 2026',
    ]);
    screen.getByText('Next: 2 years on Monday, 1 March 2027, tomorrow');
    expect(screen.queryByText(/earlier milestone/)).toBeNull();
  });

  test('years of streaks: the latest ten show, the ones before are one click away', async () => {
    // 26 milestones: a year of weekly ones from 2016, then the current streak's.
    const reached = Array.from({ length: 26 }, (_, i) => ({
      days: 7 * (i + 1),
      reachedOn: dayNumber('2016-01-01') + 7 * i,
      current: i >= 20,
    }));
    render(<MilestoneTimeline timeline={{ reached, next: { days: 200, reachedOn: dayNumber('2017-01-01'), daysToGo: 3 } }} />);
    const items = () => screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items()).toHaveLength(10);
    expect(items()[0]).toBe('119 days reached on Friday, 22 April 2016, in an earlier streak');
    expect(items()[9]).toMatch(/^182 days reached on /);
    openDisclosure('16 earlier milestones');
    await waitFor(() => expect(items()).toHaveLength(26));
    expect(items()[0]).toBe('7 days reached on Friday, 1 January 2016, in an earlier streak');
  });
});
