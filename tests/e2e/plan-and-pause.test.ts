import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { closeAll, addTriggerThroughOptions, launchSteadfast, waitForRuleFor, type Steadfast } from './browser';
import { TestServer } from './test-server';

let server: TestServer;
let app: Steadfast;
let page: Page;

beforeAll(async () => {
  server = await new TestServer().start();
  app = await launchSteadfast(server.port);
  page = await app.context.newPage();
});

afterAll(() => closeAll(app, server));

async function openTrigger(url = 'http://trigger.test/') {
  await page.goto(url);
  await page.waitForURL((u) => u.pathname === '/pause.html');
  await page.locator('.plan').waitFor();
}

test('with no plan yet, the pause page invites the person to write one', async () => {
  await addTriggerThroughOptions(app, 'trigger.test', await openOptions());
  await waitForRuleFor(app.worker, 'trigger.test');
  await openTrigger();
  expect(await page.locator('.plan').innerText()).toContain('Start your plan');
  // The calm first screen, a coping prompt and help are there too.
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('Breathe');
  await page.locator('.coping li').first().waitFor();
  expect(await page.getByRole('link', { name: 'Get help now' }).count()).toBeGreaterThan(0);
  await page.getByRole('link', { name: 'Start your plan' }).click();
  await page.waitForURL((u) => u.pathname === '/options.html' && u.hash === '#plan');
});

async function openOptions(): Promise<Page> {
  await page.goto(app.url('options.html'));
  return page;
}

test('the plan written in "My recovery" is kept and shown on the pause page', async () => {
  const options = await openOptions();
  await options.getByLabel('My reasons (one a line)').fill('My daughter\nWaking up clear-headed');
  await options.getByRole('button', { name: 'Add an if-then step' }).click();
  await options.getByLabel('If (1)').fill("I'm alone on a Friday night");
  await options.getByLabel('then I will (1)').fill('call Sam and go for a walk');
  await options.getByLabel('My coping strategies (one a line)').fill('Cold water on my face');
  await options.getByRole('button', { name: 'Add a support person' }).click();
  await options.getByLabel('Name (1)').fill('Sam');
  await options.getByLabel('Phone (1)').fill('+44 7700 900123');
  await options.getByLabel('If I have a setback').fill('Tell Sam, be kind to myself, read this plan.');
  await expect.poll(() => options.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);

  // Nothing is lost on reload.
  await options.reload();
  await expect.poll(() => options.getByLabel('My reasons (one a line)').inputValue()).toBe('My daughter\nWaking up clear-headed');
  expect(await options.getByLabel('then I will (1)').inputValue()).toBe('call Sam and go for a walk');
  expect(await options.getByLabel('If I have a setback').inputValue()).toBe('Tell Sam, be kind to myself, read this plan.');

  await openTrigger('http://www.trigger.test/late-night');
  const plan = await page.locator('.plan').innerText();
  expect(plan).toContain('My daughter');
  expect(plan).toContain('Waking up clear-headed');
  expect(plan).toContain("If I'm alone on a Friday night, then call Sam and go for a walk");
  expect(plan).toContain('Cold water on my face');
  expect(await page.getByRole('link', { name: 'Call Sam' }).getAttribute('href')).toBe('tel:+447700900123');
  expect(await page.getByRole('link', { name: 'Text Sam' }).getAttribute('href')).toMatch(/^sms:\+447700900123\?body=/);
  expect(server.requestsTo('trigger.test')).toBe(0);
});

test('two "My recovery" tabs open at once: each shows what the other wrote, and neither loses it', async () => {
  const first = await openOptions();
  const second = await app.context.newPage();
  await second.goto(app.url('options.html#plan'));
  await second.getByLabel('My daily protective routine').waitFor();
  await first.getByLabel('My daily protective routine').waitFor();

  await second.getByLabel('My daily protective routine').fill('Walk at eight, call Mum on Sundays');
  // The first tab, untouched, takes it as it is stored.
  await expect.poll(() => first.getByLabel('My daily protective routine').inputValue()).toBe('Walk at eight, call Mum on Sundays');
  // Typing in the first tab afterwards keeps the routine written in the second.
  await first.getByLabel('Early warning signs').fill('Skipping meals');
  await expect.poll(() => second.getByLabel('Early warning signs').inputValue()).toBe('Skipping meals');
  await second.close();

  await first.reload();
  await expect.poll(() => first.getByLabel('Early warning signs').inputValue()).toBe('Skipping meals');
  expect(await first.getByLabel('My daily protective routine').inputValue()).toBe('Walk at eight, call Mum on Sundays');
  expect(await first.getByLabel('My reasons (one a line)').inputValue()).toBe('My daughter\nWaking up clear-headed');
});

test('the coping prompt changes between visits', async () => {
  const seen = new Set<string>();
  for (let visit = 0; visit < 3; visit += 1) {
    await openTrigger(`http://trigger.test/visit-${visit}`);
    seen.add(await page.locator('#coping-title').innerText());
  }
  expect(seen.size).toBe(3);
});

test('"Take me away" leaves for the plan, never back to the trigger', async () => {
  await openTrigger();
  await page.getByRole('link', { name: 'Take me away' }).click();
  await page.waitForURL((u) => u.pathname === '/options.html');
  expect(server.requestsTo('trigger.test')).toBe(0);
});

test('help is one click from the pause page and from "My recovery"', async () => {
  await openTrigger();
  await page.getByRole('link', { name: 'Get help now' }).first().click();
  await page.waitForURL((u) => u.pathname === '/help.html');
  await page.getByRole('heading', { name: 'Get help now' }).waitFor();
  expect(await page.locator('.help-list li').first().innerText()).toMatch(/Emergency/);

  await openOptions();
  await page.getByRole('link', { name: 'Get help now' }).click();
  await page.waitForURL((u) => u.pathname === '/help.html');
});

test.each([
  ['#javascript:alert(1)'],
  ['#data:text/html,<script>alert(1)</script>'],
  ['#chrome://settings'],
  ['#"><img src=x onerror="document.title=\'pwned\'">'],
  ['#http://x.test/"><img src=x onerror="document.title=\'pwned\'">'],
  [`#http://x.test/${'a'.repeat(100_000)}`],
])('a hostile fragment %# is never run, followed or rendered as markup', async (hash) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await page.goto(app.url(`pause.html${hash}`));
  await page.locator('.plan').waitFor();
  expect(await page.locator('main img, main script').count()).toBe(0);
  expect(await page.title()).not.toBe('pwned');
  expect(dialogs).toBe(0);
  for (const href of await page.locator('a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))) {
    expect(href).toMatch(/^(chrome-extension|tel|sms|mailto|https?):/);
    expect(href).not.toContain('javascript:');
  }
  const shown = await page.locator('main').innerText();
  expect(shown.length).toBeLessThan(20_000);
});

test('a web page cannot probe for Steadfast (use_dynamic_url)', async () => {
  await page.goto('http://other.test/');
  const probe = await page.evaluate(async (url) => {
    try {
      await fetch(url);
      return 'reachable';
    } catch {
      return 'unreachable';
    }
  }, app.url('pause.html'));
  expect(probe).toBe('unreachable');
});
