import { useEffect, useState } from 'preact/hooks';
import { ProblemNotice } from '../../components/ProblemNotice';
import { PastReviews } from '../../components/review/PastReviews';
import { ReviewForm } from '../../components/review/ReviewForm';
import { WeekSummaryView } from '../../components/review/WeekSummaryView';
import { t } from '../../lib/i18n/i18n';
import { uniqueProblems, type Problem } from '../../lib/problems/problems';
import type { WeeklyReview } from '../../lib/review/review';
import type { ReviewPageData } from '../../lib/review/reviews-store';

/**
 * Progress → Weekly review: the last seven days, three questions, and every past review.
 * `loading` is the history being read (started before the first render, see main.tsx).
 */
export function App({ loading }: { loading: Promise<ReviewPageData> }) {
  const [data, setData] = useState<ReviewPageData>();
  const [reviews, setReviews] = useState<WeeklyReview[]>([]);
  const [total, setTotal] = useState(0);
  const [problems, setProblems] = useState<Problem[]>([]);
  const report = (problem: Problem | undefined) => setProblems((now) => uniqueProblems([...now, problem]));
  useEffect(() => {
    loading.then(
      (read) => {
        setData(read);
        setReviews(read.reviews);
        setTotal(read.total);
        // The rest of the reviews, for the search and older pages, once the page is on screen.
        requestAnimationFrame(() =>
          setTimeout(() =>
            read.all().then(
              (all) => setReviews((now) => [...now.filter((r) => !all.some((a) => a.id === r.id)), ...all]),
              () => report('history'),
            ),
          ),
        );
      },
      () => report('history'),
    );
  }, [loading]);

  function saved(review: WeeklyReview) {
    setProblems((now) => now.filter((p) => p !== 'full' && p !== 'not-saved'));
    setReviews((now) => {
      if (!now.some((r) => r.id === review.id)) setTotal((n) => n + 1);
      return [review, ...now.filter((r) => r.id !== review.id)];
    });
  }

  const failed = problems.includes('history') && !data;
  return (
    <main class="review" aria-busy={!data && !failed} data-ready={data ? 'true' : undefined}>
      <p class="muted">{t('review_intro')}</p>
      <ProblemNotice problems={problems} />
      {!data && !failed && <p class="muted">{t('review_loading')}</p>}
      {data && (
        <>
          <WeekSummaryView summary={data.summary} />
          <ReviewForm today={data.today} zone={data.zone} onSaved={saved} onProblem={report} />
          <PastReviews reviews={reviews} total={total} />
        </>
      )}
    </main>
  );
}
