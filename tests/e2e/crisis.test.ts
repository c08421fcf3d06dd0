import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from './axe';
import { addTriggerThroughOptions, closeAll, launchSteadfast, waitForRuleFor, type Steadfast } from './browser';
import { TestServer } from './test-server';

// Issue 16: "I'm not safe" is one click from every page and opens the crisis screen, which starts
// with the emergency number for the person's region, then the 24/7 crisis and drug lines, then
// their own support people. Its numbers are static HTML: they show with storage broken and with
// no script at all.

let server: TestServer;

beforeAll(async () => {
  server = await new TestServer().start();
});
afterAll(() => server?.stop());

/** The crisis screen as a person reads it: the region sections shown, each with its lines' links in order. */
async function shownNumbers(page: Page): Promise<{ region: string; links: string[] }[]> {
  return page.locator('.crisis-region:not([hidden])').evaluateAll((sections) =>
    sections.map((section) => ({
      region: (section as HTMLElement).dataset.region!,
      links: [...section.querySelectorAll('a')].map((a) => `${a.textContent} ${a.getAttribute('href')}`),
    })),
  );
}

/** The tel: links of the crisis screen's first shown region, in order. */
async function firstCalls(page: Page): Promise<string[]> {
  const [first] = await shownNumbers(page);
  return (first?.links ?? []).filter((link) => link.includes('tel:'));
}

async function openCrisis(page: Page, app: Steadfast): Promise<void> {
  await page.goto(app.url('crisis.html'));
  await page.locator('.help-region').first().waitFor();
}

describe('in a browser set to English (United Kingdom)', () => {
  let app: Steadfast;
  let page: Page;

  beforeAll(async () => {
    app = await launchSteadfast(server.port, undefined, { locale: 'en-GB' });
    page = await app.context.newPage();
    await page.goto(app.url('options.html'));
    await addTriggerThroughOptions(app, 'trigger.test', page);
    await waitForRuleFor(app.worker, 'trigger.test');
    // A support person whose name and role are markup, as a hostile backup or sync could bring.
    await page.getByRole('button', { name: 'Add a support person' }).click();
    await page.getByLabel('Name (1)').fill('<img src=x onerror="window.pwned=1">Sam');
    await page.getByLabel('Phone (1)').fill('+44 7700 900123');
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  });
  afterAll(() => closeAll(app, undefined));

  test('the browser really is in British English', async () => {
    await page.goto(app.url('crisis.html'));
    expect(await page.evaluate(() => navigator.language)).toBe('en-GB');
  });

  test('the crisis screen names the place and starts with 999, then Samaritans, Shout and Lifeline, then FRANK', async () => {
    await openCrisis(page, app);
    expect(await page.locator('.help-region').innerText()).toContain('Help in the United Kingdom');
    const shown = await shownNumbers(page);
    expect(shown.map((s) => s.region)).toEqual(['GB']);
    expect(shown[0]!.links).toEqual([
      'Call 999 tel:999',
      'Call 116 123 tel:116123',
      'Text 85258 sms:85258?body=SHOUT',
      'Call 0808 808 8000 tel:08088088000',
      'Call 111 tel:111',
      'Call 0300 123 6600 tel:03001236600',
      'Text 82111 sms:82111',
    ]);
    // The emergency number is the first thing to press on the page, after the shell's own links.
    const firstButton = page.locator('main a.button').first();
    expect(await firstButton.innerText()).toBe('Call 999');
    // Then the person's own support people.
    await page.getByRole('heading', { name: 'People you can call' }).waitFor();
  });

  test('Northern Ireland, chosen with "change": Lifeline first, no NHS 111, and remembered', async () => {
    await openCrisis(page, app);
    await page.getByRole('button', { name: 'change where you are, for helplines' }).click();
    await page.getByLabel('Where you are').selectOption('GB-NIR');
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.locator('.help-region').first().innerText()).toContain('Help in Northern Ireland');
    expect(await firstCalls(page)).toEqual([
      'Call 999 tel:999',
      'Call 0808 808 8000 tel:08088088000',
      'Call 116 123 tel:116123',
      'Call 0300 123 6600 tel:03001236600',
    ]);
    await page.reload();
    await page.locator('.help-region').first().waitFor();
    expect(await page.locator('.help-region').first().innerText()).toContain('Help in Northern Ireland');
    expect((await shownNumbers(page)).map((s) => s.region)).toEqual(['GB-NIR']);
    // Back to the UK for the tests after this one.
    await page.getByRole('button', { name: 'change where you are, for helplines' }).click();
    await page.getByLabel('Where you are').selectOption('GB');
    await expect.poll(async () => (await shownNumbers(page)).map((s) => s.region)).toEqual(['GB']);
  });

  test('hostile text in a support person renders as text', async () => {
    await openCrisis(page, app);
    const people = page.locator('.crisis-people');
    await people.getByText('<img src=x onerror="window.pwned=1">Sam').waitFor();
    expect(await people.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    expect(await people.getByRole('link', { name: 'Call <img src=x onerror="window.pwned=1">Sam' }).getAttribute('href')).toBe('tel:+447700900123');
  });

  describe.each(['light', 'dark'] as const)('%s colour scheme', (colorScheme) => {
    test('axe-core finds no WCAG 2 A/AA violation on the crisis screen, nor with the place being changed', async () => {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await openCrisis(page, app);
      await page.getByRole('heading', { name: 'People you can call' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'change where you are, for helplines' }).click();
      expect(await axeViolations(page)).toEqual([]);
      await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
    });
  });

  /** Each page a person can see, opened, and its "I'm not safe" clicked: the crisis screen opens. */
  const FROM: [string, (page: Page) => Promise<void>][] = [
    [
      'the pause page',
      async (p) => {
        await p.goto('http://trigger.test/');
        await p.waitForURL((u) => u.pathname === '/pause.html');
      },
    ],
    ['coping', async (p) => void (await p.goto(app.url('coping.html')))],
    ['help', async (p) => void (await p.goto(app.url('help.html')))],
    ['progress', async (p) => void (await p.goto(app.url('progress.html')))],
    ['options ("My recovery")', async (p) => void (await p.goto(app.url('options.html')))],
    ['welcome', async (p) => void (await p.goto(app.url('welcome.html')))],
    ['privacy', async (p) => void (await p.goto(app.url('privacy.html')))],
  ];

  test.each(FROM)('from %s, one click on "I\'m not safe"', async (_name, open) => {
    await open(page);
    const link = page.getByRole('link', { name: "I'm not safe" });
    expect(await link.count()).toBe(1);
    await link.click();
    await page.waitForURL((u) => u.pathname === '/crisis.html');
    await page.locator('.help-region').first().waitFor();
    expect(await firstCalls(page)).toContain('Call 999 tel:999');
    expect(server.requestsTo('trigger.test')).toBe(0);
  });

  test('from the popup, one click on "I\'m not safe" opens the crisis screen in a tab', async () => {
    await page.goto(app.url('popup.html'));
    const [crisis] = await Promise.all([app.context.waitForEvent('page'), page.getByRole('link', { name: "I'm not safe" }).click()]);
    await crisis.waitForURL((u) => u.pathname === '/crisis.html');
    await crisis.locator('.help-region').first().waitFor();
    expect((await firstCalls(crisis))[0]).toBe('Call 999 tel:999');
    await crisis.close();
  });

  test("the pause page's link is in its static HTML, there before any script runs", async () => {
    // The page's own file, as the browser loads it (read from another page of the extension).
    await page.goto(app.url('privacy.html'));
    const html = await page.evaluate(async () => (await fetch('/pause.html')).text());
    expect(html).toMatch(/<a class="crisis-link" href="\/crisis\.html"[^>]*>I'm not safe<\/a>/);
  });

  test('with storage and IndexedDB broken, the numbers still show, the UK first, and the plan says it could not be read', async () => {
    const broken = await app.context.newPage();
    await broken.addInitScript(() => {
      const fail = () => {
        throw new Error('storage is broken (test)');
      };
      const area = (globalThis as unknown as { chrome: { storage: { local: object } } }).chrome.storage.local;
      for (const method of ['get', 'set', 'remove', 'clear']) Object.defineProperty(area, method, { value: fail, configurable: true });
      Object.defineProperty(indexedDB, 'open', { value: fail, configurable: true });
    });
    await broken.goto(app.url('crisis.html'));
    // The precondition: storage really fails in this page.
    expect(
      await broken.evaluate(() =>
        Promise.resolve()
          .then(() => (globalThis as unknown as { chrome: { storage: { local: { get: () => unknown } } } }).chrome.storage.local.get())
          .then(
            () => 'works',
            () => 'fails',
          ),
      ),
    ).toBe('fails');
    await broken.getByRole('alert').filter({ hasText: "Your plan couldn't be read just now" }).waitFor();
    expect(await broken.locator('.help-region').first().innerText()).toContain('Help in the United Kingdom');
    expect((await firstCalls(broken))[0]).toBe('Call 999 tel:999');
    await broken.close();
  });

  test('with no script at all, every region’s numbers show, in English, from the static HTML', async () => {
    const still = await app.context.newPage();
    const cdp = await app.context.newCDPSession(still);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await still.goto(app.url('crisis.html'));
    await still.getByRole('heading', { name: "If you're not safe right now" }).waitFor();
    // The precondition: the page's script did not run (it fills these two places).
    expect(await still.locator('#crisis-region').innerHTML()).toBe('');
    expect(await still.locator('#app').innerHTML()).toBe('');
    const shown = await shownNumbers(still);
    expect(shown.map((s) => s.region)).toEqual(['GB', 'GB-NIR', 'IE', 'US', 'CA', 'AU', 'NZ', 'INTL']);
    expect(shown[0]!.links[0]).toBe('Call 999 tel:999');
    expect(await still.getByRole('link', { name: 'Call 988' }).first().getAttribute('href')).toBe('tel:988');
    // Visible, not only in the DOM: the page's own CSS draws them.
    expect(await still.getByRole('link', { name: 'Call 999' }).first().isVisible()).toBe(true);
    await still.close();
  });
});

describe.each([
  ['en-IE', 'Help in Ireland', ['Call 112 tel:112', 'Call 116 123 tel:116123'], 'Text 50808 sms:50808?body=TALK'],
  ['en-US', 'Help in the United States', ['Call 911 tel:911', 'Call 988 tel:988', 'Call 1-800-662-HELP (4357) tel:18006624357'], 'Text 988 sms:988'],
])('in a browser set to %s', (locale, named, calls, text) => {
  let app: Steadfast;
  beforeAll(async () => {
    app = await launchSteadfast(server.port, undefined, { locale });
  });
  afterAll(() => closeAll(app, undefined));

  test('the crisis screen names the place and shows its numbers first', async () => {
    const page = await app.context.newPage();
    await openCrisis(page, app);
    expect(await page.evaluate(() => navigator.language)).toBe(locale);
    expect(await page.locator('.help-region').innerText()).toContain(named);
    expect(await firstCalls(page)).toEqual(calls);
    expect((await shownNumbers(page))[0]!.links).toContain(text);
    expect((await shownNumbers(page)).length).toBe(1);
  });
});

describe('in a browser set to a language outside the six regions (German, Germany)', () => {
  let app: Steadfast;
  beforeAll(async () => {
    app = await launchSteadfast(server.port, undefined, { locale: 'de-DE' });
  });
  afterAll(() => closeAll(app, undefined));

  test('the crisis screen asks where the person is, says to call the local emergency number, and guesses nothing', async () => {
    const page = await app.context.newPage();
    await page.goto(app.url('crisis.html'));
    expect(await page.evaluate(() => navigator.language)).toBe('de-DE');
    await page.getByText('Where are you? Helplines differ from country to country').waitFor();
    expect(await page.locator('.help-region').innerText()).not.toContain('Help in');
    const shown = await shownNumbers(page);
    // "Somewhere else" first: the local emergency number and Find A Helpline; every region still there.
    expect(shown[0]!.region).toBe('INTL');
    expect(shown[0]!.links).toEqual(['Find A Helpline: free helplines, country by country https://findahelpline.com/']);
    expect(await page.locator('[data-region="INTL"]').innerText()).toContain('call your local emergency number');
    expect(shown.map((s) => s.region).sort()).toEqual(['AU', 'CA', 'GB', 'GB-NIR', 'IE', 'INTL', 'NZ', 'US']);
    // Choosing one puts it first and names it.
    await page.getByLabel('Where you are').selectOption('AU');
    await expect.poll(() => page.locator('.help-region').innerText()).toContain('Help in Australia');
    expect(await firstCalls(page)).toEqual(['Call 000 tel:000', 'Call 13 11 14 tel:131114', 'Call 1800 250 015 tel:1800250015']);
  });
});
