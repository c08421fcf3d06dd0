import { beforeEach, describe, expect, test } from 'vitest';
import type { Harness, Tab } from './driver';
import { addTrigger, expectPaused, resetSteadfast, stored } from './steps';

/*
 * The cost-benefit analysis's four boxes (issue 17), written in "My recovery" and offered on the
 * pause page, in Chromium (tests/e2e/four-boxes.test.ts) and Firefox ESR
 * (tests/e2e-firefox/four-boxes.test.ts). As core-flows.ts: a clean slate before each test.
 */

/** Whether the pause page's four boxes are open, and whether a person can see what is in them. */
const boxesShown = (tab: Tab) =>
  tab.evaluate(() => {
    const details = document.querySelector<HTMLDetailsElement>('details.four-boxes-view');
    const list = details?.querySelector('ul');
    return { present: !!details, open: !!details?.open, listVisible: !!list && list.checkVisibility() };
  }, undefined);

export function fourBoxesFlows(h: Harness): void {
  beforeEach(() => resetSteadfast(h));

  describe('the four boxes', () => {
    test('written in My recovery, they wait closed on the pause page below the plan, and open to what was written', async () => {
      const options = await addTrigger(h, 'boxes.test');
      await options.fill('My reasons (one a line)', 'My daughter');
      await options.waitForText('#plan', 'Saved on this device.');
      const tab = await h.newTab();
      // The precondition: with no box written, the pause page offers none.
      await expectPaused(h, tab, h.web('boxes.test', '/'), 'boxes.test');
      await tab.waitForText('.plan', 'My daughter');
      expect(await boxesShown(tab)).toMatchObject({ present: false });

      await options.fill('What using gives me', 'A break from my thoughts');
      await options.fill('What using costs me', 'Money\nMy bladder');
      await options.fill('What not using gives me', 'Clear mornings');
      await options.waitForText('#four-boxes', 'Saved on this device.');
      await expect
        .poll(() => stored<Record<string, unknown>>(h, 'plan'), { timeout: 10_000 })
        .toMatchObject({ cbaUsingGives: ['A break from my thoughts'], cbaUsingCosts: ['Money', 'My bladder'], cbaNotUsingGives: ['Clear mornings'] });

      await expectPaused(h, tab, h.web('boxes.test', '/again'), 'boxes.test');
      await tab.waitForText('details.four-boxes-view summary', 'Look at your four boxes');
      // Closed at first: nothing in them is on screen until the person asks.
      expect(await boxesShown(tab)).toEqual({ present: true, open: false, listVisible: false });
      // Below the plan, never above it.
      expect(
        await tab.evaluate(() => !!(document.querySelector('.plan')!.compareDocumentPosition(document.querySelector('.four-boxes-view')!) & 4), undefined),
      ).toBe(true);
      await tab.click('details.four-boxes-view summary');
      expect(await boxesShown(tab)).toEqual({ present: true, open: true, listVisible: true });
      const text = await tab.waitForText('details.four-boxes-view', 'Clear mornings');
      expect(text).toContain('What using costs me');
      expect(text).toContain('My bladder');
      // The empty box is left out.
      expect(text).not.toContain('What not using costs me');
      expect(await tab.axe()).toEqual([]);
    });

    test('a box with too many lines says so and stores nothing past the limit; fixed, it is stored', async () => {
      const options = await h.openPage('options.html');
      await options.fill('What not using costs me', 'Long evenings');
      await options.waitForText('#four-boxes', 'Saved on this device.');
      await expect.poll(async () => (await stored<Record<string, string[]>>(h, 'plan'))?.cbaNotUsingCosts, { timeout: 10_000 }).toEqual(['Long evenings']);
      // Firefox's driver types a key at a time, so the lines before the thirteenth are each saved
      // as they come (Chromium's fills at once): either way, never more than twelve.
      await options.fill('What not using costs me', Array.from({ length: 13 }, (_, i) => `Line ${i + 1}`).join('\n'));
      await options.waitForText('#four-boxes .error', 'Keep each box to 12 lines or fewer');
      expect((await stored<Record<string, string[]>>(h, 'plan'))?.cbaNotUsingCosts?.length).toBeLessThanOrEqual(12);
      expect((await stored<Record<string, string[]>>(h, 'plan'))?.cbaNotUsingCosts).not.toContain('Line 13');
      await options.fill('What not using costs me', 'Quiet weekends');
      await expect.poll(async () => (await stored<Record<string, string[]>>(h, 'plan'))?.cbaNotUsingCosts, { timeout: 10_000 }).toEqual(['Quiet weekends']);
      expect(await options.text('#four-boxes .error')).toBe('');
    });
  });
}
