import { afterAll, beforeAll, expect, test } from 'vitest';
import { closeAll, launchSteadfast, type Steadfast } from './browser';
import { TestServer } from './test-server';

// Issue 15, item 6: protection off is loud. Chromium does not let an extension into incognito
// windows unless the person allows it, so a fresh install starts with private windows not covered:
// the toolbar badge says so, and so does the popup's first line, with the steps for Chrome.

let server: TestServer;
let app: Steadfast;

beforeAll(async () => {
  server = await new TestServer().start();
  app = await launchSteadfast(server.port);
});
afterAll(() => closeAll(app, server));

interface Chrome {
  chrome: {
    extension: { isAllowedIncognitoAccess(): Promise<boolean> };
    action: { getBadgeText(details: object): Promise<string>; getTitle(details: object): Promise<string> };
  };
}

test('private windows not allowed (the default): the badge shows it and the popup’s first line says how to turn it on', async () => {
  // The precondition: Chromium really does not let Steadfast into private windows.
  expect(await app.worker.evaluate(() => (globalThis as unknown as Chrome).chrome.extension.isAllowedIncognitoAccess())).toBe(false);
  await expect.poll(() => app.worker.evaluate(() => (globalThis as unknown as Chrome).chrome.action.getBadgeText({})), { timeout: 10_000 }).toBe('!');
  expect(await app.worker.evaluate(() => (globalThis as unknown as Chrome).chrome.action.getTitle({}))).toContain('Private windows are not covered');

  const popup = await app.context.newPage();
  await popup.goto(app.url('popup.html'));
  const first = popup.locator('.popup > :first-child');
  await expect.poll(() => first.innerText()).toContain('Private windows are not covered');
  const words = await first.innerText();
  expect(words).toContain('chrome://extensions');
  expect(words).toContain('Allow in Incognito');
  expect(await first.getAttribute('aria-label')).toBe('Part of your protection is off');
  await popup.close();
});

test('a trigger the rules cannot hold is named in the popup and on My recovery, and the badge turns to it', async () => {
  const options = await app.context.newPage();
  await options.goto(app.url('options.html'));
  // A path far longer than Chromium's memory for one rule can hold.
  const long = `forum.test/${'a1b2c3d4e5'.repeat(30)}`;
  await options.getByRole('textbox', { name: /trigger site/i }).fill(long);
  await options.getByRole('button', { name: 'Add', exact: true }).click();
  const notice = options.locator('.protection-off');
  await expect.poll(() => notice.innerText(), { timeout: 15_000 }).toContain('These triggers are not in force');
  expect(await notice.innerText()).toContain(long.slice(0, 40));
  await expect
    .poll(() => app.worker.evaluate(() => (globalThis as unknown as Chrome).chrome.action.getTitle({})), { timeout: 10_000 })
    .toContain('not in force');
  const popup = await app.context.newPage();
  await popup.goto(app.url('popup.html'));
  await expect.poll(() => popup.locator('.popup > :first-child').innerText()).toContain('These triggers are not in force');
  await popup.close();
  await options.close();
});
