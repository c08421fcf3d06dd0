import { useMemo, useState } from 'preact/hooks';
import { t, tCount } from '../../lib/i18n/i18n';
import type { WeeklyReview } from '../../lib/review/review';
import { REVIEWS_AT_A_TIME, searchReviews } from '../../lib/review/search';
import { PLAN_TARGET_WORDS, weekEndingName } from '../../lib/review/words';

/**
 * Every past review, newest first, and a search over their answers. `reviews` may be the newest
 * few while the rest are read; `total` is how many there are in all.
 */
export function PastReviews({ reviews, total = reviews.length }: { reviews: readonly WeeklyReview[]; total?: number }) {
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(REVIEWS_AT_A_TIME);
  const found = useMemo(() => searchReviews(reviews, query), [reviews, query]);
  const searching = query.trim() !== '';
  return (
    <section class="card past-reviews" aria-labelledby="past-title">
      <h2 id="past-title">{t('review_pastHeading')}</h2>
      {total === 0 ? (
        <p class="muted">{t('review_noneYet')}</p>
      ) : (
        <>
          <p class="field">
            <label for="review-search">{t('review_search')}</label>
            <input
              id="review-search"
              type="search"
              value={query}
              onInput={(e) => {
                setQuery(e.currentTarget.value);
                setShown(REVIEWS_AT_A_TIME);
              }}
            />
          </p>
          <p class="muted" role="status">
            {searching
              ? found.length === 0
                ? t('review_noneFound')
                : tCount('review_found', found.length)
              : tCount('review_found', Math.max(total, found.length))}
          </p>
          <ul class="review-list">
            {found.slice(0, shown).map((review) => (
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
          {found.length > shown && (
            <p>
              <button type="button" class="quiet" onClick={() => setShown(shown + REVIEWS_AT_A_TIME)}>
                {t('review_showOlder')}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
