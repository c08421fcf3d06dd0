/*
 * Issue 16: the personal safety plan edited in "My recovery", printed on its own, kept by a backup
 * restored in a fresh browser; care after a lapse as a person goes through it. In Chromium, from
 * the production build.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from './axe';
import { launchSteadfast, openNoting, removeProfile, type Steadfast } from './browser';
import { historyEvents } from './history';
import { TestServer } from './test-server';

const HOSTILE = '<img src=x onerror=alert(1)><script>alert("x")</script>';

let server: TestServer;
let app: Steadfast;
let fresh: Steadfast | undefined;
const dialogs: string[] = [];

beforeAll(async () => {
  server = await new TestServer().start();
  app = await launchSteadfast(server.port);
  // Help for the United Kingdom, chosen as a person would on the help page.
  const help = await open(app, 'help.html');
  await help.getByRole('button', { name: 'change where you are, for helplines' }).click();
  await help.getByLabel('Where you are').selectOption('GB');
  await help.waitForFunction(async () => (await chrome.storage.local.get('helpRegion')).helpRegion === 'GB');
  await help.close();
  // Every test starts from a safety plan written through "My recovery", as a person would.
  const options = await open(app, 'options.html#safety-plan');
  await writeSafetyPlan(options);
  await options.close();
});

async function writeSafetyPlan(options: Page) {
  await options.getByRole('button', { name: 'Add a support person' }).click();
  await options.getByLabel('Name (1)').fill('Sam');
  await options.getByLabel('Phone (1)').fill('07700 900123');
  await options.getByLabel('My reasons (one a line)').fill('My daughter');
  await options.getByLabel('1. My warning signs').fill(`Not sleeping\n${HOSTILE}`);
  await options.getByLabel('2. Things I can do on my own').fill('A hot shower');
  await options.getByLabel('3. People and places that take my mind off it').fill('The climbing wall');
  await options.getByRole('group', { name: '4. People I can ask for help' }).getByLabel('Sam').check();
  await options
    .getByRole('group', { name: /From help in United Kingdom/ })
    .getByLabel('Samaritans')
    .check();
  await options.getByLabel('6. Making my surroundings safer').fill('No supply at home');
  await options.getByLabel('7. My reasons for living').fill('Seeing the sea again');
  await saved(options);
}

afterAll(async () => {
  for (const each of [app, fresh]) {
    await each?.close();
    if (each) removeProfile(each.profile);
  }
  await server?.stop();
});

const open = (target: Steadfast, path: string): Promise<Page> => openNoting(target, path, dialogs);

declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

const saved = (page: Page) => page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

/** What a person would see on the page right now (hidden and display:none text left out). */
const visibleText = (page: Page) => page.locator('body').innerText();

test('the safety plan is edited in "My recovery" and is there after a reload, hostile text as text', async () => {
  const options = await open(app, 'options.html#safety-plan');
  const onMyOwn = options.getByLabel('2. Things I can do on my own');
  await expect.poll(() => onMyOwn.inputValue()).toBe('A hot shower');
  // A line too long is refused with a reason, and the step stays as it was stored.
  await onMyOwn.fill(`A hot shower\n${'x'.repeat(301)}`);
  await options.getByText('Keep each line under 300 characters; this change isn’t saved yet.').waitFor();
  await onMyOwn.fill('A hot shower\nMusic, loud');
  await saved(options);

  await options.reload();
  await expect.poll(() => options.getByLabel('2. Things I can do on my own').inputValue()).toBe('A hot shower\nMusic, loud');
  expect(await options.getByLabel('7. My reasons for living').inputValue()).toBe('Seeing the sea again');
  expect(await options.getByLabel('1. My warning signs').inputValue()).toBe(`Not sleeping\n${HOSTILE}`);
  expect(await options.getByRole('group', { name: '4. People I can ask for help' }).getByLabel('Sam').isChecked()).toBe(true);
  expect(
    await options
      .getByRole('group', { name: /From help in United Kingdom/ })
      .getByLabel('Samaritans')
      .isChecked(),
  ).toBe(true);
  expect(await options.evaluate(() => document.querySelectorAll('img[src="x"], [onerror]').length)).toBe(0);
  expect(dialogs).toEqual([]);
  await options.close();
});

test('"I\'m not safe" shows the safety plan after the crisis numbers and before the support people, hostile text as text', async () => {
  const crisis = await open(app, 'crisis.html');
  const view = crisis.locator('.safety-plan-view');
  await view.getByText('Seeing the sea again').waitFor();
  await view.getByText(HOSTILE).waitFor();
  expect(await view.getByRole('link', { name: 'Call Sam' }).getAttribute('href')).toBe('tel:07700900123');
  // In the page's order: the numbers (static HTML), then the safety plan, then the people to call.
  const order = await crisis.evaluate(() => {
    const at = (selector: string) => [...document.querySelectorAll('body *')].indexOf(document.querySelector(selector)!);
    return { numbers: at('a[href^="tel:"]'), plan: at('.safety-plan-view'), people: at('#crisis-people-title') };
  });
  expect(order.numbers).toBeGreaterThanOrEqual(0);
  expect(order.numbers).toBeLessThan(order.plan);
  expect(order.plan).toBeLessThan(order.people);
  expect(await crisis.evaluate(() => document.querySelectorAll('img[src="x"], [onerror]').length)).toBe(0);
  expect(dialogs).toEqual([]);
  await crisis.close();
});

describe('printing', () => {
  /** Presses a print button as a person would; the print dialog itself is replaced by a note that it was asked for. */
  async function print(page: Page, button: string) {
    await page.evaluate(() => {
      window.print = () => void (document.body.dataset.printAsked = 'yes');
    });
    await page.getByRole('button', { name: button }).click();
    await expect.poll(() => page.evaluate(() => document.body.dataset.printAsked)).toBe('yes');
    await page.emulateMedia({ media: 'print' });
  }

  test('"Print my safety plan" puts only the safety plan on paper, black on white', async () => {
    const options = await open(app, 'options.html#safety-plan');
    await options.getByLabel('7. My reasons for living').waitFor();
    // Proves the precondition: on screen, the sheet is not shown and the editor is.
    expect(await visibleText(options)).not.toContain('Call 116 123');
    await options.emulateMedia({ colorScheme: 'dark' });
    await print(options, 'Print my safety plan');
    const paper = await visibleText(options);
    for (const words of [
      'My safety plan',
      '1. My warning signs',
      'Not sleeping',
      'A hot shower',
      'Sam',
      'Samaritans',
      'Call 116 123',
      'Seeing the sea again',
    ]) {
      expect(paper).toContain(words);
    }
    // Nothing else: not the editor, the relapse plan, the header or the other sections.
    for (const words of ['Trigger sites', 'Print my safety plan', 'My reasons (one a line)', 'Get help now', 'My daughter']) expect(paper).not.toContain(words);
    expect(await options.locator('textarea:visible, input:visible').count()).toBe(0);
    const colours = await options.locator('.print-area [data-sheet="safety"] h2').evaluate((h) => {
      const style = getComputedStyle(h);
      return { text: style.color, page: getComputedStyle(document.body).backgroundColor };
    });
    expect(colours).toEqual({ text: 'rgb(0, 0, 0)', page: 'rgb(255, 255, 255)' });
    await options.close();
  });

  test('"Print my plan" puts only the relapse prevention plan on paper', async () => {
    const options = await open(app, 'options.html#plan');
    await options.getByLabel('My reasons (one a line)').waitFor();
    await print(options, 'Print my plan');
    const paper = await visibleText(options);
    expect(paper).toContain('My daughter');
    expect(paper).toContain('Sam');
    expect(paper).not.toContain('Seeing the sea again');
    expect(paper).not.toContain('Trigger sites');
    await options.close();
  });

  test.each(['light', 'dark'] as const)('axe: the safety plan editor and both print views, %s, no WCAG 2 A/AA violations', async (colorScheme) => {
    const options = await open(app, 'options.html#safety-plan');
    await options.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await options.getByLabel('7. My reasons for living').waitFor();
    expect(await axeViolations(options)).toEqual([]);
    for (const [button, sheet] of [
      ['Print my safety plan', 'safety'],
      ['Print my plan', 'plan'],
    ] as const) {
      await options.emulateMedia({ media: 'screen' });
      await options.evaluate(() => {
        window.print = () => {};
      });
      await options.getByRole('button', { name: button }).click();
      await options.emulateMedia({ media: 'print', colorScheme });
      await expect.poll(() => options.evaluate(() => document.documentElement.dataset.print)).toBe(sheet);
      expect(await axeViolations(options)).toEqual([]);
    }
    await options.close();
  });
});

test('Log a setback, from the popup: safety first, then kindness, the next 24 hours, and learning when ready', async () => {
  const popup = await open(app, 'popup.html');
  const [options] = await Promise.all([app.context.waitForEvent('page'), popup.getByRole('link', { name: 'Log a setback' }).click()]);
  await options.getByRole('heading', { name: 'First: are you safe right now?' }).waitFor();
  await popup.close();
  const steps = () => options.locator('.setback h4').allInnerTexts();
  expect(await steps()).toEqual(['First: are you safe right now?']);
  // The region's emergency and urgent lines are right there, one click each.
  expect(await options.locator('.setback').getByRole('link', { name: 'Call 999' }).getAttribute('href')).toBe('tel:999');
  expect(await options.locator('.setback').getByRole('link', { name: 'Call 111' }).getAttribute('href')).toBe('tel:111');
  await options.getByLabel('I’m not sure').check();
  await options.getByText(/Please call one of the numbers above now/).waitFor();

  await options.getByRole('button', { name: 'Log this setback' }).click();
  await options.getByText(/A lapse is not a relapse/).waitFor();
  expect(await steps()).toEqual(['First: are you safe right now?', 'Be kind to yourself']);
  const [setback] = (await historyEvents(options)).filter((e) => e.type === 'setback');
  expect(setback).toMatchObject({ followUp: 'open' });
  // The safety answers are not kept.
  expect(JSON.stringify(setback)).not.toMatch(/unsure|alone/);

  await options.getByRole('button', { name: 'Next: the next 24 hours' }).click();
  await options.getByRole('heading', { name: 'The next 24 hours' }).waitFor();
  expect(await options.getByRole('link', { name: 'Text Sam' }).getAttribute('href')).toMatch(/^sms:07700900123\?body=I%E2%80%99ve%20had%20a%20setback/);
  await options.getByRole('button', { name: 'Come back to it tomorrow' }).click();
  await options.getByText(/Kept for later/).waitFor();
  expect(await options.getByLabel('What led to it? (optional)').count()).toBe(0);

  // Another day: the questions wait under "Log a setback".
  await options.reload();
  await options.getByText(/You logged a setback on/).waitFor();
  await options.getByRole('button', { name: 'Answer now' }).click();
  await options.getByLabel('What led to it? (optional)').fill('Payday, on my own');
  await options.getByLabel('One change to my plan (optional)').fill('Go to Sam’s on payday');
  await options.getByRole('button', { name: 'Add this change to my plan' }).click();
  await options.getByText('Added to your plan as an if-then step.').waitFor();
  // The plan editor on the same page shows the new step at once.
  await expect.poll(() => options.getByLabel('then I will (1)').inputValue()).toBe('Go to Sam’s on payday');
  expect(await options.getByLabel('If (1)').inputValue()).toBe('Payday, on my own');
  await options.getByRole('button', { name: 'Save what I’ve learnt' }).click();
  await options.locator('.setback-saved').waitFor();
  const [learnt] = (await historyEvents(options)).filter((e) => e.type === 'setback');
  expect(learnt).toMatchObject({ id: setback!.id, whatHappened: 'Payday, on my own', whatIllChange: 'Go to Sam’s on payday', followUp: 'done' });
  await options.reload();
  await options.getByRole('heading', { name: 'First: are you safe right now?' }).waitFor();
  expect(await options.getByText(/You logged a setback on/).count()).toBe(0);
  await options.close();
});

test('the ketamine health card on Help is closed until opened, remembers being opened, and passes axe light and dark', async () => {
  const help = await open(app, 'help.html');
  const card = help.locator('details.health-card');
  await card.waitFor();
  // Closed by default: its title shows, its facts do not.
  expect(await card.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
  expect(await help.getByText('pain when you pass urine').isVisible()).toBe(false);
  await help.getByRole('heading', { name: 'Ketamine and your body' }).click();
  await help.getByText('pain when you pass urine').waitFor();
  await help.reload();
  await help.getByText('pain when you pass urine').waitFor();
  expect(await card.getByRole('link', { name: 'Call 111' }).getAttribute('href')).toBe('tel:111');
  expect(await card.getByText(/call 999 and put them in the recovery position/).count()).toBe(1);
  for (const colorScheme of ['light', 'dark'] as const) {
    await help.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    expect(await axeViolations(help)).toEqual([]);
  }
  await help.close();
});

test('a backup restored in a fresh browser brings the safety plan back', async () => {
  const options = await open(app, 'options.html#backup');
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Download a backup' }).click()]);
  const { readFileSync } = await import('node:fs');
  const exported = readFileSync((await download.path())!, 'utf8');
  expect(JSON.parse(exported)).toMatchObject({ version: 4, data: { plan: { reasonsForLiving: ['Seeing the sea again'] } } });
  await options.close();
  // One browser at a time (see tests/e2e/backup.test.ts).
  await app.close();

  fresh = await launchSteadfast(server.port);
  const restore = await open(fresh, 'options.html#backup');
  // Precondition: this browser has no safety plan.
  expect(await restore.getByLabel('7. My reasons for living').inputValue()).toBe('');
  await restore.getByLabel('Choose a backup file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect.poll(() => restore.getByText(/a safety plan/).count()).toBeGreaterThan(0);
  await restore.getByRole('button', { name: 'Replace everything' }).click();
  await expect.poll(() => restore.getByRole('status').filter({ hasText: 'Your backup is restored.' }).count()).toBe(1);
  await expect.poll(() => restore.getByLabel('7. My reasons for living').inputValue()).toBe('Seeing the sea again');
  expect(await restore.getByLabel('1. My warning signs').inputValue()).toBe(`Not sleeping\n${HOSTILE}`);
  expect(await restore.getByRole('group', { name: '4. People I can ask for help' }).getByLabel('Sam').isChecked()).toBe(true);
  expect(
    await restore
      .getByRole('group', { name: /From help in United Kingdom/ })
      .getByLabel('Samaritans')
      .isChecked(),
  ).toBe(true);
  expect(await restore.evaluate(() => document.querySelectorAll('img[src="x"], [onerror]').length)).toBe(0);
  expect(dialogs).toEqual([]);
  await restore.close();
});
