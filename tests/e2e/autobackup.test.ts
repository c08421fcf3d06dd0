/*
 * "Nothing lost if it comes off" (issue 21, part 4), in Chromium as a person would do it:
 * a returning person restores everything from the welcome's "Coming back?", and automatic backups
 * land in Downloads/Steadfast, where they can be read back and restored.
 *
 * What Chromium does not let automation do: answer the browser's own prompt for an optional
 * permission. `permissions.request({permissions: ['downloads']})` opens a browser dialog (not a
 * page dialog: Playwright and CDP cannot reach it; Chromium 156 has no switch to answer it, only
 * the test-only ScopedTestDialogAutoConfirm inside its own C++ tests), and headless it never
 * resolves (the first test below proves that it is still waiting). So the automatic backup tests
 * load a second build (STEADFAST_E2E_GRANT_DOWNLOADS=1, wxt.config.ts) where `downloads` is
 * granted at install: the same code, with the click's `permissions.request` answered at once.
 * The real request and grant of the shipped build, and `permissions.remove` on switching off, are
 * proven in Firefox ESR (tests/e2e-firefox/autobackup.test.ts), whose own pref answers the prompt.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, expect, test } from 'vitest';
import { axeViolations } from './axe';
import { launchSteadfast, newProfile, removeProfile, waitForRuleFor, type Steadfast } from './browser';
import { fillRecovery } from './pages';
import { TestServer } from './test-server';

const ROOT = resolve(import.meta.dirname, '../..');
const GRANTED_BUILD = join(ROOT, '.output/chrome-mv3-e2e-downloads');
const FIXTURES = join(import.meta.dirname, '../fixtures/backups');

let server: TestServer;
const open: Steadfast[] = [];
const folders: string[] = [];

beforeAll(async () => {
  server = await new TestServer().start();
  // The build with `downloads` granted at install (see the top of this file), from the same sources.
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, env: { ...process.env, STEADFAST_E2E_GRANT_DOWNLOADS: '1' }, stdio: 'ignore' });
  return () => server.stop();
}, 120_000);

afterEach(async () => {
  // One browser at a time, each closed and its profile removed, also when a test fails.
  for (const app of open.splice(0)) {
    await app.close();
    removeProfile(app.profile);
  }
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function launch(options: Parameters<typeof launchSteadfast>[2] = {}, profile?: string): Promise<Steadfast> {
  const app = await launchSteadfast(server.port, profile, options);
  open.push(app);
  return app;
}

/** The day count the popup shows, as a person reads it. */
async function popupStreak(app: Steadfast): Promise<string> {
  const popup = await app.context.newPage();
  await popup.goto(app.url('popup.html'));
  const text = await popup.locator('.streak-number').innerText();
  await popup.close();
  return text;
}

/** Everything in `storage.local` but the clock's own bookkeeping. */
const stored = (app: Steadfast) =>
  app.worker.evaluate(async () => {
    const local = (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.local;
    const all = await local.get(null);
    delete all.latestTimeSeen;
    return JSON.stringify(all);
  });

async function chooseOnWelcome(welcome: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  const card = welcome.locator('.coming-back');
  await card.getByRole('heading', { name: 'Coming back? Restore from a backup' }).waitFor();
  await card.getByLabel('Choose your backup file').setInputFiles(file);
  return card;
}

test('the welcome\'s "Coming back?" brings back the plan, the streak and the trigger sites from a backup, in one step', async () => {
  // A person's Steadfast as it was, and the file they downloaded from it.
  const before = await launch();
  const options = await before.context.newPage();
  await fillRecovery(before, options);
  const streak = await popupStreak(before);
  expect(streak).toMatch(/\d/);
  await options.goto(before.url('options.html#backup'));
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Download a backup' }).click()]);
  const exported = readFileSync(await download.path(), 'utf8');
  await before.close();

  // Steadfast removed and added again: a fresh profile, and the welcome opens.
  const after = await launch({ keepWelcome: true });
  const welcome = after.welcome!;
  // The offer comes first, before the set-up steps.
  expect(await welcome.locator('main h2').first().innerText()).toBe('Coming back? Restore from a backup');
  expect(await axeViolations(welcome)).toEqual([]);
  const card = await chooseOnWelcome(welcome, { name: 'steadfast-backup.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await card.getByText(/^This backup holds 1 trigger site, a plan, 2 support people/).waitFor();
  expect(await axeViolations(welcome)).toEqual([]);
  await card.getByRole('button', { name: 'Restore my backup' }).click();
  // The page reloads to show what is here now, and offers to skip the rest.
  await card.getByText('Welcome back.', { exact: false }).waitFor();
  await expect.poll(() => card.getByRole('status').innerText()).toBe('Your backup is restored.');
  expect(await axeViolations(welcome)).toEqual([]);
  await card.getByRole('button', { name: 'Show me what is set up' }).click();
  await welcome.getByRole('heading', { name: "You're set up" }).waitFor();
  const summary = await welcome.locator('.set-up').innerText();
  expect(summary).toContain('trigger.test');
  expect(summary).toContain('3 reasons');

  await waitForRuleFor(after.worker, 'trigger.test');
  expect(await popupStreak(after)).toBe(streak);
  const recovery = await after.context.newPage();
  await recovery.goto(after.url('options.html'));
  await expect.poll(() => recovery.getByLabel('If (1)').inputValue()).toBe("I'm alone on a Friday night");
}, 180_000);

test('a damaged file on the welcome says why and changes nothing', async () => {
  const app = await launch({ keepWelcome: true });
  const welcome = app.welcome!;
  const before = await stored(app);
  const card = await chooseOnWelcome(welcome, join(FIXTURES, 'reject-truncated.json'));
  await expect.poll(() => card.getByRole('alert').innerText()).toMatch(/Nothing was changed\.$/);
  expect(await card.getByRole('button', { name: 'Restore my backup' }).count()).toBe(0);
  expect(await stored(app)).toBe(before);
});

test('the shipped build asks for downloads only on the click, and headless Chromium leaves that prompt unanswered', async () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, '.output/chrome-mv3/manifest.json'), 'utf8')) as {
    permissions: string[];
    optional_permissions?: string[];
  };
  expect(manifest.permissions).not.toContain('downloads');
  expect(manifest.optional_permissions).toEqual(['downloads', 'notifications']);
  const app = await launch();
  const options = await app.context.newPage();
  await options.goto(app.url('options.html#backup'));
  const toggle = options.getByRole('checkbox', { name: 'Save a backup to my Downloads folder every week and after big changes' });
  await toggle.check();
  // The browser's prompt is open (invisible, headless): the switch waits for its answer...
  await expect.poll(() => toggle.isDisabled()).toBe(true);
  // ...and nothing is granted or stored while it waits.
  const granted = await options.evaluate(() =>
    (globalThis as unknown as { chrome: { permissions: { contains(p: object): Promise<boolean> } } }).chrome.permissions.contains({
      permissions: ['downloads'],
    }),
  );
  expect(granted).toBe(false);
  expect(await stored(app)).not.toContain('"enabled":true');
  expect(await axeViolations(options)).toEqual([]);
});

test('automatic backups: on, the file lands in Downloads/Steadfast with the next one a week away; read back from disk, it restores', async () => {
  expect(existsSync(join(GRANTED_BUILD, 'manifest.json'))).toBe(true);
  const downloads = mkdtempSync(join(tmpdir(), 'steadfast-downloads-'));
  folders.push(downloads);
  const profile = newProfile({ download: { default_directory: downloads, prompt_for_download: false } });
  // A profile of its own, with its Downloads folder set (a first install all the same).
  const mine = await launchSteadfast(server.port, profile, { extensionDir: GRANTED_BUILD });
  open.push(mine);
  // Playwright names every download by a random id in a folder of its own: the browser's own
  // behaviour (the profile's Downloads folder, the extension's file name) is what a person gets.
  const cdp = await mine.context.browser()!.newBrowserCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });

  const options = await mine.context.newPage();
  await fillRecovery(mine, options);
  const streak = await popupStreak(mine);
  await options.goto(mine.url('options.html#backup'));
  const toggle = options.getByRole('checkbox', { name: 'Save a backup to my Downloads folder every week and after big changes' });
  await toggle.check();
  await expect.poll(() => options.locator('.auto-backup [role="status"]').innerText()).toMatch(/^Automatic backups are on\. The last one was saved on /);
  expect(await axeViolations(options)).toEqual([]);

  const folder = join(downloads, 'Steadfast');
  await expect.poll(() => (existsSync(folder) ? readdirSync(folder) : [])).toEqual([expect.stringMatching(/^steadfast-backup-\d{4}-\d{2}-\d{2}\.json$/)]);
  const alarm = await mine.worker.evaluate(() =>
    (globalThis as unknown as { chrome: { alarms: { get(n: string): Promise<{ scheduledTime: number } | undefined> } } }).chrome.alarms.get('auto-backup'),
  );
  const week = 7 * 24 * 60 * 60 * 1000;
  expect(alarm!.scheduledTime).toBeGreaterThan(Date.now() + week - 60 * 60 * 1000);
  expect(alarm!.scheduledTime).toBeLessThanOrEqual(Date.now() + week);
  const file = join(folder, readdirSync(folder)[0]!);
  await expect.poll(() => readFileSync(file, 'utf8').length).toBeGreaterThan(0);
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  expect(saved).toMatchObject({ format: 'steadfast-backup', version: 4 });
  expect(saved.data.triggers.map((t: { host: string }) => t.host)).toEqual(['trigger.test']);

  // Switched off: the file stays.
  await toggle.uncheck();
  await expect.poll(() => options.locator('.auto-backup [role="status"]').innerText()).toMatch(/files already saved stay/);
  expect(readdirSync(folder)).toHaveLength(1);
  await mine.close();

  // That file, from disk, on a fresh Steadfast.
  const fresh = await launch({ keepWelcome: true });
  const card = await chooseOnWelcome(fresh.welcome!, file);
  await card.getByRole('button', { name: 'Restore my backup' }).click();
  await expect.poll(() => card.getByRole('status').innerText()).toBe('Your backup is restored.');
  await waitForRuleFor(fresh.worker, 'trigger.test');
  expect(await popupStreak(fresh)).toBe(streak);
}, 180_000);
