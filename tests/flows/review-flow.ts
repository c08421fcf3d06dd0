import { beforeEach, describe, expect, test } from 'vitest';
import type { Harness } from './driver';
import { openPopup, resetSteadfast } from './steps';

/*
 * The weekly review's round trip, written once and run in Chromium (tests/e2e/weekly-review.test.ts)
 * and Firefox ESR (tests/e2e-firefox/weekly-review.test.ts): a check-in this week, Progress →
 * Weekly review, the week drawn from it, the three answers, the change added to the plan (and
 * found there in My recovery), the review saved, listed after a reload and found by search.
 */

/** Every weekly review in the history, read where Steadfast keeps it (set-up and checks only). */
function storedReviews(h: Harness): Promise<{ wentWell: string; appliedTo?: string }[]> {
  return h.inExtension(
    () =>
      new Promise<{ wentWell: string; appliedTo?: string }[]>((resolve, reject) => {
        const open = indexedDB.open('steadfast-history');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('reviews')) {
            db.close();
            resolve([]);
            return;
          }
          const request = db.transaction('reviews').objectStore('reviews').getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as { wentWell: string; appliedTo?: string }[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    undefined,
  );
}

export function reviewFlow(h: Harness): void {
  beforeEach(() => resetSteadfast(h));

  describe('the weekly review', () => {
    test('Progress → Weekly review: the week drawn, answered, the change in the plan, the review listed and found by search', async () => {
      // This week: one check-in with an urge of 6, as a person logs it.
      const popup = await openPopup(h);
      await popup.click('details.card summary');
      await popup.check('Okay');
      await popup.fill('Urge right now: 0 of 10', '6');
      await popup.clickButton('Save check-in');
      await popup.waitForText('.checkin-done', 'Thank you for checking in');

      const progress = await h.openPage('progress.html');
      await progress.waitForText('main[data-ready="true"]', '');
      await progress.clickLink('Weekly review');
      await progress.waitForPage('review.html');
      const review = progress;
      await review.waitForText('main[data-ready="true"]', '');
      await review.waitForText('.week', '1 of 7');
      await review.waitForText('.hardest', 'an urge of 6 out of 10 at your check-in');
      // The precondition for the list below: nothing saved yet.
      await review.waitForText('.past-reviews', 'No reviews yet');
      expect(await storedReviews(h)).toEqual([]);

      await review.fill('What went well this week?', 'Walked by the river with Sam');
      await review.fill('What was hard?', 'Friday night on my own');
      await review.fill('One change to my plan', 'ring Sam before the evening starts');
      await review.select('Where it goes in my plan', 'ifThenSteps');
      await review.fill('If… (the moment this step is for)', "I'm alone on a Friday");
      await review.clickButton('Add to my plan');
      await review.waitForText('.plan-status', 'Added to your plan: A new if-then step.');
      await review.clickButton('Save this review');
      await review.waitForText('.save-status', 'Saved on this device.');
      await review.waitForText('.past-reviews', 'Walked by the river with Sam');
      await expect.poll(() => storedReviews(h)).toMatchObject([{ wentWell: 'Walked by the river with Sam', appliedTo: 'ifThenSteps' }]);
      expect(await review.axe()).toEqual([]);

      // In the plan, where My recovery shows it.
      const options = await h.openPage('options.html');
      await expect.poll(() => options.value('If (1)')).toBe("I'm alone on a Friday");
      expect(await options.value('then I will (1)')).toBe('ring Sam before the evening starts');

      // Listed after a reload, and found by search (any case, every word).
      await review.reload();
      await review.waitForText('.past-reviews', 'Friday night on my own');
      await review.fill('Search your reviews', 'FRIDAY sam');
      await review.waitForText('.past-reviews [role="status"]', '1 review');
      expect(await review.count('.review-list > li')).toBe(1);
      await review.fill('Search your reviews', 'friday payday');
      await review.waitForText('.past-reviews [role="status"]', 'No review has all of those words.');
      expect(await review.count('.review-list > li')).toBe(0);
      expect(await review.axe()).toEqual([]);
    });
  });
}
