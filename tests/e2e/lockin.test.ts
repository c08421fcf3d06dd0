import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from './axe';
import { closeAll, launchSteadfast, type Steadfast } from './browser';
import { TestServer } from './test-server';

// Issue 21, parts 1 and 2, in Debian's Chromium with the extension loaded unpacked (installType
// "development"): the lock-in page is reached from My recovery, makes a policy file for this
// extension's real id, keeps hostile input out of it, and says honestly what is still open.
let server: TestServer;
let app: Steadfast;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  server = await new TestServer().start();
  app = await launchSteadfast(server.port);
  page = await app.context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

afterAll(() => closeAll(app, server));

const fileText = () => page.locator('pre.lockin-text code').innerText();
/** The text behind the Download link: the Blob the page made, read back as the browser would save it. */
const downloaded = () => page.getByRole('link', { name: 'Download the file' }).evaluate(async (a) => (await fetch((a as HTMLAnchorElement).href)).text());

async function installType(): Promise<string> {
  type Chrome = { management: { getSelf(): Promise<{ installType: string }> } };
  return page.evaluate(async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.management.getSelf()).installType);
}

test('My recovery leads to the lock-in page, which names this browser and system', async () => {
  await page.goto(app.url('options.html'));
  const section = page.getByRole('region', { name: 'Make it hard to switch off' });
  await section.getByRole('link', { name: 'Show me how, for this browser' }).click();
  await page.waitForURL((u) => u.pathname === '/lockin.html');
  expect(await page.title()).toBe('Make it hard to switch off · Steadfast');
  await page.getByText('It looks like you are using Chromium on Linux. If that is not right, change it here.').waitFor();
  expect(await page.getByLabel('Browser', { exact: true }).inputValue()).toBe('chromium');
  expect(await page.getByLabel('Computer', { exact: true }).inputValue()).toBe('linux');
  // Help stays one click away.
  await page.getByRole('link', { name: 'Get help now' }).waitFor();
});

test('Linux and Chromium, every protection: the managed-policy JSON names the real id, parses, and downloads as shown', async () => {
  await page.goto(app.url('lockin.html'));
  // Change both away and back, as a person correcting a wrong guess would.
  await page.getByLabel('Computer', { exact: true }).selectOption('windows');
  await page.getByText('steadfast-chromium.reg').waitFor();
  await page.getByLabel('Computer', { exact: true }).selectOption('linux');
  await page.getByLabel('Browser', { exact: true }).selectOption('chromium');
  await page.locator('[data-file-name]', { hasText: 'steadfast.json' }).waitFor();
  for (const name of [/^Keep Steadfast installed/, /^Turn off private windows/, /^Turn off guest windows/, /^Stop new browser profiles/]) {
    await page.getByRole('checkbox', { name }).check();
  }
  await expect
    .poll(async () => JSON.parse(await fileText()) as unknown)
    .toEqual({
      ExtensionInstallForcelist: [`${app.extensionId};https://clients2.google.com/service/update2/crx`],
      IncognitoModeAvailability: 1,
      BrowserGuestModeEnabled: false,
      BrowserAddPersonEnabled: false,
    });
  expect(await page.locator('[data-place]').innerText()).toBe('/etc/chromium/policies/managed/');
  expect(await downloaded()).toBe(await fileText());
  expect(await page.getByRole('link', { name: 'Download the file' }).getAttribute('download')).toBe('steadfast.json');
  // Honest about the missing store listing: the id named is the one running now.
  await page.getByText(`so the file names the copy running now (${app.extensionId})`, { exact: false }).waitFor();

  // Unticking a protection takes it out of the file.
  await page.getByRole('checkbox', { name: /^Turn off guest windows/ }).uncheck();
  await expect
    .poll(async () => Object.keys(JSON.parse(await fileText()) as object))
    .toEqual(['ExtensionInstallForcelist', 'IncognitoModeAvailability', 'BrowserAddPersonEnabled']);
});

test('a hostile install address never reaches the file: a clear message, no file, nothing run', async () => {
  await page.goto(app.url('lockin.html'));
  await page.getByLabel('Computer', { exact: true }).selectOption('windows');
  await page.getByText('steadfast-chromium.reg').waitFor();
  await page.getByText('I install Steadfast from my own address').click();
  const hostile = 'https://x.test/"]\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Evil]<img src=x onerror=alert(1)>';
  await page.getByLabel("Install address (leave empty to use the browser's store)").fill(hostile);
  await page.getByRole('alert').getByText('That address has spaces, quotes or other characters').waitFor();
  expect(await page.getByRole('link', { name: 'Download the file' }).count()).toBe(0);
  expect(await page.locator('pre.lockin-text').count()).toBe(0);
  expect(await page.locator('img').count()).toBe(0);

  // A good address comes back as a file again, with the address in it and nothing else added.
  await page.getByLabel("Install address (leave empty to use the browser's store)").fill('http://127.0.0.1:8123/updates.xml');
  await expect.poll(fileText).toContain(`"1"="${app.extensionId};http://127.0.0.1:8123/updates.xml"`);
  const text = await fileText();
  expect(text).not.toContain('Evil');
  expect(await downloaded()).toMatch(/^Windows Registry Editor Version 5\.00\r\n/);
  expect(dialogs).toEqual([]);
});

test('not locked in (loaded unpacked): the page lists the easy ways out still open, and claims nothing', async () => {
  await page.goto(app.url('lockin.html'));
  // Precondition: the browser really reports this copy as not installed by policy.
  expect(await installType()).toBe('development');
  const now = page.getByRole('region', { name: 'Right now' });
  await now.getByText("Not locked in: your browser's settings do not hold Steadfast on yet.").waitFor();
  expect(await now.locator('li').evaluateAll((items) => items.map((li) => `${(li as HTMLElement).dataset.way}:${(li as HTMLElement).dataset.state}`))).toEqual([
    'turn-off:open',
    'private-windows:open',
    'guest-windows:open',
    'new-profiles:open',
  ]);
  expect(await page.getByText("Locked in by your browser's settings", { exact: true }).count()).toBe(0);
});

test('the popup says nothing about being locked in, once the browser has answered', async () => {
  const popup = await app.context.newPage();
  await popup.goto(app.url('popup.html'));
  await popup.locator('.popup[data-lock-in="not-locked"]').waitFor();
  expect(await popup.getByText("Locked in by your browser's settings").count()).toBe(0);
  await popup.close();
});

describe.each(['light', 'dark'] as const)('%s colour scheme', (colorScheme) => {
  test('the lock-in page, with every part shown, has no WCAG 2 A/AA violations', async () => {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await page.goto(app.url('lockin.html'));
    await page.locator('pre.lockin-text').waitFor();
    await page.getByText('I install Steadfast from my own address').click();
    await page.getByLabel("Install address (leave empty to use the browser's store)").fill('example.org/updates.xml');
    await page.getByRole('alert').getByText("That doesn't look like an install address").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Install address (leave empty to use the browser's store)").fill('');
    await page.locator('pre.lockin-text').waitFor();
    await page.getByRole('region', { name: 'Right now' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});

test('at WCAG reflow width (320 px) nothing needs sideways scrolling: long file lines scroll in their own box', async () => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(app.url('lockin.html'));
  await page.getByLabel('Computer', { exact: true }).selectOption('windows');
  await page.getByText('steadfast-chromium.reg').waitFor();
  // Precondition: the file really has lines wider than the window.
  expect(await page.locator('pre.lockin-text').evaluate((pre) => pre.scrollWidth > document.documentElement.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});
