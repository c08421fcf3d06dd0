/*
 * "Someone I trust holds the key" (issue 21, part 3), as a person uses it in Chromium: turn the
 * partner lock on, read the code once, hand it on by a prefilled message, then ask to remove a
 * trigger: it waits the long wait (7 days), not the cooling-off; a wrong code is refused and
 * counted; the right code removes it at once and the site no longer pauses.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeViolations } from './axe';
import { closeAll, dynamicRules, launchSteadfast, openNoting, waitForRuleFor, type Steadfast } from './browser';
import { TestServer } from './test-server';

let server: TestServer;
let app: Steadfast;
let options: Page;
const dialogs: string[] = [];
const HOSTILE = '<img src=x onerror=alert(1)>Sam';
let code = '';

interface Chrome {
  chrome: { storage: { local: { set(v: object): Promise<void>; get(k: string | null): Promise<Record<string, unknown>> } } };
}
const storedText = () => app.worker.evaluate(async () => JSON.stringify(await (globalThis as unknown as Chrome).chrome.storage.local.get(null)));

beforeAll(async () => {
  server = await new TestServer().start();
  app = await launchSteadfast(server.port);
  // A trigger the person added two days ago, in Block mode: removing it is a loosening change.
  await app.worker.evaluate(() =>
    (globalThis as unknown as Chrome).chrome.storage.local.set({
      triggers: [{ id: 'old', kind: 'site', mode: 'block', display: 'old.test', host: 'old.test', addedAt: Date.now() - 2 * 86_400_000 }],
      triggers$: { v: 2 },
    }),
  );
  await waitForRuleFor(app.worker, 'old.test');
  options = await openNoting(app, 'options.html', dialogs);
  // A support person, with a name no page should ever run.
  await options.getByRole('button', { name: 'Add a support person' }).click();
  await options.getByLabel('Name (1)').fill(HOSTILE);
  await options.getByLabel('Phone (1)').fill('+44 7700 900123');
  await options.getByLabel('Email (1)').fill('sam@example.org');
  await options.getByRole('status').filter({ hasText: 'Saved' }).first().waitFor();
});

afterAll(() => closeAll(app, server));

async function pauses(host: string): Promise<boolean> {
  const page = await app.context.newPage();
  await page.goto(`http://${host}/`);
  const paused = new URL(page.url()).pathname === '/pause.html';
  await page.close();
  return paused;
}

test('turning the lock on shows the code once, with messages to hand it on; only a hash is stored', async () => {
  const section = options.locator('#partner');
  await section.getByLabel('Long wait, in days (2 to 30)').fill('7');
  await section.getByRole('button', { name: 'Turn on and make a release code' }).click();
  const shown = section.locator('#release-code');
  await shown.waitFor();
  code = (await shown.innerText()).trim();
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);

  // The holder is chosen from the plan's support people: the hostile name is text, in the option and the message.
  await section.getByLabel('Who will hold it?').selectOption({ label: HOSTILE });
  expect(await section.getByLabel('Their name').inputValue()).toBe(HOSTILE);
  const text = await section.getByRole('link', { name: 'Send by text message' }).getAttribute('href');
  const email = await section.getByRole('link', { name: 'Send by email' }).getAttribute('href');
  expect(text).toMatch(/^sms:\+447700900123\?body=/);
  expect(decodeURIComponent(text!)).toContain(code);
  expect(email).toMatch(/^mailto:sam@example\.org\?body=/);
  expect(decodeURIComponent(email!)).toContain(`Hi ${HOSTILE},`);
  await section.getByRole('button', { name: 'Remember who holds it' }).click();
  await section.getByText('Saved. The messages below').waitFor();

  expect(await axeViolations(options)).toEqual([]);

  // Only a salted hash is stored: never the code, in any form.
  const stored = await storedText();
  expect(stored).toContain('PBKDF2-SHA-256');
  expect(stored).not.toContain(code);
  expect(stored).not.toContain(code.replace(/-/g, ''));

  await section.getByRole('button', { name: "I've passed it on: hide the code" }).click();
  await expect.poll(() => section.locator('#release-code').count()).toBe(0);
  await options.reload();
  await options.locator('#partner .partner-status').waitFor();
  expect(await options.locator('body').innerText()).not.toContain(code);
  expect(await options.locator('#partner').innerText()).toContain(`${HOSTILE} holds your release code.`);
});

test('a backup carries the key only when the box is ticked, and never the code', async () => {
  const backup = options.locator('#backup');
  const save = async () => {
    const [download] = await Promise.all([options.waitForEvent('download'), backup.getByRole('button', { name: 'Download a backup' }).click()]);
    return JSON.parse(readFileSync((await download.path())!, 'utf8')) as { version: number; data: { partnerLock?: unknown } };
  };
  const without = await save();
  expect(without.data.partnerLock ?? null).toBeNull();
  await backup.getByLabel(/Include the partner lock's key/).check();
  const withKey = await save();
  expect(withKey.version).toBe(4);
  expect(withKey.data.partnerLock).toMatchObject({ waitDays: 7, key: { algorithm: 'PBKDF2-SHA-256', iterations: 600_000 } });
  expect(JSON.stringify(withKey)).not.toContain(code.replace(/-/g, ''));
});

test('removing a trigger waits the long wait, not the cooling-off; a wrong code is refused and counted', async () => {
  await options.getByRole('button', { name: 'Remove old.test' }).click();
  const item = options.locator('.trigger-list li', { hasText: 'old.test' });
  await expect.poll(() => item.innerText()).toMatch(/removing in (7 d\b|6 d 23 h)/);
  expect(await pauses('old.test')).toBe(true);

  const waiting = options.locator('.partner-waiting li', { hasText: 'Remove old.test' });
  await waiting.waitFor();
  // The offer to tell the person who holds the code, prefilled.
  const tell = await waiting.getByRole('link', { name: 'Send by text message' }).getAttribute('href');
  expect(decodeURIComponent(tell!)).toContain("I've asked Steadfast to: Remove old.test.");

  const field = waiting.getByLabel('Enter the release code');
  // Beside the trigger itself, a link to that field.
  const href = await item.getByRole('link', { name: 'Use the release code' }).getAttribute('href');
  expect(href).toBe(`#${await field.getAttribute('id')}`);
  const wrong = code.slice(0, -1) + (code.endsWith('Z') ? 'Y' : 'Z');
  await field.fill(wrong);
  await waiting.getByRole('button', { name: 'Use the code' }).click();
  await waiting.getByText('That code does not match. Nothing was changed.').waitFor();
  await options
    .locator('#partner')
    .getByText(/^1 wrong code since /)
    .waitFor();
  expect(await item.count()).toBe(1);
  expect(await pauses('old.test')).toBe(true);
  expect(await axeViolations(options)).toEqual([]);
});

test('the right code removes it at once, and the pause page no longer appears for that site', async () => {
  const waiting = options.locator('.partner-waiting li', { hasText: 'Remove old.test' });
  await waiting.getByLabel('Enter the release code').fill(code.toLowerCase());
  await waiting.getByRole('button', { name: 'Use the code' }).click();
  await expect.poll(() => options.locator('.trigger-list li', { hasText: 'old.test' }).count()).toBe(0);
  await expect.poll(async () => JSON.stringify(await dynamicRules(app.worker))).not.toContain('old.test');
  const page = await app.context.newPage();
  await page.goto('http://old.test/');
  await page.locator('#real-page').waitFor();
  expect(server.requestsTo('old.test')).toBeGreaterThan(0);
  await page.close();
  expect(dialogs).toEqual([]);
});
