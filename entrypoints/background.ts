import { browser } from 'wxt/browser';
import { endAllowance, grantAllowance, reconcileAllowances, ruleIdOfAlarm } from '../lib/blocking/allowance';
import { isContinueMessage, type ContinueReply } from '../lib/blocking/continue-message';
import { pauseOpenTabs } from '../lib/blocking/pause-open-tabs';
import { isFromPausePage, syncTriggerRules } from '../lib/blocking/sync-rules';
import { triggerListItem } from '../lib/triggers/trigger-list';

/**
 * Wiring only: keep the browser's blocking rules equal to the trigger list, and give and end
 * "continue anyway" allowances. Rules are synced on install/update, on browser start and on every
 * change of the list.
 */
export default defineBackground(() => {
  // Syncs run one after another, each from the list as stored at that moment, so the last one wins.
  let queue: Promise<void> = Promise.resolve();
  const resync = () => {
    queue = queue
      .then(async () => syncTriggerRules(await triggerListItem.getValue()))
      .catch((error: unknown) => console.error('Steadfast could not update its rules', error));
    return queue;
  };

  browser.runtime.onInstalled.addListener(({ reason }) => {
    void resync();
    // A first install opens "My recovery", where the person lists their trigger sites.
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
  browser.runtime.onStartup.addListener(() => void resync());
  triggerListItem.watch((next, previous) => {
    const before = new Set((previous ?? []).map((t) => t.id));
    const added = (next ?? []).filter((t) => !before.has(t.id));
    void resync().then(() => (added.length > 0 ? pauseOpenTabs(added) : 0));
  });

  // Only the pause page, in a tab, may ask; the tab comes from the browser, never from the message.
  browser.runtime.onMessage.addListener((message: unknown, sender): Promise<ContinueReply> | undefined => {
    if (!isContinueMessage(message)) return undefined;
    const tabId = sender.tab?.id;
    if (tabId === undefined || !isFromPausePage(sender)) {
      return Promise.resolve({ ok: false, message: 'Only the pause page can do that.' });
    }
    return triggerListItem.getValue().then((triggers) => grantAllowance({ tabId, url: message.url, minutes: message.minutes, triggers }));
  });

  // When the time is up, the site pauses again, in that tab too if it is still open on it.
  browser.alarms.onAlarm.addListener((alarm) => {
    const ruleId = ruleIdOfAlarm(alarm.name);
    if (ruleId === undefined) return;
    void (async () => {
      const tabId = await endAllowance(ruleId);
      if (tabId === undefined) return;
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      if (tab?.url) await pauseOpenTabs(await triggerListItem.getValue(), { query: async () => [tab], update: browser.tabs.update });
    })();
  });

  void reconcileAllowances().catch((error: unknown) => console.error('Steadfast could not check allowances', error));
});
