import { browser } from 'wxt/browser';
import { matchTrigger } from '../triggers/match-trigger';
import type { Trigger } from '../triggers/trigger';
import { pausePageUrl } from './sync-rules';

type Tabs = Pick<typeof browser.tabs, 'query' | 'update'>;

/**
 * A site that becomes a trigger while it is open in a tab moves to the pause page too, so adding
 * a trigger protects at once. Tab URLs are readable through the `<all_urls>` host permission.
 */
export async function pauseOpenTabs(
  added: readonly Trigger[],
  tabs: Tabs = browser.tabs,
  pauseUrl: string = pausePageUrl(),
): Promise<number> {
  return pauseOpenTabsWhere((url) => matchTrigger(url, added) !== undefined, tabs, pauseUrl);
}

/**
 * The same for any test of a URL: imported lists pass a lookup in their domain index, so their
 * 100,000 domains never become `Trigger` objects (lib/triggers/blocklist.ts).
 */
export async function pauseOpenTabsWhere(
  isTrigger: (url: string) => boolean,
  tabs: Tabs = browser.tabs,
  pauseUrl: string = pausePageUrl(),
): Promise<number> {
  const open = await tabs.query({ url: ['http://*/*', 'https://*/*'] });
  let moved = 0;
  for (const tab of open) {
    if (tab.id === undefined || !tab.url || !isTrigger(tab.url)) continue;
    await tabs.update(tab.id, { url: `${pauseUrl}#${tab.url}` });
    moved += 1;
  }
  return moved;
}
