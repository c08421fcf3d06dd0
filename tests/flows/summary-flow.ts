import { beforeEach, describe, expect, test } from 'vitest';
import type { Harness } from './driver';
import { openPopup, resetSteadfast } from './steps';

/*
 * Progress → "Print a summary", written once and run in Chromium (tests/e2e/summary-flow.test.ts)
 * and Firefox ESR (tests/e2e-firefox/summary.test.ts): a check-in today, as a person logs it, is
 * on the four weeks' page (counted, and on today's square of the calendar), with no axe-core
 * violations. tests/e2e/summary.test.ts checks the whole page and print media in Chromium.
 */
export function summaryFlow(h: Harness): void {
  beforeEach(() => resetSteadfast(h));

  describe('the print summary', () => {
    test('Progress → Print a summary: the last four weeks, with today’s check-in on it', async () => {
      const popup = await openPopup(h);
      await popup.click('details.card summary');
      await popup.check('Okay');
      await popup.fill('Urge right now: 0 of 10', '4');
      await popup.clickButton('Save check-in');
      await popup.waitForText('.checkin-done', 'Thank you for checking in');

      const progress = await h.openPage('progress.html');
      await progress.waitForText('main[data-ready="true"]', '');
      await progress.clickLink('Print a summary');
      await progress.waitForPage('summary.html');
      const summary = progress;
      await summary.waitForText('main[data-ready]', 'The last four weeks');
      // Four whole weeks of squares, and today's holds the check-in just saved.
      expect(await summary.count('.summary-calendar td.day')).toBe(28);
      await summary.waitForText('.summary-calendar', 'check-in: urge 4 of 10');
      await summary.waitForText('main[data-ready]', 'Made by Steadfast on this device');
      expect(await summary.axe()).toEqual([]);
    });
  });
}
