import type { Page } from 'playwright-core';
import { addTriggerThroughOptions, waitForRuleFor, type Steadfast } from './browser';
import { browserDay } from './history';

/**
 * Every page a person can see, opened the way they reach it and waited on until what they came
 * for is on screen. The store screenshots and the layout checks walk this list, so a new page
 * (welcome.html, progress.html) is one line here.
 */
export interface ExtensionPage {
  /** Short, file-name safe: `store-<name>-light.png`. */
  name: string;
  open: (page: Page, app: Steadfast) => Promise<void>;
  /** Drawn in a browser's toolbar, 20rem (320 CSS px) wide, rather than in a tab. */
  popup?: boolean;
}

/** Opens an extension page and waits for its first heading, or for `ready` when given. */
const extensionPage =
  (path: string, ready = (page: Page) => page.getByRole('heading', { level: 1 }).first().waitFor()) =>
  async (page: Page, app: Steadfast) => {
    await page.goto(app.url(path));
    await ready(page);
  };

export const PAGES: readonly ExtensionPage[] = [
  {
    name: 'pause',
    // Through a real redirect from a trigger site, as a person meets it.
    open: async (page) => {
      await page.goto('http://trigger.test/late-night');
      await page.waitForURL((u) => u.pathname === '/pause.html');
      await page.locator('.plan').waitFor();
      await page.getByRole('link', { name: 'Call Sam' }).waitFor();
    },
  },
  { name: 'popup', popup: true, open: extensionPage('popup.html', (page) => page.getByRole('link', { name: "I'm having an urge" }).waitFor()) },
  { name: 'options', open: extensionPage('options.html', (page) => page.getByLabel('Name (1)').waitFor()) },
  { name: 'help', open: extensionPage('help.html', (page) => page.getByRole('heading', { name: 'Emergency and urgent help' }).waitFor()) },
  { name: 'coping', open: extensionPage('coping.html', (page) => page.getByRole('button', { name: 'Surf the urge' }).waitFor()) },
  { name: 'privacy', open: extensionPage('privacy.html') },
  // "I'm not safe": drawn once the region line (from script) is above the static numbers.
  { name: 'crisis', open: extensionPage('crisis.html', (page) => page.getByRole('heading', { name: 'People you can call' }).waitFor()) },
  { name: 'welcome', open: extensionPage('welcome.html') },
  // Drawn once the page says so: <main data-ready>, set in the same commit as the charts.
  { name: 'progress', open: extensionPage('progress.html', (page) => page.locator('main[data-ready="true"]').waitFor()) },
  { name: 'review', open: extensionPage('review.html', (page) => page.locator('main[data-ready="true"]').waitFor()) },
];

/**
 * A profile that looks lived in: a trigger site, a plan partly written, two support people and a
 * streak of 23 days, so every page shows what it is for rather than its empty state.
 */
export async function fillRecovery(app: Steadfast, page: Page): Promise<void> {
  await page.goto(app.url('options.html'));
  await addTriggerThroughOptions(app, 'trigger.test', page);
  await waitForRuleFor(app.worker, 'trigger.test');
  await page.getByLabel('My current streak started on').fill(await browserDay(page, -23));
  await page.getByLabel('Days without (optional)').fill('ketamine');
  await page.getByRole('button', { name: 'Save start day' }).click();
  await page.getByLabel('My reasons (one a line)').fill('Being there for my daughter\nWaking up clear-headed\nMy job, and the people who trusted me with it');
  await page.getByRole('button', { name: 'Add an if-then step' }).click();
  await page.getByLabel('If (1)').fill("I'm alone on a Friday night");
  await page.getByLabel('then I will (1)').fill('call Sam and go for a walk by the river');
  await page.getByLabel('My coping strategies (one a line)').fill('Cold water on my face\nTen slow breaths\nPut on my running shoes');
  await page.getByRole('button', { name: 'Add a support person' }).click();
  await page.getByLabel('Name (1)').fill('Sam');
  await page.getByLabel('Phone (1)').fill('+44 7700 900123');
  await page.getByRole('button', { name: 'Add a support person' }).click();
  await page.getByLabel('Name (2)').fill('Priya (my sponsor)');
  await page.getByLabel('Phone (2)').fill('+44 7700 900456');
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  // The 14-day milestone is celebrated once, on the popup's first opening: let that be now, so
  // every later picture of the popup shows the streak itself.
  await page.goto(app.url('popup.html'));
  await page.getByRole('link', { name: "I'm having an urge" }).waitFor();
}
