/*
 * The weekly reviews in the history (the `reviews` store, history version 4) and what the review
 * page reads when it opens: the week's events and every past review.
 */
import { historyConnection, type HistoryDB } from '../history/db';
import { summaryClock } from '../history/days-store';
import { eventsBetween } from '../history/events';
import { currentTimeZone, dayNumber, dayOf, type DayNumber } from '../time/days';
import { trustedNow } from '../time/trusted-clock';
import type { WeeklyReview } from './review';
import { newestFirst } from './search';
import { weekEnding, weekInstants, weekSummary, type WeekSummary } from './week';

/** Saves a review, new or changed (by its id), in one transaction. */
export async function saveReview(db: HistoryDB, review: WeeklyReview): Promise<WeeklyReview> {
  await db.put('reviews', review);
  return review;
}

/** Every review, newest first. */
export async function allReviews(db: HistoryDB): Promise<WeeklyReview[]> {
  return newestFirst(await db.getAllFromIndex('reviews', 'by-time'));
}

export interface ReviewPageData {
  today: DayNumber;
  zone: string;
  summary: WeekSummary;
  reviews: WeeklyReview[];
}

/**
 * Opens the history and reads the week's events (by time, through the index: a week's worth
 * whatever the history's length) and every review. `now` defaults to the trusted time.
 */
export async function loadReviewPage(now?: number, timeZone = currentTimeZone(), open: () => Promise<HistoryDB> = historyConnection): Promise<ReviewPageData> {
  const [db, at] = await Promise.all([open(), now ?? trustedNow()]);
  const today = dayNumber(dayOf(at, timeZone));
  const week = weekEnding(today);
  const span = weekInstants(week);
  const [events, reviews] = await Promise.all([eventsBetween(db, span.from, span.to), allReviews(db)]);
  return { today, zone: timeZone, summary: weekSummary(events, week, summaryClock()), reviews };
}
