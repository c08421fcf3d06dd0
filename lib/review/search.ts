/*
 * Searching past weekly reviews (pure): every word of the query must be somewhere in a review's
 * three answers, in any case and with or without accents ("cafe" finds "café"). An empty query
 * finds them all. Newest first either way.
 */
import type { WeeklyReview } from './review';

/** Past reviews drawn at first, and how many more each "Show older reviews" adds: years of them stay quick to open. */
export const REVIEWS_AT_A_TIME = 10;

/** Lower case, accents taken off, runs of space made one: how text is compared. */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase().replace(/\s+/g, ' ').trim();
}

/** The words of a query, each made searchable. */
export function queryWords(query: string): string[] {
  const words = searchable(query);
  return words ? words.split(' ') : [];
}

const answers = (review: WeeklyReview) => searchable(`${review.wentWell}\n${review.wasHard}\n${review.planChange}`);

/** The reviews, newest first. */
export function newestFirst(reviews: readonly WeeklyReview[]): WeeklyReview[] {
  return [...reviews].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
}

/** The reviews whose answers hold every word of `query`, newest first. */
export function searchReviews(reviews: readonly WeeklyReview[], query: string): WeeklyReview[] {
  const words = queryWords(query);
  const found = words.length === 0 ? reviews : reviews.filter((review) => words.every((word) => answers(review).includes(word)));
  return newestFirst(found);
}
