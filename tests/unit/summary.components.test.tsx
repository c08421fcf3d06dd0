// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { SummaryView } from '../../components/summary/SummaryView';
import { summaryOf } from '../../lib/summary/summary';

afterEach(cleanup);

const now = Date.UTC(2026, 10, 6, 10);
const LONDON = 'Europe/London';

describe('the print view', () => {
  test('with nothing recorded it says so, and draws no empty calendar or tables', () => {
    const onPrint = vi.fn();
    render(<SummaryView summary={summaryOf({ events: [], start: null, plan: { reviewDate: '' }, now, timeZone: LONDON })} onPrint={onPrint} />);
    expect(screen.getByText(/Nothing has been recorded in the last four weeks yet/)).toBeTruthy();
    expect(document.querySelector('table')).toBeNull();
    expect(screen.getByText('From Saturday, 10 October 2026 to Friday, 6 November 2026')).toBeTruthy();
    // Printing is still the person's choice.
    fireEvent.click(screen.getByRole('button', { name: 'Print this summary' }));
    expect(onPrint).toHaveBeenCalledOnce();
  });

  test('a setback with its questions unanswered says "Nothing written yet", never blank, and no what-helped figures are made up', () => {
    const summary = summaryOf({
      events: [{ id: 's', type: 'setback', at: Date.UTC(2026, 10, 1, 21), tz: LONDON }],
      start: { startedOn: '2026-01-01' },
      plan: { reviewDate: '' },
      now,
      timeZone: LONDON,
    });
    render(<SummaryView summary={summary} onPrint={() => {}} />);
    expect(screen.getAllByText('Nothing written yet')).toHaveLength(5);
    expect(screen.getByText('No urge was rated again after waiting in these four weeks.')).toBeTruthy();
    expect(screen.getByText('No review date is set for the plan.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Sunday, 1 November 2026' })).toBeTruthy();
  });
});
