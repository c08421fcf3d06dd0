import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from './axe';
import { closeAll, addTriggerThroughOptions, launchSteadfast, waitForRuleFor, type Steadfast } from './browser';
import { TestServer } from './test-server';

// Issue 4: axe-core reports no WCAG 2 A or AA violation on any screen, in light and dark.

let server: TestServer;
let app: Steadfast;
let page: Page;

beforeAll(async () => {
  server = await new TestServer().start();
  app = await launchSteadfast(server.port);
  page = await app.context.newPage();
  // "My recovery" with a trigger and a plan partly written, so every screen has something to show.
  await page.goto(app.url('options.html'));
  await addTriggerThroughOptions(app, 'trigger.test', page);
  await waitForRuleFor(app.worker, 'trigger.test');
  await page.getByLabel('My reasons (one a line)').fill('My daughter');
  await page.getByRole('button', { name: 'Add a support person' }).click();
  await page.getByLabel('Name (1)').fill('Sam');
  await page.getByLabel('Phone (1)').fill('+44 7700 900123');
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  // One service of the person's own on the help page.
  await page.goto(app.url('help.html'));
  await page.getByRole('button', { name: 'Add a service' }).click();
  await page.getByLabel('Name').fill('Riverside clinic');
  await page.getByLabel('Phone', { exact: true }).fill('0161 496 0000');
  await page.getByRole('button', { name: 'Add this service' }).click();
  await page.getByRole('heading', { name: 'Riverside clinic' }).waitFor();
});

afterAll(() => closeAll(app, server));

/** Each screen, brought to a state worth checking. */
const SCREENS: [string, () => Promise<void>][] = [
  [
    'popup',
    async () => {
      await page.goto(app.url('popup.html'));
      await page.getByRole('link', { name: "I'm having an urge" }).waitFor();
      // And the part drawn after the first paint (check-in, support people, lock-in line): its lock-in
      // line marks the popup once the browser has answered.
      await page.locator('.popup[data-lock-in]').waitFor();
    },
  ],
  [
    'popup, after a check-in at the top of the scale',
    async () => {
      await page.goto(app.url('popup.html'));
      await page.getByText('Daily check-in').click();
      await page.getByLabel('Very low').check();
      await page.getByRole('slider').fill('9');
      await page.getByRole('button', { name: 'Save check-in' }).click();
      await page.locator('.crisis-lines').waitFor();
    },
  ],
  [
    'pause page (through a real trigger redirect)',
    async () => {
      await page.goto('http://trigger.test/');
      await page.waitForURL((u) => u.pathname === '/pause.html');
      await page.locator('.plan').waitFor();
      await page.getByRole('link', { name: 'Call Sam' }).waitFor();
    },
  ],
  [
    'options ("My recovery")',
    async () => {
      await page.goto(app.url('options.html'));
      await page.getByLabel('Name (1)').waitFor();
    },
  ],
  [
    'help',
    async () => {
      await page.goto(app.url('help.html'));
      await page.getByRole('heading', { name: 'Riverside clinic' }).waitFor();
    },
  ],
  [
    'help, adding a service with a mistake',
    async () => {
      await page.goto(app.url('help.html'));
      await page.getByRole('button', { name: 'Add a service' }).click();
      await page.getByLabel('Name').fill('Sponsor');
      await page.getByRole('button', { name: 'Add this service' }).click();
      await page.getByRole('alert').filter({ hasText: 'phone' }).waitFor();
    },
  ],
  [
    'welcome',
    async () => {
      await page.goto(app.url('welcome.html'));
      await page.getByText('Step 1 of 4').waitFor();
    },
  ],
  [
    'coping',
    async () => {
      await page.goto(app.url('coping.html'));
      await page.getByRole('button', { name: 'Surf the urge' }).waitFor();
    },
  ],
  [
    'coping, an urge at the top of the scale',
    async () => {
      await page.goto(app.url('coping.html'));
      await page.getByRole('button', { name: 'Surf the urge' }).click();
      await page.getByRole('radio', { name: '10' }).check();
      await page.locator('.crisis-lines').waitFor();
    },
  ],
  [
    'crisis ("I\'m not safe")',
    async () => {
      await page.goto(app.url('crisis.html'));
      await page.getByRole('link', { name: 'Call Sam' }).waitFor();
    },
  ],
  [
    'privacy',
    async () => {
      await page.goto(app.url('privacy.html'));
      await page.getByRole('heading', { name: 'Your privacy' }).waitFor();
    },
  ],
];

describe.each(['light', 'dark'] as const)('%s colour scheme', (colorScheme) => {
  beforeAll(async () => {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
  });

  test.each(SCREENS)('%s: no WCAG 2 A/AA violations', async (_name, open) => {
    await open();
    expect(await axeViolations(page)).toEqual([]);
  });
});
