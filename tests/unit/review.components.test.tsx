// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { PastReviews } from '../../components/review/PastReviews';
import type { WeeklyReview } from '../../lib/review/review';
import type { ReviewPageData } from '../../lib/review/reviews-store';
import { App } from '../../entrypoints/review/App';

afterEach(cleanup);

const review = (i: number, answers: Partial<WeeklyReview> = {}): WeeklyReview => ({
  id: `r${i}`,
  at: Date.UTC(2026, 0, 1) + i * 7 * 86_400_000,
  tz: 'Europe/London',
  weekEnding: new Date(Date.UTC(2026, 0, 1) + i * 7 * 86_400_000).toISOString().slice(0, 10),
  wentWell: `Week ${i} went well`,
  wasHard: i % 2 ? 'Friday night' : 'Work',
  planChange: '',
  ...answers,
});

describe('the weekly review page', () => {
  test('when the history cannot be read, it says so kindly and draws no empty week', async () => {
    render(<App loading={Promise.reject(new Error('IndexedDB is off'))} />);
    await screen.findByText(/could not read your history|history/i, { selector: '.problem-notice p' });
    expect(document.querySelector('main')!.hasAttribute('data-ready')).toBe(false);
    expect(screen.queryByRole('heading', { name: 'The last seven days' })).toBeNull();
  });

  test('past reviews: the newest ten at first, ten more on asking, and the search narrows them', async () => {
    const reviews = Array.from({ length: 25 }, (_, i) => review(i));
    render(<PastReviews reviews={reviews} />);
    expect(screen.getAllByRole('article')).toHaveLength(10);
    expect(screen.getAllByRole('heading', { level: 3 })[0]!.textContent).toContain(reviews[24]!.weekEnding.slice(0, 4));
    expect(screen.getByRole('status').textContent).toBe('25 reviews');
    fireEvent.click(screen.getByRole('button', { name: 'Show older reviews' }));
    expect(screen.getAllByRole('article')).toHaveLength(20);
    // Every word anywhere: "Friday" (the odd weeks) and a 1 (weeks 1, 11, 13, 15, 17, 19 and 21).
    fireEvent.input(screen.getByLabelText('Search your reviews'), { target: { value: 'friday 1' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('7 reviews'));
    expect(screen.getAllByRole('article')).toHaveLength(7);
    expect(screen.queryByRole('button', { name: 'Show older reviews' })).toBeNull();
    fireEvent.input(screen.getByLabelText('Search your reviews'), { target: { value: 'payday' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('No review has all of those words.'));
    expect(screen.queryAllByRole('article')).toHaveLength(0);
  });

  test('with no reviews yet, it says where the first will be', async () => {
    const data: ReviewPageData = {
      today: 20_000,
      zone: 'Europe/London',
      reviews: [],
      total: 0,
      all: async () => [],
      summary: {
        week: { from: 19_994, to: 20_000 },
        checkins: { count: 0, days: 0 },
        urges: { count: 0, eased: 0, ratedAgain: 0 },
        turnedBack: { times: 0, visits: 0 },
        setbacks: 0,
        hardest: [],
        insights: { urges: 0, helped: [], fade: null, setOffs: [] },
      },
    };
    render(<App loading={Promise.resolve(data)} />);
    await screen.findByText('No reviews yet. The first one you save will be here.');
    expect(screen.getByText('No strong urges were logged this week.')).toBeTruthy();
  });
});
