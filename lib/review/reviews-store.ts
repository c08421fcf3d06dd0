/*
 * The weekly reviews in the history (the `reviews` store, history version 4) and what the review
 * page reads when it opens: the week's events and every past review.
 */
import { historyConnection, type HistoryDB } from '../history/db';
import { summaryClock } from '../history/days-store';
import { eventsBetween } from '../history/events';
import { currentTimeZone, dayOf, dayText, type Day } from '../time/days';
import { trustedNow } from '../time/trusted-clock';
import type { WeeklyReview } from './review';
import { newestFirst, REVIEWS_AT_A_TIME } from './search';
import { weekEnding, weekInstants, weekSummary, type WeekSummary } from './week';

/** The trusted time (lib/time/trusted-clock.ts); the wall clock when storage cannot be read, as the review needs only the history. */
const reviewNow = (): Promise<number> => trustedNow().catch(() => Date.now());

/** Saves a review, new or changed (by its id), in one transaction. */
export async function saveReview(db: HistoryDB, review: WeeklyReview): Promise<WeeklyReview> {
  await db.put('reviews', review);
  return review;
}

/** Every review, newest first. */
export async function allReviews(db: HistoryDB): Promise<WeeklyReview[]> {
  return newestFirst(await db.getAllFromIndex('reviews', 'by-time'));
}

/** The newest `count` reviews, newest first (as `newestFirst` orders them), read from the end of the time index. */
export async function newestReviews(db: HistoryDB, count: number): Promise<WeeklyReview[]> {
  const found: WeeklyReview[] = [];
  let cursor = await db.transaction('reviews').store.index('by-time').openCursor(null, 'prev');
  while (cursor && found.length < count) {
    found.push(cursor.value);
    cursor = await cursor.continue();
  }
  return found;
}

export interface ReviewPageData {
  today: Day;
  zone: string;
  summary: WeekSummary;
  /** The newest reviews, as many as the page draws at first. */
  reviews: WeeklyReview[];
  /** How many reviews there are in all. */
  total: number;
  /** Reads every review, newest first, for the search and older pages: asked once the page is drawn. */
  all: () => Promise<WeeklyReview[]>;
}

/**
 * Opens the history and reads the week's events (by time, through the index: a week's worth
 * whatever the history's length), the newest reviews and how many there are. `now` defaults to the trusted time.
 */
export async function loadReviewPage(now?: number, timeZone = currentTimeZone(), open: () => Promise<HistoryDB> = historyConnection): Promise<ReviewPageData> {
  const [db, at] = await Promise.all([open(), now ?? reviewNow()]);
  const today = dayOf(at, timeZone);
  const week = weekEnding(today);
  const span = weekInstants(week);
  // Years of reviews cost the first drawing nothing: the newest few and a count, the rest after.
  const [events, reviews, total] = await Promise.all([eventsBetween(db, span.from, span.to), newestReviews(db, REVIEWS_AT_A_TIME), db.count('reviews')]);
  return { today, zone: timeZone, summary: weekSummary(events, week, summaryClock()), reviews, total, all: () => allReviews(db) };
}

/** The three answers and where the change goes, as the page holds them while the person writes. */
export interface ReviewAnswers {
  wentWell: string;
  wasHard: string;
  planChange: string;
}

/** True when nothing is written in any answer: such a review is not saved. */
export function isReviewEmpty(answers: ReviewAnswers): boolean {
  return !answers.wentWell.trim() && !answers.wasHard.trim() && !answers.planChange.trim();
}

/**
 * The record to store (pure): a first save is dated now and looks back on the week ending today;
 * saving again keeps its id, date and week, so one review stays one however often it is saved.
 */
export function reviewRecord(
  answers: ReviewAnswers,
  previous: WeeklyReview | undefined,
  context: { now: number; timeZone: string; weekEnding: string; appliedTo?: WeeklyReview['appliedTo']; makeId?: () => string },
): WeeklyReview {
  const { now, timeZone, weekEnding, appliedTo = previous?.appliedTo, makeId = () => crypto.randomUUID() } = context;
  const record: WeeklyReview = {
    id: previous?.id ?? makeId(),
    at: previous?.at ?? now,
    tz: previous?.tz ?? timeZone,
    weekEnding: previous?.weekEnding ?? weekEnding,
    wentWell: answers.wentWell.trim(),
    wasHard: answers.wasHard.trim(),
    planChange: answers.planChange.trim(),
  };
  return appliedTo ? { ...record, appliedTo } : record;
}

/** Saves the answers as this week's review (new, or the one already saved this visit), dated by the trusted time. */
export async function writeReview(
  answers: ReviewAnswers,
  previous: WeeklyReview | undefined,
  {
    today,
    timeZone,
    appliedTo,
    open = historyConnection,
  }: { today: Day; timeZone: string; appliedTo?: WeeklyReview['appliedTo']; open?: () => Promise<HistoryDB> },
): Promise<WeeklyReview> {
  const [db, now] = await Promise.all([open(), reviewNow()]);
  return saveReview(db, reviewRecord(answers, previous, { now, timeZone, weekEnding: dayText(today), appliedTo }));
}
