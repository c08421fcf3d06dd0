import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from './axe';
import { steadfastFixture } from './fixture';

// Issue 17: Progress → "Print a summary" opens a clean print view of the last four weeks. The
// history comes in through the extension's own backup import ("Replace everything"), made in the
// browser so its days are the browser's own; then the page is read as a person reads it, and
// printed (print media emulated) without the page shell and the buttons.

/** Where the closing note's picture of the print view is kept (written by the last test). */
export const PRINT_SCREENSHOT = join(import.meta.dirname, 'screenshots', 'print-summary.png');

const fixture = steadfastFixture();
let page: Page;

interface Seeded {
  json: string;
  /** Long English names ("Tuesday, 3 March 2026") of the window's first day, today, the setback's day and the review date. */
  first: string;
  today: string;
  setbackDay: string;
  /** The setback's day as "1 Dec 2026". */
  setbackShort: string;
  /** The weekly review's week-ending day as "3 Dec 2026". */
  reviewShort: string;
  reviewDay: string;
}

/**
 * A start 60 days ago; a setback 5 days ago with what was learnt, and one 40 days ago (before the
 * window); check-ins on the last 3 days; one urge 2 days ago, set off by loneliness, eased from 8 to 3
 * by a distraction; a weekly review 3 days ago whose change went into the plan; a review date
 * 10 days ahead; and the four boxes.
 */
function makeBackup(target: Page): Promise<Seeded> {
  return target.evaluate(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const pad = (n: number) => String(n).padStart(2, '0');
    const iso = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    const daysAgo = (n: number, hour = 12) => {
      const d = new Date();
      d.setDate(d.getDate() - n);
      d.setHours(hour, 0, 0, 0);
      return d;
    };
    const name = (d: Date) => new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
    const short = (d: Date) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(d);
    const halt = { hungry: false, angry: false, lonely: false, tired: false };
    const events: object[] = [
      {
        id: 's-recent',
        type: 'setback',
        at: daysAgo(5, 21).getTime(),
        tz: zone,
        whatHappened: 'A party after payday',
        whatIFelt: 'Lonely, then reckless',
        whatIllChange: 'Leave my card at home on payday',
        followUp: 'done',
      },
      { id: 's-old', type: 'setback', at: daysAgo(40, 21).getTime(), tz: zone, whatHappened: 'Before the four weeks' },
      { id: 'u1', type: 'urge', at: daysAgo(2, 20).getTime(), tz: zone, before: 8, after: 3, minutes: 20, action: 'distract', setOffBy: ['lonely'] },
    ];
    for (let i = 1; i <= 3; i++) events.push({ id: `c${i}`, type: 'checkin', at: daysAgo(i).getTime(), tz: zone, mood: 3, craving: 3, halt });
    const lines = (...items: string[]) => items;
    const backup = {
      format: 'steadfast-backup',
      version: 4,
      exportedAt: new Date().toISOString(),
      data: {
        triggers: [],
        plan: {
          reasons: ['My daughter'],
          highRiskSituations: '',
          earlyWarningSigns: '',
          ifThenSteps: [],
          copingStrategies: [],
          supportPeople: [],
          professionalContacts: '',
          afterASetback: '',
          dailyRoutine: '',
          reviewDate: iso(daysAgo(-10)),
          safetyWarningSigns: [],
          safetyOnMyOwn: [],
          safetyDistractions: [],
          safetyHelpers: [],
          safetyServices: [],
          safetySurroundings: [],
          reasonsForLiving: [],
          cbaUsingGives: lines('A break from my thoughts'),
          cbaUsingCosts: lines('Money'),
          cbaNotUsingGives: lines('Clear mornings'),
          cbaNotUsingCosts: lines('Long evenings'),
        },
        settings: { waitSeconds: 30, coolingOffHours: 24 },
        streak: { startedOn: iso(daysAgo(60)) },
        helpRegion: null,
        myServices: [],
        events,
        // A weekly review 3 days ago whose change was added to the plan.
        reviews: [
          {
            id: 'r1',
            at: daysAgo(3, 19).getTime(),
            tz: zone,
            weekEnding: iso(daysAgo(3)),
            wentWell: 'Three check-ins',
            wasHard: 'Friday',
            planChange: 'Walk after work',
            appliedTo: 'copingStrategies',
          },
        ],
      },
    };
    return {
      json: JSON.stringify(backup),
      first: name(daysAgo(27)),
      today: name(daysAgo(0)),
      setbackDay: name(daysAgo(5)),
      setbackShort: short(daysAgo(5)),
      reviewShort: short(daysAgo(3)),
      reviewDay: name(daysAgo(-10)),
    };
  });
}

let seeded: Seeded;

beforeAll(async () => {
  page = await fixture.app.context.newPage();
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.goto(fixture.app.url('options.html#backup'));
  seeded = await makeBackup(page);
  await page.getByLabel('Choose a backup file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(seeded.json) });
  await page.getByRole('button', { name: 'Replace everything' }).click();
  await page.getByRole('status').filter({ hasText: 'Your backup is restored.' }).waitFor();
});

/** The text of the figure named `label`. */
const figure = (label: string) =>
  page
    .locator('.figures > div', { has: page.getByText(label, { exact: true }) })
    .locator('dd')
    .innerText();

describe('Progress → Print a summary', () => {
  test('opens the last four weeks with what the history holds, and nothing from before them', async () => {
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
    await page.goto(fixture.app.url('progress.html'));
    await page.getByRole('link', { name: 'Print a summary' }).click();
    await page.waitForURL((u) => u.pathname === '/summary.html');
    await page.locator('main[data-ready="true"]').waitFor();

    expect(await page.locator('.summary-range').innerText()).toBe(`From ${seeded.first} to ${seeded.today}`);
    expect(await page.locator('.summary-made').innerText()).toContain('Made by Steadfast on this device');

    // 27 whole days in the window before today, less the setback's day.
    expect(await figure('Days without use')).toBe('26');
    expect(await figure('Days with a setback')).toBe('1');
    expect(await figure('Days checked in')).toBe('3');
    expect(await figure('Urges logged')).toBe('1');
    expect(await page.locator('.summary-calendar td.day').count()).toBe(28);

    const trend = page.getByRole('region', { name: 'Urges, week by week' });
    expect(await trend.getByRole('row').count()).toBe(5); // a heading row and four weeks
    const helped = page.getByRole('region', { name: 'What helped' });
    expect(await helped.innerText()).toContain(
      'Urges rated again after waiting: 1. On average they started at 8 out of 10 and were 3 afterwards; 1 of them eased.',
    );
    expect(await helped.getByRole('listitem').allInnerTexts()).toEqual([
      'Distracted myself: on average 5 points lower by the end (times: 1); tried only a few times so far, too early to tell',
      'Feeling lonely (times: 1)',
    ]);

    const plan = page.getByRole('region', { name: 'Changes to the plan' });
    expect(await plan.getByRole('listitem').allInnerTexts()).toEqual([
      `${seeded.setbackShort}, after a setback: Leave my card at home on payday`,
      `${seeded.reviewShort}, weekly review: Walk after work (added to the plan)`,
    ]);
    expect(await plan.innerText()).toContain(`The plan is due to be looked at again on ${seeded.reviewDay}.`);

    const setbacks = page.getByRole('region', { name: 'Setbacks, and what was learnt' });
    expect(await setbacks.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual([seeded.setbackDay]);
    const learnt = await setbacks.innerText();
    expect(learnt).toContain('A party after payday');
    expect(learnt).toContain('Lonely, then reckless');
    expect(learnt).toMatch(/A warning sign I missed\s+Nothing written yet/);
    expect(learnt).not.toContain('Before the four weeks');
  });

  test('no WCAG 2 A/AA violations, light and dark', async () => {
    await page.goto(fixture.app.url('summary.html'));
    await page.locator('main[data-ready="true"]').waitFor();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ media: 'screen', colorScheme, reducedMotion: 'reduce' });
      expect(await axeViolations(page)).toEqual([]);
    }
  });

  test('at 320 px wide (400% zoom) nothing reaches past the sides: the calendar squeezes, the trend table scrolls in its box', async () => {
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(fixture.app.url('summary.html'));
    await page.locator('main[data-ready="true"]').waitFor();
    // The precondition: the page has its four weeks to lay out.
    expect(await page.locator('.summary-calendar td.day').count()).toBe(28);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1024, height: 800 });
  });

  test('the print button prints; on paper the page shell and the buttons are gone and the summary stays', async () => {
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
    await page.goto(fixture.app.url('summary.html'));
    await page.locator('main[data-ready="true"]').waitFor();
    // The precondition: on screen, help, the way back and the print button are all there.
    const shown = () =>
      page.evaluate(() => {
        const visible = (selector: string) => !!document.querySelector(selector)?.checkVisibility();
        return {
          shell: visible('.page-shell'),
          helpLink: visible('.help-link'),
          back: visible('a[href="/progress.html"]'),
          button: visible('.summary-actions button'),
          heading: visible('h1'),
          range: visible('.summary-range'),
          setbacks: visible('.summary-setback'),
        };
      });
    expect(await shown()).toEqual({ shell: true, helpLink: true, back: true, button: true, heading: true, range: true, setbacks: true });

    // The button calls the browser's print (stubbed here: a headless print dialog never closes).
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await page.getByRole('button', { name: 'Print this summary' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    expect(await shown()).toEqual({ shell: false, helpLink: false, back: false, button: false, heading: true, range: true, setbacks: true });
    mkdirSync(join(import.meta.dirname, 'screenshots'), { recursive: true });
    await page.screenshot({ path: PRINT_SCREENSHOT, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });
});
