/*
 * Reminders (issue 17) in Firefox ESR, with the shipped build: the person's click asks for the
 * optional `notifications` permission, which Firefox's own switch
 * `extensions.webextOptionalPermissionPrompts` = false grants without the prompt automation cannot
 * answer (as tests/e2e-firefox/autobackup.test.ts does for downloads). The due check-in is then a
 * notification (headless Firefox closes it at once, so it is read back from what Steadfast recorded,
 * not `notifications.getAll`); switched off, its alarm goes and the
 * permission is given back. (Firefox has no buttons on notifications: snooze is the popup's.)
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { controlLabelled, launchSteadfastInFirefox, poll, waitForText, type SteadfastFirefox } from './firefox';

let firefox: SteadfastFirefox;

beforeAll(async () => {
  firefox = await launchSteadfastInFirefox({ 'extensions.webextOptionalPermissionPrompts': false });
});

afterAll(async () => {
  await firefox?.close();
});

interface Browser {
  alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]> };
  notifications?: { getAll(): Promise<Record<string, unknown>> };
  permissions: { contains(p: object): Promise<boolean> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
}

const hasNotifications = () =>
  firefox.options.evaluate(() => (globalThis as unknown as { browser: Browser }).browser.permissions.contains({ permissions: ['notifications'] }));
const reminderAlarms = () =>
  firefox.options.evaluate(async () =>
    (await (globalThis as unknown as { browser: Browser }).browser.alarms.getAll()).filter((a) => a.name.startsWith('reminder:')).map((a) => a.name),
  );

test('switched on by a click, notifications are asked for and granted; the due check-in is a notification; off, the alarm and the permission go', async () => {
  const { options } = firefox;
  expect(await hasNotifications()).toBe(false);
  expect(await reminderAlarms()).toEqual([]);
  const toggle = await controlLabelled(options, 'Remind me to check in each day');
  await toggle.click();
  await waitForText(options, '.reminders [role="status"]', 'Reminders come as notifications from your browser.', 15_000);
  expect(await hasNotifications()).toBe(true);
  await poll(
    async () => ((await reminderAlarms()).includes('reminder:checkin') ? true : undefined),
    10_000,
    () => 'the check-in alarm',
  );

  // Turned on two days ago for a time two minutes ago: due now, as after a browser start.
  await options.evaluate(async () => {
    const local = (globalThis as unknown as { browser: Browser }).browser.storage.local;
    const state = (await local.get('reminders')).reminders as object;
    const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.now() - 120_000);
    await local.set({ reminders: { ...state, checkin: { on: true, time, since: Date.now() - 2 * 86_400_000 } } });
  });
  // Headless Firefox has no notification service to keep it on screen: `getAll` and `onShown`
  // did not see it in this harness (it closes at once). What is proven is that the browser took
  // it (`notifications.create` resolved: a refusal or a throw would have fallen back to the badge).
  const pending = () =>
    options.evaluate(
      async () =>
        ((await (globalThis as unknown as { browser: Browser }).browser.storage.local.get('reminders')).reminders as { pending: { via?: string } | null })
          .pending,
    );
  await poll(
    async () => ((await pending())?.via ? true : undefined),
    15_000,
    () => 'the reminder to be shown',
  );
  expect(await pending()).toMatchObject({ kind: 'checkin', via: 'notification' });

  await toggle.click();
  await poll(
    async () => ((await reminderAlarms()).length === 0 ? true : undefined),
    10_000,
    () => 'the alarm to be cleared',
  );
  await poll(
    async () => ((await hasNotifications()) ? undefined : true),
    10_000,
    () => 'the permission given back',
  );
}, 120_000);
