import { browser } from 'wxt/browser';
import { pauseOpenTabs } from '../lib/blocking/pause-open-tabs';
import { syncTriggerRules } from '../lib/blocking/sync-rules';
import { triggerListItem } from '../lib/triggers/trigger-list';

/**
 * Wiring only: keep the browser's blocking rules equal to the trigger list.
 * Rules are synced on install/update, on browser start and on every change of the list.
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
});
