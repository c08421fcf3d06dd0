/*
 * Reminders in the background (lib/reminders/run.ts, wired in lib/background/background.ts),
 * against WXT's fakeBrowser (alarms, notifications, tabs, storage) and the fakes in
 * tests/fakes/browser-apis.ts: alarms re-made from what is stored at every start, a notification
 * when allowed and the badge when not (after protection's "!"), one reminder for a missed time,
 * and what a click on a notification does.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '../../lib/background/background';
import { startTasks } from '../../lib/background/start-tasks';
import { ruleStatusItem } from '../../lib/blocking/rule-status-item';
import { historyConnection } from '../../lib/history/db';
import { addEvent } from '../../lib/history/events';
import { DEFAULT_REMINDERS, loadReminders, remindersItem, type Reminders } from '../../lib/reminders/reminders-item';
import { reminderAlarm, reminderTick, type ReminderApis } from '../../lib/reminders/run';
import { nudgeWords } from '../../lib/reminders/nudge-words';
import { instantAt } from '../../lib/time/wall-clock';
import { turnReminder, changeTiming } from '../../lib/reminders/edits';
import { currentTimeZone } from '../../lib/time/days';
import { installBackgroundFakes, type BackgroundFakes } from '../fakes/browser-apis';

const DAY = 86_400_000;
let fakes: BackgroundFakes;
/** Which optional permissions the browser has granted (site access is the fakes' own). */
let granted: Set<string>;
beforeEach(() => {
  fakes = installBackgroundFakes();
  granted = new Set();
  const siteAccess = fakes.permissions.contains.bind(fakes.permissions);
  fakes.permissions.contains = (async (query?: { permissions?: string[] }) =>
    query?.permissions ? query.permissions.every((p) => granted.has(p)) : siteAccess()) as typeof fakes.permissions.contains;
  Object.assign(fakes.permissions, {
    request: async ({ permissions }: { permissions: string[] }) => (permissions.forEach((p) => granted.add(p)), true),
    remove: async ({ permissions }: { permissions: string[] }) => (permissions.forEach((p) => granted.delete(p)), true),
  });
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
beforeEach(async () => {
  // The history is one database for the whole file: each test starts with none.
  const db = await historyConnection();
  for (const store of db.objectStoreNames) await db.clear(store);
});

/** `HH:MM` of an instant where this test runs. */
const wallTime = (at: number) =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: currentTimeZone() }).format(at);

/** A daily check-in turned on `since` ago (two days), due `minutesAgo` minutes ago (negative: still to come). */
const checkinDue = (minutesAgo: number, extra: Partial<Reminders> = {}, since = 2 * DAY): Reminders => ({
  ...DEFAULT_REMINDERS,
  checkin: { on: true, time: wallTime(Date.now() - minutesAgo * 60_000), since: Date.now() - since },
  ...extra,
});

async function start() {
  const background = startBackground({ start: startTasks({ waitMs: 0 }) });
  await background.resync();
  await background.remind();
  return background;
}
const notifications = () =>
  (fakeBrowser.notifications as unknown as { getAllCreateOptions(): Record<string, { title: string; buttons?: unknown[] }> }).getAllCreateOptions();

describe('reminders in the background', () => {
  test('at start the alarms are made again from what is stored, one for each reminder that is on', async () => {
    // Turned on a minute ago, for two hours from now: nothing due yet.
    await remindersItem.setValue(checkinDue(-120, { planReview: { on: true, weeks: 4, since: Date.now() - DAY } }, 60_000));
    await start();
    const alarms = await fakeBrowser.alarms.getAll();
    const checkin = alarms.find((a) => a.name === reminderAlarm('checkin'));
    expect(checkin?.scheduledTime).toBeGreaterThan(Date.now() + 100 * 60_000);
    expect(checkin?.scheduledTime).toBeLessThan(Date.now() + 121 * 60_000);
    expect(alarms.find((a) => a.name === reminderAlarm('plan-review'))?.scheduledTime).toBeGreaterThan(Date.now() + 26 * DAY);
    expect(alarms.some((a) => a.name === reminderAlarm('nudge'))).toBe(false);
    expect(fakes.badge.text).toBe('');
  });

  test('turned off, its alarm is cleared; the last one off gives notifications back', async () => {
    await start();
    const { saved, allowed } = turnReminder('checkin', true);
    await saved;
    expect(await allowed).toBe(true);
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.getAll()).map((a) => a.name)).toEqual([reminderAlarm('checkin')]));
    expect(await changeTiming({ field: 'checkin-time', value: '25:00' })).toBe('Choose a time, such as 20:00.');
    expect((await loadReminders()).checkin.time).toBe('20:00');
    const off = turnReminder('checkin', false);
    await off.saved;
    await off.allowed;
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.getAll()).toEqual([]));
    expect(granted.has('notifications')).toBe(false);
  });

  test('due, with notifications allowed: one notification with a snooze button; the button snoozes it for an hour', async () => {
    granted.add('notifications');
    await remindersItem.setValue(checkinDue(5));
    await start();
    const shown = notifications();
    expect(Object.keys(shown)).toEqual(['steadfast-reminder:checkin']);
    expect(shown['steadfast-reminder:checkin']!.title).toBe('Time for your check-in');
    expect(shown['steadfast-reminder:checkin']!.buttons).toHaveLength(1);
    expect(fakes.badge.text).toBe('');
    await fakeBrowser.notifications.onButtonClicked.trigger('steadfast-reminder:checkin', 0);
    await vi.waitFor(async () => expect((await loadReminders()).snoozed?.kind).toBe('checkin'));
    await vi.waitFor(async () => {
      const snoozed = (await fakeBrowser.alarms.get(reminderAlarm('checkin')))!.scheduledTime;
      expect(Math.abs(snoozed - (Date.now() + 3_600_000))).toBeLessThan(5_000);
    });
  });

  test('clicking a notification opens the page that holds it: the check-in, the plan', async () => {
    granted.add('notifications');
    await remindersItem.setValue(checkinDue(5, { planReview: { on: true, weeks: 4, since: Date.now() - 29 * DAY } }));
    await start();
    expect(Object.keys(notifications()).sort()).toEqual(['steadfast-reminder:checkin', 'steadfast-reminder:plan-review']);
    await fakeBrowser.notifications.onClicked.trigger('steadfast-reminder:checkin');
    await fakeBrowser.notifications.onClicked.trigger('steadfast-reminder:plan-review');
    await vi.waitFor(async () =>
      expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toEqual(
        expect.arrayContaining([
          fakeBrowser.runtime.getURL('/popup.html#checkin' as '/popup.html'),
          fakeBrowser.runtime.getURL('/options.html#plan' as '/options.html'),
        ]),
      ),
    );
  });

  test('without notifications the badge reminds, and protection being off keeps its "!" first', async () => {
    await remindersItem.setValue(checkinDue(5));
    await start();
    expect(notifications()).toEqual({});
    await vi.waitFor(() => expect(fakes.badge.text).toBe('•'));
    expect(fakes.badge.title).toBe('Steadfast: Time for your check-in');
    expect((await loadReminders()).pending).toMatchObject({ kind: 'checkin', via: 'badge' });
    await ruleStatusItem.setValue({ notInForce: [{ id: 'x', display: 'x.test', part: 'trigger', reason: 'pattern' }] });
    await vi.waitFor(() => expect(fakes.badge.text).toBe('!'));
  });

  test('a day already checked in: no reminder, and the day is settled', async () => {
    await addEvent(await historyConnection(), { type: 'checkin', mood: 3, craving: 2, halt: { hungry: false, angry: false, lonely: false, tired: false } });
    granted.add('notifications');
    await remindersItem.setValue(checkinDue(5));
    await start();
    expect(notifications()).toEqual({});
    expect(fakes.badge.text).toBe('');
    expect((await loadReminders()).shown.checkin).not.toBeNull();
  });

  test('missed for days while the browser was closed: one reminder, and no more on the next start or alarm', async () => {
    await remindersItem.setValue(checkinDue(5, {}, 9 * DAY));
    granted.add('notifications');
    const background = await start();
    expect(Object.keys(notifications())).toEqual(['steadfast-reminder:checkin']);
    await fakeBrowser.notifications.clear('steadfast-reminder:checkin');
    await fakeBrowser.alarms.onAlarm.trigger({ name: reminderAlarm('checkin'), scheduledTime: Date.now() });
    await background.remind();
    expect(notifications()).toEqual({});
  });
});

describe('the nudge, decided with a clock the test holds', () => {
  // Friday 11 December 2026, 20:50 in London: 10 minutes into the 15 before the hardest hour (Fridays, 21:00).
  const NOW = Date.UTC(2026, 11, 11, 20, 50);
  const created: { id: string; message: string }[] = [];
  let stored: Reminders;
  let badgeDrawn = 0;
  const apis = (allowed: boolean): ReminderApis => ({
    alarms: { create: () => undefined, clear: async () => true, get: async () => undefined },
    notifications: () => ({ create: async (id, options) => (created.push({ id, message: options.message }), id), clear: async () => true }),
    permissions: { contains: async () => allowed },
    store: { getValue: async () => stored, setValue: async (value) => void (stored = value) },
    lock: (work) => work(),
    now: async () => NOW,
    wall: () => NOW,
    zone: () => 'Europe/London',
    instantAt,
    checkedInToday: async () => false,
    nudgeChoice: async () => ({ ok: true, slot: { weekday: 4, hour: 21 }, count: 6, total: 14 }),
    nudgeWords: async (choice) =>
      nudgeWords(choice, { ifThenSteps: [{ id: 's', when: "I'm alone on a Friday night", then: "I'll call Sam and go for a walk" }] }, 'en-GB'),
    iconUrl: 'icon.png',
    buttons: true,
    badge: async () => void badgeDrawn++,
  });
  beforeEach(() => {
    created.length = 0;
    stored = { ...DEFAULT_REMINDERS, nudge: { on: true, since: NOW - 30 * DAY } };
  });

  test('one gentle message with their own plan step for that time, never the streak; at most one a day', async () => {
    expect(await reminderTick(apis(true))).toEqual({ shown: ['nudge'], settled: [] });
    expect(created).toEqual([
      {
        id: 'steadfast-reminder:nudge',
        message: "Friday around 21:00 has been hard before. Your plan says: if I'm alone on a Friday night, then I'll call Sam and go for a walk.",
      },
    ]);
    expect(created[0]!.message).not.toMatch(/streak|\bdays?\b/i);
    expect(await reminderTick(apis(true))).toEqual({ shown: [], settled: [] });
    // A nudge already shown earlier today (before this due time): this one is settled, not shown.
    created.length = 0;
    stored = { ...DEFAULT_REMINDERS, nudge: { on: true, since: NOW - 30 * DAY }, shown: { ...DEFAULT_REMINDERS.shown, nudge: NOW - 3 * 3_600_000 } };
    expect(await reminderTick(apis(true))).toEqual({ shown: [], settled: ['nudge'] });
    expect(created).toHaveLength(0);
  });

  test('without notifications, the badge is redrawn with the nudge waiting', async () => {
    badgeDrawn = 0;
    expect((await reminderTick(apis(false))).shown).toEqual(['nudge']);
    expect(created).toEqual([]);
    expect(stored.pending).toEqual({ kind: 'nudge', at: NOW, via: 'badge' });
    expect(badgeDrawn).toBe(1);
  });
});

describe('switching reminders', () => {
  test('turning one off while another is on keeps notifications, and says they are still allowed', async () => {
    const first = turnReminder('checkin', true);
    await first.saved;
    const second = turnReminder('plan-review', true);
    await second.saved;
    expect(await second.allowed).toBe(true);
    const off = turnReminder('checkin', false);
    await off.saved;
    expect(await off.allowed).toBe(true);
    expect(granted.has('notifications')).toBe(true);
    expect((await loadReminders()).planReview.on).toBe(true);
  });
});
