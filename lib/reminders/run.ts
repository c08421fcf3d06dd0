/*
 * The browser's part of reminders (issue 17): an alarm for each reminder that is on (alarms
 * outlive the worker and the browser), a notification when the person allowed them and the
 * toolbar badge when not, and what a click on either does. Decisions are ./schedule.ts's; every
 * browser API comes in as a parameter (tests/unit/reminders.run.test.ts).
 */
import { browser } from 'wxt/browser';
import type { ConfigLock } from '../commands/lock';
import { t } from '../i18n/i18n';
import { currentTimeZone } from '../time/days';
import { trustedNow } from '../time/trusted-clock';
import { instantAt } from '../time/wall-clock';
import type { NudgeChoice } from './nudge';
import { REMINDER_KINDS, remindersLock, remindersStore, type ReminderKind, type Reminders } from './reminders-item';

export { remindersLock, remindersStore };
import { decide, markShown, nextDue, snooze, type InstantAt, type Moment } from './schedule';

/** Optional in the manifest (wxt.config.ts): asked for only when a reminder is turned on. */
export const NOTIFICATIONS_PERMISSION = { permissions: ['notifications'] };
export const ALARM_PREFIX = 'reminder:';
export const NOTIFICATION_PREFIX = 'steadfast-reminder:';
export const reminderAlarm = (kind: ReminderKind) => `${ALARM_PREFIX}${kind}`;

export function kindOf(name: string, prefix: string): ReminderKind | undefined {
  const kind = name.startsWith(prefix) ? name.slice(prefix.length) : '';
  return (REMINDER_KINDS as readonly string[]).includes(kind) ? (kind as ReminderKind) : undefined;
}

export interface NotificationOptions {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
  buttons?: { title: string }[];
}
export interface NotificationsApi {
  create(id: string, options: NotificationOptions): Promise<string>;
  clear(id: string): Promise<boolean>;
}

export interface ReminderApis {
  alarms: {
    create(name: string, info: { when: number }): Promise<void> | void;
    clear(name: string): Promise<boolean>;
    get(name: string): Promise<{ scheduledTime: number } | undefined>;
  };
  /** Read when needed: the browser adds `notifications` only once the permission is granted. */
  notifications: () => NotificationsApi | undefined;
  permissions: { contains(permissions: typeof NOTIFICATIONS_PERMISSION): Promise<boolean> };
  store: { getValue(): Promise<Reminders>; setValue(value: Reminders): Promise<void> };
  lock: ConfigLock;
  /** The trusted time (lib/time/), for every decision; the wall clock, which alarms are held on. */
  now: () => Promise<number>;
  wall: () => number;
  zone: () => string;
  instantAt: InstantAt;
  /** Has the person checked in on the day `now` falls on (lib/history/checkins.ts)? */
  checkedInToday: (now: number) => Promise<boolean>;
  /** Their hardest hour of the week, from their own history (./nudge.ts). */
  nudgeChoice: () => Promise<NudgeChoice>;
  /** The words of the nudge for that hour, with their plan's step. */
  nudgeWords: (choice: Extract<NudgeChoice, { ok: true }>) => Promise<{ title: string; message: string }>;
  iconUrl: string;
  /** Chrome shows buttons on a notification; Firefox has none (snooze is on the page there). */
  buttons: boolean;
  /** Redraws the toolbar badge (protection first, then a waiting reminder). */
  badge: () => Promise<void>;
}

/** The words of a check-in or plan review reminder. */
export function reminderWords(kind: Exclude<ReminderKind, 'nudge'>, state: Reminders): { title: string; message: string } {
  return kind === 'checkin'
    ? { title: t('reminders_checkinTitle'), message: t('reminders_checkinMessage') }
    : { title: t('reminders_reviewTitle'), message: t('reminders_reviewMessage', [String(state.planReview.weeks)]) };
}

/** Shows one reminder: a notification if allowed, the badge otherwise. Returns how it was shown. */
async function show(apis: ReminderApis, kind: ReminderKind, state: Reminders, choice: NudgeChoice): Promise<'notification' | 'badge'> {
  const words = kind === 'nudge' ? (choice.ok ? await apis.nudgeWords(choice) : undefined) : reminderWords(kind, state);
  const notifications = apis.notifications();
  const allowed = notifications !== undefined && (await apis.permissions.contains(NOTIFICATIONS_PERMISSION).catch(() => false));
  if (!allowed || !words) return 'badge';
  try {
    const id = `${NOTIFICATION_PREFIX}${kind}`;
    await notifications.clear(id).catch(() => false);
    await notifications.create(id, {
      type: 'basic',
      iconUrl: apis.iconUrl,
      title: words.title,
      message: words.message,
      ...(apis.buttons && kind !== 'nudge' ? { buttons: [{ title: t('reminders_snooze') }] } : {}),
    });
    return 'notification';
  } catch (error) {
    console.error('steadfast: notification', error);
    return 'badge';
  }
}

export interface TickResult {
  shown: ReminderKind[];
  settled: ReminderKind[];
}

/**
 * Shows what is due (each once, however long the browser was closed), settles what no longer
 * needs saying (a check-in on a day already checked in), and sets each reminder's alarm for its
 * next due time (clears it when off). Run at every start, on each alarm and on every change.
 */
export function reminderTick(apis: ReminderApis): Promise<TickResult> {
  return apis.lock(async () => {
    const stored = await apis.store.getValue();
    let state = stored;
    const now = await apis.now();
    const moment: Moment = { now, zone: apis.zone(), instantAt: apis.instantAt };
    const choice: NudgeChoice = state.nudge.on ? await apis.nudgeChoice() : { ok: false, total: 0 };
    const slot = choice.ok ? choice.slot : undefined;
    const checkedIn = state.checkin.on ? await apis.checkedInToday(now) : false;
    const result: TickResult = { shown: [], settled: [] };
    for (const kind of REMINDER_KINDS) {
      const decision = decide(kind, state, moment, { checkedInToday: checkedIn, slot });
      if (decision === 'settle') {
        state = markShown(state, kind, now);
        result.settled.push(kind);
      } else if (decision === 'show') {
        state = markShown(state, kind, now, await show(apis, kind, state, choice));
        result.shown.push(kind);
      }
    }
    // A check-in waiting from an earlier day, now done today: its line goes.
    if (state.pending?.kind === 'checkin' && checkedIn) state = { ...state, pending: null };
    for (const kind of REMINDER_KINDS) {
      const next = nextDue(kind, state, moment, slot);
      const name = reminderAlarm(kind);
      if (next === undefined) {
        await apis.alarms.clear(name);
        continue;
      }
      const when = apis.wall() + Math.max(0, next - now);
      const current = await apis.alarms.get(name);
      if (!current || Math.abs(current.scheduledTime - when) > 30_000) await apis.alarms.create(name, { when });
    }
    if (state !== stored) await apis.store.setValue(state);
    await apis.badge();
    return result;
  });
}

/** The page a reminder opens: the check-in (the popup's page, opened in a tab), the plan, coping tools. */
export function reminderPage(kind: ReminderKind): string {
  if (kind === 'checkin') return '/popup.html#checkin';
  if (kind === 'plan-review') return '/options.html#plan';
  return '/coping.html';
}

/** Snoozes from a notification's button (Chrome) or the popup's line: back in an hour. */
export async function snoozeReminder(kind: ReminderKind, apis: Pick<ReminderApis, 'store' | 'lock' | 'now'>): Promise<void> {
  await apis.lock(async () => apis.store.setValue(snooze(await apis.store.getValue(), kind, await apis.now())));
}

/** The namespace as the browser has it now (`chrome` in Chromium, `browser` in Firefox). */
function liveNotifications(): NotificationsApi | undefined {
  const g = globalThis as { browser?: { notifications?: NotificationsApi }; chrome?: { notifications?: NotificationsApi } };
  return (browser as { notifications?: NotificationsApi }).notifications ?? g.browser?.notifications ?? g.chrome?.notifications;
}

export function reminderBrowserApis(
  parts: Pick<ReminderApis, 'checkedInToday' | 'nudgeChoice' | 'nudgeWords' | 'badge'> & { family: 'chrome' | 'firefox' },
): ReminderApis {
  return {
    alarms: browser.alarms as unknown as ReminderApis['alarms'],
    notifications: liveNotifications,
    permissions: browser.permissions as unknown as ReminderApis['permissions'],
    store: remindersStore,
    lock: remindersLock,
    now: () => trustedNow(),
    wall: () => Date.now(),
    zone: currentTimeZone,
    instantAt,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    buttons: parts.family === 'chrome',
    ...parts,
  };
}

/** Protection's badge always wins; with nothing off, a reminder shown without notifications puts its dot there. */
export function badgeWithReminder<B extends { text: string; color: string; title: string }>(
  protection: B,
  pending: Reminders['pending'],
): B | { text: string; color: string; title: string } {
  if (protection.text !== '' || pending?.via !== 'badge') return protection;
  const title =
    pending.kind === 'checkin' ? t('reminders_checkinTitle') : pending.kind === 'plan-review' ? t('reminders_reviewTitle') : t('reminders_nudgeTitle');
  return { text: '•', color: '#1d4f91', title: `${t('extName')}: ${title}` };
}
