import { browser } from 'wxt/browser';
import { ensureWords, t } from '../i18n/i18n';
import { allowanceAlarm, endAllowance, grantAllowance, overrunAllowances, reconcileAllowances, ruleIdOfAlarm } from '../blocking/allowance';
import { isContinueMessage, isPauseShownMessage, type ContinueReply } from '../blocking/continue-message';
import { anyWaiting, placeOf, readShownAt, recordShown, waitHasPassed } from '../blocking/pause-wait';
import { historyConnection } from '../history/db';
import { isVisitMessage, recordVisit } from '../history/intervention';
import { pauseOpenTabs, pauseOpenTabsWhere } from '../blocking/pause-open-tabs';
import { secondNet, type TriggerLookup } from '../blocking/second-net';
import { isFromPausePage, pausePageUrl, syncTriggerRules } from '../blocking/sync-rules';
import { ListIndex, listTriggersFor } from '../triggers/blocklist';
import { blocklistsItem } from '../triggers/blocklist-item';
import { helpRegionItem, loadHelpRegion } from '../help/help-region-item';
import { uninstallHelpUrl } from '../help/uninstall-url';
import { applyDueChanges, postponePending } from '../triggers/cooling-off-store';
import { ClockWatcher, type ClockWatcherOptions } from '../time/background-clock';
import { pendingItem } from '../triggers/pending-item';
import { triggerListItem } from '../triggers/trigger-list';
import { planItem } from '../plan/plan-item';
import { copiesPaused, loadSettings, settingsItem } from '../settings/settings-item';
import { ruleStatusItem } from '../blocking/rule-status-item';
import { badgeFor, browserFamily, protectionProblems, readProtection, showBadge } from '../blocking/protection-status';
import { syncScheduler } from '../sync/schedule';
import { syncStateItem } from '../sync/sync-state-item';
import { syncNow } from '../sync/sync-store';
import { loadWelcome } from '../welcome/welcome-item';
import { startTasks, type StartTasks } from './start-tasks';
import { autoBackupItem } from '../backup/auto-backup-item';
import { AUTO_BACKUP_ALARM, autoBackupTick, browserApis, isBigChangeMessage, noteBigChange } from '../backup/auto-backup-run';
import { backupText, collectBackup } from '../backup/export';
import { streakStartItem } from '../history/streak-start-item';
import { checkedInOn } from '../history/checkins';
import { readDays } from '../history/days-store';
import { loadPlan } from '../plan/plan-item';
import { riskGridOf } from '../progress/risk';
import { currentTimeZone, dayOf } from '../time/days';
import { hardestHour } from '../reminders/nudge';
import { nudgeWords } from '../reminders/nudge-words';
import { loadReminders, remindersItem } from '../reminders/reminders-item';
import {
  ALARM_PREFIX,
  NOTIFICATION_PREFIX,
  badgeWithReminder,
  kindOf,
  reminderBrowserApis,
  reminderPage,
  reminderTick,
  remindersLock,
  remindersStore,
  snoozeReminder,
  type ReminderApis,
} from '../reminders/run';
import { dismiss } from '../reminders/schedule';

export const COOLING_OFF_ALARM = 'cooling-off';

export interface BackgroundOptions {
  /** The clocks and timers the clock watch uses (tests pass their own). */
  wall?: () => number;
  mono?: () => number;
  timers?: ClockWatcherOptions['timers'];
  /** When the start's tasks run (./start-tasks.ts); tests pass one that does not wait. */
  start?: StartTasks;
  /** What reminders reach the browser through (lib/reminders/run.ts); tests pass fakes. */
  reminders?: ReminderApis;
}

/** What a started background offers a test: its clock, and its steps to run and wait for. */
export interface Background {
  clock: ClockWatcher;
  /** Rebuilds the rules from what is stored and repairs the difference (resolves when done). */
  resync: () => Promise<void>;
  /** Applies the loosening changes whose cooling-off is over and sets the alarm for the next. */
  coolOff: () => Promise<void>;
  /** Shows the reminders that are due and sets their alarms (lib/reminders/run.ts). */
  remind: () => Promise<unknown>;
}

/**
 * Wiring only: keep the browser's blocking rules equal to the trigger list, and give and end
 * "continue anyway" allowances. Rules are synced on install/update, on browser start and on every
 * change of the list.
 *
 * Started by entrypoints/background.ts; every browser API is the `browser` of wxt/browser (WXT's
 * fakeBrowser in unit tests, with in-memory fakes for what it lacks: tests/unit/background.test.ts).
 */
export function startBackground(options: BackgroundOptions = {}): Background {
  // Protection at once, the rest after the first pause page is on screen (./start-tasks.ts).
  const start = options.start ?? startTasks();
  // Refusals the worker sends back are words too (see ensureWords).
  void ensureWords().catch((error: unknown) => console.error('steadfast: words', error));
  // Syncs run one after another, each from the list as stored at that moment, so the last one wins.
  // Each one rebuilds the rules from what is stored, repairs any difference from the rules in force
  // (lib/blocking/sync-rules.ts) and records what could not be applied, for the popup and options.
  let queue: Promise<void> = Promise.resolve();
  const resync = () => {
    queue = queue
      .then(async () => {
        const [triggers, blocklists, settings] = await Promise.all([triggerListItem.getValue(), blocklistsItem.getValue(), loadSettings()]);
        const notInForce = await syncTriggerRules(triggers, pausePageUrl(), browser.declarativeNetRequest, blocklists, {
          copies: copiesPaused(settings),
        });
        const status = await ruleStatusItem.getValue();
        if (JSON.stringify(status.notInForce) !== JSON.stringify(notInForce)) await ruleStatusItem.setValue({ notInForce });
      })
      .catch((error: unknown) => console.error('steadfast: sync-rules', error));
    return queue;
  };

  browser.runtime.onInstalled.addListener(({ reason }) => {
    // A new install has no rules yet: they come first. (Chromium reports 'install' at every start
    // of an extension loaded with --load-extension; its rules are then still there, and this finds
    // nothing to change.)
    start.now('rules-on-install', resync);
    // A first install opens the welcome: four short steps that set the person up (entrypoints/welcome).
    // Not once they have finished it: Chromium reports 'install' at every start of an unpacked
    // extension loaded with --load-extension, and keeps its storage.
    if (reason === 'install') {
      start.later('welcome', () =>
        loadWelcome().then((welcome) => (welcome.place === 'done' ? undefined : browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }))),
      );
    }
  });
  // At the browser's start and every start of the background (it sleeps and wakes): rules removed
  // meanwhile come back. The rules persist in the browser, so they are in force before this runs.
  browser.runtime.onStartup.addListener(() => start.later('rules-on-browser-start', resync));
  start.later('rules-check', resync);

  // Protection off is loud (lib/blocking/protection-status.ts): site access withdrawn, private
  // windows not covered, a trigger the rules could not hold. Checked at every start (allowing
  // private windows restarts Steadfast) and whenever permissions or the rules' status change.
  // A reminder shown without notifications (lib/reminders/) puts its own mark there, only while protection is all on.
  const checkProtection = () =>
    Promise.all([readProtection(), loadReminders().catch(() => undefined)])
      .then(([facts, reminders]) => showBadge(badgeWithReminder(badgeFor(protectionProblems(facts), browserFamily()), reminders?.pending ?? null)))
      .catch((error: unknown) => console.error('steadfast: protection', error));
  start.later('protection-badge', checkProtection);
  browser.permissions.onAdded.addListener(checkProtection);
  browser.permissions.onRemoved.addListener(checkProtection);
  ruleStatusItem.watch(checkProtection);
  settingsItem.watch((next, previous) => copiesPaused(next) !== copiesPaused(previous) && void resync());

  // Removing Steadfast in a weak moment should still end next to help, in the person's region.
  const setUninstallPage = () =>
    loadHelpRegion()
      .then((region) => browser.runtime.setUninstallURL(uninstallHelpUrl(region ?? 'INTL') ?? ''))
      .catch((error: unknown) => console.error('steadfast: uninstall-url', error));
  start.later('uninstall-page', setUninstallPage);
  helpRegionItem.watch(setUninstallPage);
  triggerListItem.watch((next, previous) => {
    const before = new Set((previous ?? []).map((t) => t.id));
    const added = (next ?? []).filter((t) => !before.has(t.id));
    void resync().then(() => (added.length > 0 ? pauseOpenTabs(added) : 0));
  });

  // Imported lists (issue 5, "Big lists") join the site rules; a new list also pauses open tabs.
  // Their domains are looked up, never turned into triggers: by a scan for the few open tabs, and
  // by an index (built once per change, when first needed) for allowances.
  let listIndex: Promise<ListIndex> | undefined;
  const lists = () => (listIndex ??= blocklistsItem.getValue().then((all) => new ListIndex(all)));
  blocklistsItem.watch((next, previous) => {
    listIndex = undefined;
    const before = new Set((previous ?? []).map((list) => list.id));
    const added = (next ?? []).filter((list) => !before.has(list.id));
    void resync().then(() => (added.length > 0 ? pauseOpenTabsWhere((url) => listTriggersFor(url, added).length > 0) : 0));
  });

  // The second net (lib/blocking/second-net.ts): addresses reached with no request the rules can
  // see (pushState, Back from the page cache, a service worker's page, a prerendered page shown,
  // tabs restored at start) still end on the pause page. It never acts on non-web pages, so the
  // pause page it sends a tab to never sends it again.
  // What it checks against is read once and kept until the list, the imported lists or the
  // settings change: every address any tab reaches passes through it.
  let known: Promise<TriggerLookup> | undefined;
  const forget = () => (known = undefined);
  for (const item of [triggerListItem, blocklistsItem, settingsItem]) item.watch(forget);
  const net = secondNet(() =>
    (known ??= Promise.all([triggerListItem.getValue(), lists(), loadSettings()]).then(([triggers, index, settings]) => ({
      triggers,
      lists: index,
      copies: copiesPaused(settings),
    }))).catch((error: unknown) => {
      forget();
      throw error;
    }),
  );
  const netFailed = (error: unknown) => console.error('steadfast: second net', error);
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url !== undefined) void net.tabReached(tabId, change.url).catch(netFailed);
  });
  start.now('second-net-sweep', () => net.sweep().catch(netFailed));

  // Each pause-page visit and what the person did there, written here too: the page may close
  // before its own write lands (lib/history/intervention.ts). The history opens on the first one.
  browser.runtime.onMessage.addListener((message: unknown, sender): undefined => {
    if (!isVisitMessage(message) || !isFromPausePage(sender)) return undefined;
    void historyConnection()
      .then((db) => recordVisit(db, message))
      .catch((error: unknown) => {
        console.error('steadfast: visit outcome', error);
      });
    return undefined;
  });

  // Automatic backups (opt-in, lib/backup/auto-backup.ts): the usual backup file to Downloads/Steadfast
  // every week and after big changes, on an alarm that outlives this worker. Every start checks
  // whether one is due, so a week missed while the browser was closed gives one backup.
  const backups = browserApis(async () => backupText(await collectBackup(await historyConnection())));
  const backupFailed = (error: unknown) => console.error('steadfast: automatic backup', error);
  const backupIfDue = (force = false) => void autoBackupTick(backups, { force }).catch(backupFailed);
  // Turned on: the first file at once, as the person watches; turned off: the alarm goes.
  autoBackupItem.watch((next, previous) => next?.enabled !== previous?.enabled && backupIfDue(next?.enabled ?? false));
  const bigChange = () => void noteBigChange(backups).catch(backupFailed);
  for (const item of [triggerListItem, blocklistsItem, planItem, streakStartItem]) item.watch(bigChange);
  // A setback lives in IndexedDB, which no watch sees: the page that logged it says so.
  browser.runtime.onMessage.addListener((message: unknown, sender): undefined => {
    if (isBigChangeMessage(message) && sender.id === browser.runtime.id) bigChange();
    return undefined;
  });
  start.later('automatic-backup', () => backupIfDue());

  // The pause wait is the background's: it notes when the pause page was shown, by its own clocks.
  browser.runtime.onMessage.addListener((message: unknown, sender): undefined => {
    const tabId = sender.tab?.id;
    if (!isPauseShownMessage(message) || tabId === undefined || !isFromPausePage(sender)) return undefined;
    void recordShown(browser.storage.session, placeOf(tabId, sender.frameId), clock.reading())
      .then(() => clock.watchIfWaiting())
      .catch((error: unknown) => console.error('steadfast: pause shown', error))
      .finally(() => start.release());
    return undefined;
  });

  // Only the pause page, in a tab, may ask; the tab comes from the browser, never from the message.
  // "Continue" is granted only once the background itself saw the whole wait pass in that tab.
  browser.runtime.onMessage.addListener((message: unknown, sender): Promise<ContinueReply> | undefined => {
    if (!isContinueMessage(message)) return undefined;
    const tabId = sender.tab?.id;
    if (tabId === undefined || !isFromPausePage(sender)) {
      return Promise.resolve({ ok: false, message: t('background_onlyPausePage') });
    }
    // A list's domain counts as a site trigger of the list's mode (lib/triggers/blocklist.ts).
    return (async () => {
      await clock.now();
      const [triggers, index, shownAt, settings] = await Promise.all([
        triggerListItem.getValue(),
        lists(),
        readShownAt(browser.storage.session),
        loadSettings(),
      ]);
      const waitOver = waitHasPassed(shownAt[placeOf(tabId, sender.frameId)], clock.reading(), settings.waitSeconds);
      const reply = await grantAllowance({
        tabId,
        url: message.url,
        minutes: message.minutes,
        waitOver,
        triggers: [...triggers, ...listTriggersFor(message.url, index)],
      });
      await clock.watchIfWaiting();
      return reply;
    })();
  });

  // Loosening changes happen when their cooling-off is over, by the trusted time: apply what is
  // due, wake for the next. The alarm is held on the wall clock, so it is set from the wall clock.
  const coolOff = async () => {
    const now = await clock.now();
    const waiting = await applyDueChanges({ now: async () => now });
    if (waiting.length === 0) await browser.alarms.clear(COOLING_OFF_ALARM);
    else {
      const when = Date.now() + Math.max(0, Math.min(...waiting.map((p) => p.effectiveAt)) - now);
      const current = await browser.alarms.get(COOLING_OFF_ALARM);
      // Not rewritten on every look at the clock: only when it moved.
      if (!current || Math.abs(current.scheduledTime - when) > 60_000) await browser.alarms.create(COOLING_OFF_ALARM, { when });
    }
  };
  const coolOffSafely = () =>
    coolOff()
      .then(() => clock.watchIfWaiting())
      .catch((error: unknown) => console.error('steadfast: cooling-off', error));
  pendingItem.watch(coolOffSafely);

  // When an allowance's time is up, the site pauses again, in that tab too if it is still open on it.
  const finishAllowance = async (ruleId: number) => {
    await browser.alarms.clear(allowanceAlarm(ruleId));
    const tabId = await endAllowance(ruleId);
    if (tabId === undefined) return;
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    if (tab?.url) await net.tabReached(tabId, tab.url);
  };
  const allowanceAlarms = async () => (await browser.alarms.getAll()).filter((alarm) => ruleIdOfAlarm(alarm.name) !== undefined);
  // Reminders the person chose (lib/reminders/): an alarm for each, re-made from what is stored at
  // every start and on every change; one missed while the browser was closed is shown once.
  const reminderApis: ReminderApis =
    options.reminders ??
    reminderBrowserApis({
      family: browserFamily(),
      badge: checkProtection,
      checkedInToday: async (now) => checkedInOn(await historyConnection(), dayOf(now, currentTimeZone()), now),
      nudgeChoice: async () => {
        const today = dayOf(Date.now(), currentTimeZone());
        return hardestHour(riskGridOf(await readDays(await historyConnection()), today - 365));
      },
      nudgeWords: async (choice) => nudgeWords(choice, await loadPlan()),
    });
  const remind = () => reminderTick(reminderApis).catch((error: unknown) => console.error('steadfast: reminders', error));
  remindersItem.watch(() => void remind());
  start.later('reminders', remind);
  const notificationClicked = (id: string, snoozed: boolean) => {
    const kind = kindOf(id, NOTIFICATION_PREFIX);
    if (!kind) return;
    void browser.notifications?.clear(id).catch(() => false);
    const done = snoozed
      ? snoozeReminder(kind, reminderApis)
      : browser.tabs
          .create({ url: browser.runtime.getURL(reminderPage(kind) as '/popup.html') })
          // The check-in's line stays until they check in; the others are done once opened.
          .then(() => (kind === 'checkin' ? undefined : remindersLock(async () => remindersStore.setValue(dismiss(await remindersStore.getValue(), kind)))));
    void done.catch((error: unknown) => console.error('steadfast: reminder click', error));
  };
  // Present only once the person allowed notifications (an optional permission).
  const listenToNotifications = () => {
    const notifications = browser.notifications;
    if (!notifications || notifications.onClicked.hasListener(onNotificationClicked)) return;
    notifications.onClicked.addListener(onNotificationClicked);
    notifications.onButtonClicked?.addListener(onNotificationButton);
  };
  const onNotificationClicked = (id: string) => notificationClicked(id, false);
  const onNotificationButton = (id: string) => notificationClicked(id, true);
  listenToNotifications();
  browser.permissions.onAdded.addListener(listenToNotifications);

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === COOLING_OFF_ALARM) return coolOffSafely();
    if (kindOf(alarm.name, ALARM_PREFIX)) return void remind();
    if (alarm.name === AUTO_BACKUP_ALARM) return backupIfDue();
    const ruleId = ruleIdOfAlarm(alarm.name);
    if (ruleId !== undefined) void finishAllowance(ruleId).catch((error: unknown) => console.error('steadfast: allowance', error));
  });

  // The clock (lib/time/): while anything waits the background stays awake and reads the wall and
  // the monotonic clock. A clock set forward postpones waiting changes by the jump; a clock set
  // back ends allowances (their alarms would wait for the wall clock to catch up).
  const endAllowances = async (ruleIds: number[]) => {
    for (const ruleId of ruleIds) await finishAllowance(ruleId);
  };
  const clock = new ClockWatcher({
    mono: options.mono,
    wall: options.wall,
    timers: options.timers,
    postpone: (ms) => postponePending(ms),
    movedBack: async () => endAllowances((await allowanceAlarms()).map((alarm) => ruleIdOfAlarm(alarm.name)!)),
    onTick: async () => {
      await coolOff();
      await endAllowances(overrunAllowances(await allowanceAlarms(), Date.now()));
    },
    anyWaiting: async (now) => {
      const [pending, allowances, shownAt] = await Promise.all([pendingItem.getValue(), allowanceAlarms(), readShownAt(browser.storage.session)]);
      return pending.length > 0 || allowances.length > 0 || anyWaiting(shownAt, now);
    },
    keepAwake: () => browser.runtime.getPlatformInfo(),
  });

  // "Sync across my browsers" (opt-in): a moment after any change here or in the browser's sync,
  // merge both (lib/sync/). The sync's own writes come back here as changes and find nothing to do.
  const sync = syncScheduler(() => syncNow());
  for (const item of [triggerListItem, planItem, settingsItem, pendingItem]) item.watch(() => sync.request());
  syncStateItem.watch((next, previous) => next.enabled !== previous.enabled && sync.request());
  browser.storage.sync.onChanged.addListener(() => sync.request());
  start.later('sync', () => sync.request());

  // Cooling-off only ever loosens when due, so it can wait; ending allowances cannot.
  start.later('cooling-off', coolOffSafely);
  start.now('allowances', () =>
    reconcileAllowances()
      .then(async () => endAllowances(overrunAllowances(await allowanceAlarms(), Date.now())))
      .catch((error: unknown) => console.error('steadfast: allowances', error)),
  );

  return { clock, resync, coolOff, remind };
}
