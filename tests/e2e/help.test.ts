import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { HELP_SERVICES, regionFromLocale } from '../../lib/help/directory';
import { closeAll, addTriggerThroughOptions, launchSteadfast, waitForRuleFor, type Steadfast } from './browser';
import { TestServer } from './test-server';

// Issue 4: help is one click from every screen, and shows the emergency number for the person's
// region first; the region they choose is remembered everywhere.

let server: TestServer;
let app: Steadfast;
let page: Page;

beforeAll(async () => {
  server = await new TestServer().start();
  app = await launchSteadfast(server.port);
  page = await app.context.newPage();
});

afterAll(() => closeAll(app, server));

const emergencyOf = (region: string) => HELP_SERVICES.find((s) => s.region === region && s.emergency)!;
/** How each region reads after "Help in". */
const WHERE: Record<string, string> = { GB: 'the United Kingdom', IE: 'Ireland', US: 'the United States', CA: 'Canada', AU: 'Australia', NZ: 'New Zealand' };

/** The help page has opened and shows `region`'s emergency number, first of the directory. */
async function expectHelpFor(help: Page, region: string) {
  await help.waitForURL((u) => u.pathname === '/help.html');
  const emergency = emergencyOf(region);
  const call = help.getByRole('link', { name: `Call ${emergency.phone}`, exact: true });
  await call.first().waitFor();
  expect(await call.first().getAttribute('href')).toBe(`tel:${emergency.phone}`);
  expect(await help.locator('.help-list li').first().innerText()).toContain(emergency.name);
  expect(await help.locator('.help-region').innerText()).toContain(`Help in ${WHERE[region]}`);
}

/** True when the person can see `link` where it is and click it, with nothing over it. */
function inView(link: Locator): Promise<boolean> {
  return link.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const onTop = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return box.top >= 0 && box.bottom <= innerHeight && !!onTop && el.contains(onTop);
  });
}

test("help opens for the browser's region, and remembers the one the person chooses", async () => {
  await page.goto(app.url('help.html'));
  const locale = await page.evaluate(() => navigator.language);
  await expectHelpFor(page, regionFromLocale(locale)!);
  expect(await page.getByRole('heading', { level: 2 }).first().innerText()).toBe('Emergency and urgent help');
  expect(await page.getByText(/Numbers compiled on \d+ \w+ \d{4}/).count()).toBe(1);

  await page.getByRole('button', { name: 'change where you are, for helplines' }).click();
  await page.getByLabel('Where you are').selectOption('AU');
  await page.getByRole('button', { name: 'Done' }).click();
  await expectHelpFor(page, 'AU');
  await page.reload();
  await expectHelpFor(page, 'AU');
  expect(await page.getByRole('link', { name: 'Call 13 11 14' }).getAttribute('href')).toBe('tel:131114');
});

test('from the popup, one click', async () => {
  await page.goto(app.url('popup.html'));
  const [help] = await Promise.all([app.context.waitForEvent('page'), page.getByRole('link', { name: 'Get help now' }).first().click()]);
  await expectHelpFor(help, 'AU');
  await help.close();
});

test('from the pause page a trigger site redirected to, one click', async () => {
  await page.goto(app.url('options.html'));
  await addTriggerThroughOptions(app, 'trigger.test', page);
  await waitForRuleFor(app.worker, 'trigger.test');
  await page.goto('http://trigger.test/');
  await page.waitForURL((u) => u.pathname === '/pause.html');
  const link = page.getByRole('link', { name: 'Get help now' }).first();
  expect(await inView(link)).toBe(true);
  await link.click();
  await expectHelpFor(page, 'AU');
  expect(server.requestsTo('trigger.test')).toBe(0);
});

test('from the coping page, one click', async () => {
  await page.goto(app.url('coping.html'));
  const link = page.getByRole('link', { name: 'Get help now' }).first();
  expect(await inView(link)).toBe(true);
  await link.click();
  await expectHelpFor(page, 'AU');
});

test('from every section of "My recovery", one click, without scrolling back', async () => {
  await page.goto(app.url('options.html'));
  const nav = page.getByRole('navigation', { name: 'Sections' });
  const sections = await nav.locator('a[href^="#"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  // The popup links straight to "Log a setback" too.
  sections.push('#setback');
  expect(sections.length).toBeGreaterThanOrEqual(4);
  for (const section of sections) {
    await page.goto(app.url(`options.html${section}`));
    const target = page.locator(section);
    await target.waitFor();
    // Let the page finish drawing, then go to the section as a person's click would.
    await page.getByLabel('My reasons (one a line)').waitFor();
    await target.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const link = page.getByRole('link', { name: 'Get help now' });
    expect(await inView(link), `help in view at ${section}`).toBe(true);
    await link.click();
    await expectHelpFor(page, 'AU');
  }
});

test('a check-in at the top of the scale offers the crisis lines first', async () => {
  await page.goto(app.url('popup.html'));
  await page.getByText('Daily check-in').click();
  await page.getByLabel('Okay').check();
  await page.getByRole('slider').fill('10');
  await page.getByRole('button', { name: 'Save check-in' }).click();
  const done = page.locator('.checkin-done');
  await done.getByRole('link', { name: 'Call 000' }).waitFor();
  expect(await done.getByRole('link', { name: 'Call 13 11 14' }).getAttribute('href')).toBe('tel:131114');
  expect(await done.getByRole('link', { name: 'Text 0477 13 11 14' }).getAttribute('href')).toBe('sms:0477131114');
  expect((await done.innerText()).indexOf('hard moment')).toBeLessThan((await done.innerText()).indexOf('Thank you'));
});

test('an urge at the top of the scale offers the crisis lines, gently, beside the exercise', async () => {
  await page.goto(app.url('coping.html'));
  await page.getByRole('button', { name: 'Surf the urge' }).click();
  await page.getByRole('radio', { name: '10' }).check();
  const note = page.locator('.exercise-note');
  await note.getByRole('link', { name: 'Call 000' }).waitFor();
  expect(await note.getByRole('link', { name: 'Call 13 11 14' }).count()).toBe(1);
  expect(await note.locator('.help-region').innerText()).toContain('Help in Australia');
  // The exercise carries on if the person wants it.
  expect(await page.getByRole('button', { name: '20 minutes' }).count()).toBe(1);
});

test("the person's own services come first, and bad input changes nothing", async () => {
  await page.goto(app.url('help.html'));
  await page.getByRole('button', { name: 'Add a service' }).click();
  await page.getByLabel('Name').fill('Riverside clinic');
  await page.getByLabel('Phone', { exact: true }).fill('0161 496 0000');
  await page.getByLabel('Website (optional)').fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Add this service' }).click();
  await expect.poll(() => page.getByRole('alert').innerText()).toContain('Only web addresses');
  await page.reload();
  await page.locator('.help-region').waitFor();
  expect(await page.getByRole('heading', { name: 'Riverside clinic' }).count()).toBe(0);

  await page.getByRole('button', { name: 'Add a service' }).click();
  await page.getByLabel('Name').fill('Riverside clinic');
  await page.getByLabel('Phone', { exact: true }).fill('0161 496 0000');
  await page.getByLabel('Website (optional)').fill('clinic.example.org');
  await page.getByLabel('Note (optional)').fill('Ask for Jo');
  await page.getByRole('button', { name: 'Add this service' }).click();
  await page.getByRole('heading', { name: 'Riverside clinic' }).waitFor();

  await page.reload();
  await page.getByRole('heading', { name: 'Riverside clinic' }).waitFor();
  expect(await page.getByRole('heading', { level: 2 }).first().innerText()).toBe('Your own services');
  expect(await page.getByRole('link', { name: 'Call 0161 496 0000' }).getAttribute('href')).toBe('tel:01614960000');
  expect(await page.getByRole('link', { name: /^Visit their site \(Riverside clinic\)$/ }).getAttribute('href')).toBe('https://clinic.example.org/');
  await expectHelpFor(page, 'AU');
});
