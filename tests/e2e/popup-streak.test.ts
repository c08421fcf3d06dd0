import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { closeAll, addTriggerThroughOptions, launchSteadfast, reloadExtension, waitForRuleFor, type Steadfast } from './browser';
import { browserDay, historyEvents } from './history';
import { TestServer } from './test-server';

let server: TestServer;
let app: Steadfast;
let popup: Page;

beforeAll(async () => {
  server = await new TestServer().start();
  app = await launchSteadfast(server.port);
  popup = await app.context.newPage();
});

afterAll(() => closeAll(app, server));

async function openPopup() {
  await popup.goto(app.url('popup.html'));
  await popup.getByRole('link', { name: "I'm having an urge" }).waitFor();
}

test('a newcomer sets the day their streak started; a future day is refused kindly', async () => {
  const options = await app.context.newPage();
  await options.goto(app.url('options.html'));
  await options.getByLabel('My reasons (one a line)').fill('Seeing my niece grow up');
  await options.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await options.close();

  await openPopup();
  expect(await popup.getByRole('link', { name: 'Get help now' }).getAttribute('href')).toMatch(/help\.html$/);
  await popup.getByLabel('My current streak started on').fill(await browserDay(popup, 3));
  await popup.getByRole('button', { name: 'Save start day' }).click();
  await expect.poll(() => popup.getByRole('alert').first().innerText()).toContain('in the future');
  expect(await popup.locator('.streak-number').count()).toBe(0);

  await popup.getByLabel('My current streak started on').fill(await browserDay(popup, -10));
  await popup.getByLabel('Days without (optional)').fill('ketamine');
  await popup.getByRole('button', { name: 'Save start day' }).click();
  await expect.poll(() => popup.locator('.streak-number').innerText()).toBe('10 days');
  const streak = await popup.locator('.streak').innerText();
  expect(streak).toContain('without ketamine');
  expect(streak).toMatch(/Next milestone: 14 days, in 4 days/);
  expect(streak).toMatch(/Longest streak\s+10 days/);
  expect(streak).toMatch(/Total days without use\s+10 days/);
  const celebration = await popup.locator('.celebration').innerText();
  expect(celebration).toContain('7 days. Well done.');
  expect(celebration).toContain('Seeing my niece grow up');
});

test('a milestone reached is celebrated once, with the person’s own reason', async () => {
  // Setting the start ten days back in the last test reached 1, 3 and 7 days: the popup celebrated
  // the largest then, with the reason written before. The next opening does not repeat it.
  const milestones = (await historyEvents(popup)).filter((e) => e.type === 'milestone');
  expect(milestones.map((m) => m.days).sort((a, b) => Number(a) - Number(b))).toEqual([1, 3, 7]);
  expect(milestones.every((m) => m.celebrated)).toBe(true);
  await openPopup();
  await popup.locator('.streak-number').waitFor();
  expect(await popup.locator('.celebration').count()).toBe(0);
});

test('a daily check-in takes a few taps and is kept in the history', async () => {
  await openPopup();
  await popup.getByText('Daily check-in').click();
  await popup.getByLabel('Okay').check();
  await popup.getByLabel(/Urge right now/).fill('6');
  await popup.getByLabel('Tired', { exact: true }).check();
  await popup.getByRole('button', { name: 'Save check-in' }).click();
  await popup.getByText('Thank you for checking in').waitFor();
  const [checkin] = (await historyEvents(popup)).filter((e) => e.type === 'checkin');
  expect(checkin).toMatchObject({ mood: 3, craving: 6, halt: { hungry: false, angry: false, lonely: false, tired: true } });
});

test('a setback restarts the count kindly and erases nothing', async () => {
  const options = await app.context.newPage();
  await options.goto(app.url('options.html#setback'));
  // Safety first, then kindness, then the next 24 hours, then (when ready) what led to it.
  await options.getByRole('heading', { name: 'First: are you safe right now?' }).waitFor();
  await options.getByRole('button', { name: 'Log this setback' }).click();
  await options.getByText(/A lapse is not a relapse/).waitFor();
  await options.getByRole('button', { name: 'Next: the next 24 hours' }).click();
  await options.getByRole('button', { name: 'Answer now' }).click();
  await options.getByLabel('What led to it? (optional)').fill('A party, old friends');
  await options.getByRole('button', { name: 'Save what I’ve learnt' }).click();
  await options.locator('.setback-saved').waitFor();
  expect(await options.getByRole('link', { name: 'Adjust my plan' }).count()).toBe(1);
  await options.close();

  await openPopup();
  // The day of the setback has no whole day without use yet: a fresh start, beside the longest
  // and the total counted by the same rule (never "Day 1" beside "Longest streak 10 days").
  await expect.poll(() => popup.locator('.streak-day').innerText()).toBe('Today is a fresh start');
  expect(await popup.locator('.streak-number').count()).toBe(0);
  const streak = await popup.locator('.streak').innerText();
  expect(streak).toMatch(/Longest streak\s+10 days/);
  expect(streak).toMatch(/Total days without use\s+10 days/);
  const [setback] = (await historyEvents(popup)).filter((e) => e.type === 'setback');
  expect(setback).toMatchObject({ whatHappened: 'A party, old friends' });
});

test('every pause-page visit is recorded with what the person did', async () => {
  await addTriggerThroughOptions(app, 'trigger.test');
  await waitForRuleFor(app.worker, 'trigger.test');
  const page = await app.context.newPage();
  await page.goto('http://trigger.test/deep/link?q=private');
  await page.getByRole('link', { name: 'Take me away' }).click();
  await page.waitForURL((u) => u.pathname === '/options.html');
  await expect
    .poll(async () => (await historyEvents(page)).filter((e) => e.type === 'intervention').map((e) => [e.site, e.outcome]))
    .toEqual([['trigger.test', 'left']]);
  // Only the trigger's name is kept, never the address.
  expect(JSON.stringify(await historyEvents(page))).not.toContain('private');
  expect(server.requestsTo('trigger.test')).toBe(0);
});

test('closing the pause page counts as turning back: the visit is recorded as closed', async () => {
  const page = await app.context.newPage();
  await page.goto('http://trigger.test/again');
  await page.locator('.plan').waitFor();
  // The visit is written once the page has read the person's plan and streak.
  await expect.poll(async () => (await historyEvents(page)).filter((e) => e.type === 'intervention').length).toBe(2);
  await page.close();
  const reader = await app.context.newPage();
  await reader.goto(app.url('privacy.html'));
  await expect
    .poll(async () =>
      (await historyEvents(reader))
        .filter((e) => e.type === 'intervention')
        .map((e) => e.outcome)
        .sort(),
    )
    .toEqual(['closed', 'left']);
  await reader.close();
  expect(server.requestsTo('trigger.test')).toBe(0);
});

test('"I\'m having an urge" opens the coping tools; an urge ridden out is kept in the history', async () => {
  await openPopup();
  const [coping] = await Promise.all([app.context.waitForEvent('page'), popup.getByRole('link', { name: "I'm having an urge" }).click()]);
  await coping.getByRole('heading', { name: /You reached for help/ }).waitFor();
  expect(await coping.getByRole('link', { name: 'Get help now' }).count()).toBeGreaterThan(0);
  await coping.getByRole('button', { name: 'Surf the urge' }).click();
  await coping.getByRole('group', { name: 'How strong is the urge right now?' }).getByLabel('7').check();
  await coping.getByRole('button', { name: '5 minutes', exact: true }).click();
  await coping.getByRole('timer').waitFor();
  await coping.getByRole('button', { name: 'Rate it now' }).click();
  await coping.getByRole('group', { name: 'How strong is the urge now?' }).getByLabel('4').check();
  await coping.getByRole('button', { name: 'Finish', exact: true }).click();
  await expect.poll(async () => (await historyEvents(coping)).filter((e) => e.type === 'urge')).toHaveLength(1);
  const [urge] = (await historyEvents(coping)).filter((e) => e.type === 'urge');
  expect(urge).toMatchObject({ before: 7, after: 4 });
  await coping.close();
  expect(await popup.getByRole('link', { name: 'My plan' }).getAttribute('href')).toMatch(/options\.html#plan$/);
  expect(await popup.getByRole('link', { name: 'Log a setback' }).getAttribute('href')).toMatch(/options\.html#setback$/);
});

async function expectHistoryKept() {
  await openPopup();
  await expect.poll(() => popup.locator('.streak-day').innerText()).toBe('Today is a fresh start');
  const types = (await historyEvents(popup)).map((e) => e.type).sort();
  expect(types).toEqual(['checkin', 'intervention', 'intervention', 'milestone', 'milestone', 'milestone', 'setback', 'urge']);
}

test('history survives the service worker being stopped', async () => {
  const cdp = await app.context.browser()!.newBrowserCDPSession();
  const send = cdp.send.bind(cdp) as unknown as (method: string, params?: object) => Promise<unknown>;
  const targets = (await send('Target.getTargets')) as { targetInfos: { type: string; url: string; targetId: string }[] };
  const worker = targets.targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(app.extensionId));
  expect(worker).toBeDefined();
  await send('Target.closeTarget', { targetId: worker!.targetId });
  await expectHistoryKept();
});

test('history survives the extension reloading and the browser restarting', async () => {
  await reloadExtension(app);
  // Reloading closes the extension's open pages, as it does for a person.
  popup = await app.context.newPage();
  await expectHistoryKept();
  await app.close();
  app = await launchSteadfast(server.port, app.profile);
  popup = await app.context.newPage();
  await expectHistoryKept();
});
