import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { chromiumHarness, type PlaywrightTab } from '../flows/chromium';
import { reviewFlow } from '../flows/review-flow';
import { axeViolations } from './axe';
import { OUTPUT_DIR } from './paths';
import { pngSize } from './png';

// The weekly review's round trip in Chromium (tests/flows/review-flow.ts; Firefox ESR runs the same),
// then the page drawn from a lived-in week, checked with axe-core and saved as a picture.
const h = chromiumHarness();
reviewFlow(h);

/** Where the picture of the review page goes (test-output/ is not committed; regenerated each run). */
export const REVIEW_SCREENSHOT = join(OUTPUT_DIR, 'screenshots', 'weekly-review.png');

describe('the weekly review page', () => {
  test('a lived-in week: drawn, 0 axe-core violations in light and dark, and saved as a picture', async () => {
    // The page opens (and so makes) the history at today's version; then the set-up: a week of
    // check-ins and urges and two past reviews, written where Steadfast keeps them.
    const tab = await h.openPage('review.html');
    await tab.waitForText('main[data-ready="true"]', '');
    await h.inExtension(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('steadfast-history');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const now = Date.now();
      const day = 86_400_000;
      const tx = db.transaction(['events', 'reviews'], 'readwrite');
      const events = tx.objectStore('events');
      for (let i = 0; i < 6; i += 1) {
        events.put({
          id: `c${i}`,
          type: 'checkin',
          at: now - i * day,
          tz,
          mood: 3,
          craving: [2, 4, 7, 3, 1, 5][i],
          halt: { hungry: false, angry: false, lonely: i === 2, tired: true },
        });
      }
      events.put({
        id: 'u1',
        type: 'urge',
        at: now - 2 * day - 3_600_000,
        tz,
        before: 8,
        after: 3,
        minutes: 12,
        action: 'delay',
        setOffBy: ['lonely', 'tired'],
      });
      events.put({ id: 'u2', type: 'urge', at: now - 4 * day, tz, before: 5 });
      for (let i = 0; i < 3; i += 1) events.put({ id: `i${i}`, type: 'intervention', at: now - i * day, tz, site: 'trigger.test', outcome: 'left' });
      const reviews = tx.objectStore('reviews');
      reviews.put({
        id: 'r1',
        at: now - 7 * day,
        tz,
        weekEnding: new Date(now - 7 * day).toISOString().slice(0, 10),
        wentWell: 'Went to the group on Tuesday and stayed for tea.',
        wasHard: 'Payday, and an old friend texting.',
        planChange: 'Leave my card at home on payday',
        appliedTo: 'highRiskSituations',
      });
      reviews.put({
        id: 'r2',
        at: now - 14 * day,
        tz,
        weekEnding: new Date(now - 14 * day).toISOString().slice(0, 10),
        wentWell: 'Slept better.',
        wasHard: 'Friday night.',
        planChange: '',
      });
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, undefined);
    await tab.reload();
    const { page } = tab as PlaywrightTab;
    await page.locator('main[data-ready="true"]').waitFor();
    await page.getByText('an urge of 8 out of 10, 3 after waiting').waitFor();
    await page.getByText('Delayed (waited it out): down 5 on average, from 1 urge').waitFor();
    await page.getByText('What set them off: Feeling lonely (1) and Feeling tired (1).').waitFor();
    await page
      .getByRole('heading', { name: /^Week ending/ })
      .first()
      .waitFor();
    expect(await page.getByRole('heading', { name: /^Week ending/ }).count()).toBe(2);
    await page.getByLabel('What went well this week?').fill('Three check-ins, and I rang Sam instead of going out.');
    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(page), scheme).toEqual([]);
    }
    mkdirSync(join(OUTPUT_DIR, 'screenshots'), { recursive: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: REVIEW_SCREENSHOT, fullPage: true });
    expect(pngSize(REVIEW_SCREENSHOT)?.width).toBe(1280);
  });
});
