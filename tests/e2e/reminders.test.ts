/*
 * Reminders (issue 17) in Chromium, as a person sets them: "My recovery" → Reminders.
 *
 * Chromium's prompt for an optional permission cannot be answered by automation and, headless,
 * never resolves (see tests/e2e/autobackup.test.ts). So the shipped build shows the path where
 * notifications are not allowed (the badge and the popup remind), and a second build
 * (STEADFAST_E2E_GRANT_NOTIFICATIONS=1, wxt.config.ts), the same code with `notifications`
 * granted at install, shows the notification itself, read back through `notifications.getAll`.
 * A reminder is made due by storing it as turned on two days ago for a time just passed: the
 * background sees the change and decides, as after a browser start.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeViolations } from './axe';
import { launchSteadfast, removeProfile, type Steadfast } from './browser';
import { steadfastFixture } from './fixture';

const ROOT = resolve(import.meta.dirname, '../..');
const GRANTED_BUILD = join(ROOT, '.output/chrome-mv3-e2e-notifications');
const f = steadfastFixture({ options: true });

interface Chrome {
  alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]> };
  action: { getBadgeText(details: object): Promise<string> };
  notifications?: { getAll(): Promise<Record<string, boolean>> };
  permissions: { contains(p: object): Promise<boolean>; request(p: object): Promise<boolean> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
}

const reminderAlarms = (worker: Worker) =>
  worker.evaluate(async () =>
    (await (globalThis as unknown as { chrome: Chrome }).chrome.alarms.getAll())
      .filter((a) => a.name.startsWith('reminder:'))
      .map((a) => ({ name: a.name, at: a.scheduledTime })),
  );
const badge = (worker: Worker) => worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({}));

const pending = (page: Page) =>
  page.evaluate(
    async () => ((await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('reminders')).reminders as { pending: unknown }).pending,
  );

/** The check-in as turned on two days ago for a time two minutes ago (where the browser is): due now. */
async function makeCheckinDue(page: Page) {
  await page.evaluate(async () => {
    const local = (globalThis as unknown as { chrome: Chrome }).chrome.storage.local;
    const state = (await local.get('reminders')).reminders as { checkin: { on: boolean; time: string; since: number } };
    const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.now() - 120_000);
    await local.set({ reminders: { ...state, checkin: { on: true, time, since: Date.now() - 2 * 86_400_000 } } });
  });
}

async function openReminders(app: Steadfast, page: Page) {
  await page.goto(app.url('options.html#reminders'));
  const section = page.locator('#reminders');
  await section.getByRole('heading', { name: 'Reminders' }).waitFor();
  return section;
}

test('the shipped build: switching the check-in on asks for notifications; unanswered, the badge and the popup remind, and snooze puts it off an hour', async () => {
  const { app, options } = f;
  const manifest = JSON.parse(readFileSync(join(ROOT, '.output/chrome-mv3/manifest.json'), 'utf8')) as {
    permissions: string[];
    optional_permissions: string[];
  };
  expect(manifest.permissions).not.toContain('notifications');
  expect(manifest.optional_permissions).toContain('notifications');
  const section = await openReminders(app, options);
  // All off by default, and nothing waits on an alarm.
  const toggle = section.getByRole('checkbox', { name: 'Remind me to check in each day' });
  expect(await toggle.isChecked()).toBe(false);
  expect(await section.getByRole('checkbox', { name: 'A gentle nudge before my hardest time of the week' }).isChecked()).toBe(false);
  expect(await reminderAlarms(app.worker)).toEqual([]);
  expect(await axeViolations(options)).toEqual([]);

  // The page's own request is watched, to see that the click asks (the prompt itself is the browser's).
  await options.evaluate(() => {
    const permissions = (globalThis as unknown as { chrome: Chrome }).chrome.permissions;
    const request = permissions.request.bind(permissions);
    (globalThis as unknown as { asked: object[] }).asked = [];
    permissions.request = (p: object) => ((globalThis as unknown as { asked: object[] }).asked.push(p), request(p));
  });
  await section.getByLabel('Check-in time').fill('20:30');
  await toggle.check();
  expect(await options.evaluate(() => (globalThis as unknown as { asked: object[] }).asked)).toEqual([{ permissions: ['notifications'] }]);
  // On whatever the answer: the alarm is set for 20:30 where the browser is.
  await expect.poll(async () => (await reminderAlarms(app.worker)).map((a) => a.name)).toEqual(['reminder:checkin']);
  const [alarm] = await reminderAlarms(app.worker);
  expect(await options.evaluate((at) => new Date(at).toTimeString().slice(0, 5), alarm!.at)).toBe('20:30');
  expect(await options.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.permissions.contains({ permissions: ['notifications'] }))).toBe(
    false,
  );
  await expect
    .poll(() => section.getByRole('status').innerText())
    .toMatch(/^Your browser hasn't allowed notifications, so a dot on Steadfast's toolbar button/);
  expect(await axeViolations(options)).toEqual([]);

  // Due: no notification can be shown, so the badge reminds. Here private windows are not allowed
  // (Chromium's default), so protection's "!" keeps the badge: the reminder waits for the popup.
  expect(await badge(app.worker)).toBe('!');
  await makeCheckinDue(options);
  await expect.poll(() => pending(options)).toMatchObject({ kind: 'checkin', via: 'badge' });
  expect(await badge(app.worker)).toBe('!');
  const popup = await app.context.newPage();
  await popup.goto(app.url('popup.html'));
  const line = popup.getByRole('region', { name: 'Reminder' });
  await line.getByText('Time for your check-in').waitFor();
  expect(await axeViolations(popup)).toEqual([]);
  await line.getByRole('button', { name: 'Check in now' }).click();
  expect(await popup.locator('details#checkin').getAttribute('open')).not.toBeNull();
  await line.getByRole('button', { name: 'Snooze for 1 hour' }).click();
  await line.waitFor({ state: 'detached' });
  expect(await pending(options)).toBeNull();
  await expect.poll(async () => Math.abs((await reminderAlarms(app.worker))[0]!.at - (Date.now() + 3_600_000))).toBeLessThan(60_000);
  await popup.close();

  // Off: the alarm goes.
  await toggle.uncheck();
  await expect.poll(() => reminderAlarms(app.worker)).toEqual([]);
});

test('the popup opened at #checkin (where a notification click leads) shows the check-in open', async () => {
  const popup = await f.app.context.newPage();
  await popup.goto(f.app.url('popup.html#checkin'));
  await popup.locator('details#checkin[open]').waitFor();
  await popup.close();
});

test("the welcome's last step offers the daily check-in reminder, optional and off; switched on there, its alarm is set", async () => {
  const { app } = f;
  const page = await app.context.newPage();
  // The welcome finished: its last screen, as after "Finish".
  await page.goto(app.url('welcome.html'));
  await page.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.set({ welcome: { place: 'done' } }));
  await page.reload();
  const offer = page.getByRole('region', { name: "A reminder, if you'd like one" });
  await offer.waitFor();
  const toggle = offer.getByRole('checkbox', { name: 'Remind me to check in each day' });
  expect(await toggle.isChecked()).toBe(false);
  expect(await offer.getByRole('checkbox').count()).toBe(1);
  expect(await axeViolations(page)).toEqual([]);
  await toggle.check();
  await expect.poll(async () => (await reminderAlarms(app.worker)).map((a) => a.name)).toEqual(['reminder:checkin']);
  await toggle.uncheck();
  await expect.poll(() => reminderAlarms(app.worker)).toEqual([]);
  await page.close();
});

describe_granted();
function describe_granted() {
  let granted: Steadfast | undefined;
  beforeAll(() => {
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, env: { ...process.env, STEADFAST_E2E_GRANT_NOTIFICATIONS: '1' }, stdio: 'ignore' });
  }, 120_000);
  afterAll(async () => {
    if (!granted) return;
    await granted.close();
    removeProfile(granted.profile);
  });

  test('notifications allowed: the due check-in is a notification (read back through notifications.getAll), the alarm moves to tomorrow, and off clears it', async () => {
    expect(existsSync(join(GRANTED_BUILD, 'manifest.json'))).toBe(true);
    granted = await launchSteadfast(f.server.port, undefined, { extensionDir: GRANTED_BUILD });
    const page = await granted.context.newPage();
    const section = await openReminders(granted, page);
    const toggle = section.getByRole('checkbox', { name: 'Remind me to check in each day' });
    await toggle.check();
    await expect.poll(() => section.getByRole('status').innerText()).toBe('Reminders come as notifications from your browser.');
    await expect.poll(async () => (await reminderAlarms(granted!.worker)).map((a) => a.name)).toEqual(['reminder:checkin']);
    expect(await page.evaluate(async () => Object.keys((await (globalThis as unknown as { chrome: Chrome }).chrome.notifications?.getAll()) ?? {}))).toEqual(
      [],
    );

    await makeCheckinDue(page);
    await expect
      .poll(() => page.evaluate(async () => Object.keys((await (globalThis as unknown as { chrome: Chrome }).chrome.notifications?.getAll()) ?? {})))
      .toEqual(['steadfast-reminder:checkin']);
    // Recorded just after the notification is made.
    await expect.poll(() => pending(page)).toMatchObject({ kind: 'checkin', via: 'notification' });
    // Shown once: the next is tomorrow's (or today's, within the day), never now again.
    const [next] = await reminderAlarms(granted.worker);
    expect(next!.at).toBeGreaterThan(Date.now() + 22 * 3_600_000);

    await toggle.uncheck();
    await expect.poll(() => reminderAlarms(granted!.worker)).toEqual([]);
  });
}
