import { useMemo, useState } from 'preact/hooks';
import { t, tCount } from '../../lib/i18n/i18n';
import type { WeeklyReview } from '../../lib/review/review';
import { searchReviews } from '../../lib/review/search';
import { PLAN_TARGET_WORDS, weekEndingName } from '../../lib/review/words';

/** Every past review, newest first, and a search over their answers. */
export function PastReviews({ reviews }: { reviews: readonly WeeklyReview[] }) {
  const [query, setQuery] = useState('');
  const found = useMemo(() => searchReviews(reviews, query), [reviews, query]);
  return (
    <section class="card past-reviews" aria-labelledby="past-title">
      <h2 id="past-title">{t('review_pastHeading')}</h2>
      {reviews.length === 0 ? (
        <p class="muted">{t('review_noneYet')}</p>
      ) : (
        <>
          <p class="field">
            <label for="review-search">{t('review_search')}</label>
            <input id="review-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
          </p>
          <p class="muted" role="status">
            {found.length === 0 ? t('review_noneFound') : tCount('review_found', found.length)}
          </p>
          <ul class="review-list">
            {found.map((review) => (
              <li key={review.id}>
                <article aria-labelledby={`review-${review.id}`}>
                  <h3 id={`review-${review.id}`}>{weekEndingName(review.weekEnding)}</h3>
                  <dl>
                    {(
                      [
                        ['review_wentWell', review.wentWell],
                        ['review_wasHard', review.wasHard],
                        ['review_planChange', review.planChange],
                      ] as const
                    )
                      .filter(([, answer]) => answer)
                      .map(([question, answer]) => (
                        <div key={question}>
                          <dt>{t(question)}</dt>
                          <dd>{answer}</dd>
                        </div>
                      ))}
                  </dl>
                  {review.appliedTo && <p class="muted">{t('review_appliedTo', [t(PLAN_TARGET_WORDS[review.appliedTo])])}</p>}
                </article>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
