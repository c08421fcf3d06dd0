/**
 * The one crisis threshold, on every 0 to 10 rating Steadfast asks for: the craving in a daily
 * check-in, the urge before and after urge surfing, and what Progress counts as a risky moment.
 * At or above it, the region's emergency number and 24/7 crisis lines come first, before anything
 * is saved, and they stay even when saving fails (issue 16). 7 is "a very strong urge" on the
 * exercise's scale (`urgeRatingWords`): offered gently, never instead of what the person chose.
 * Risky moments already stored in the history's day summaries were counted at 7, so changing this
 * number means rebuilding them (a history version step, lib/history/db.ts).
 */
export const CRISIS_RATING = 7;

/** Whether a rating (0 to 10) is at the crisis threshold. */
export function atCrisisRating(rating: number | undefined): boolean {
  return rating !== undefined && rating >= CRISIS_RATING;
}

/** A check-in that offers the crisis lines first: a craving at the threshold, or the lowest mood. */
export function isCrisisCheckIn({ mood, craving }: { mood: number | undefined; craving: number }): boolean {
  return atCrisisRating(craving) || mood === 1;
}
