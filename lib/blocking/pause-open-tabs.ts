import { browser } from 'wxt/browser';
import { matchTrigger, viewedAddress } from '../triggers/match-trigger';
import type { Trigger } from '../triggers/trigger';
import { pausePageUrl } from './sync-rules';

/** What moving tabs needs of `browser.tabs`: only a tab's id and address are read. */
export interface Tabs {
  query(query: { url: string[] }): Promise<{ id?: number; url?: string }[]>;
  update(tabId: number, properties: { url: string }): Promise<unknown>;
}

/**
 * A site that becomes a trigger while it is open in a tab moves to the pause page too, so adding
 * a trigger protects at once. Tab URLs are readable through the `<all_urls>` host permission.
 */
export async function pauseOpenTabs(added: readonly Trigger[], tabs: Tabs = browser.tabs, pauseUrl: string = pausePageUrl()): Promise<number> {
  return pauseOpenTabsWhere((url) => matchTrigger(url, added) !== undefined, tabs, pauseUrl);
}

/**
 * The same for any test of a URL: imported lists pass a lookup in their domain index, so their
 * 100,000 domains never become `Trigger` objects (lib/triggers/blocklist.ts). The test also gets
 * the tab, for what depends on it ("Continue anyway" holds in one tab: lib/blocking/second-net.ts).
 */
export async function pauseOpenTabsWhere(
  isTrigger: (url: string, tabId: number) => boolean,
  tabs: Tabs = browser.tabs,
  pauseUrl: string = pausePageUrl(),
): Promise<number> {
  const open = await tabs.query({ url: ['http://*/*', 'https://*/*'] });
  let moved = 0;
  for (const tab of open) {
    if (tab.id === undefined || !tab.url) continue;
    // A page in Firefox's reader view is paused as the address it shows, and "Continue" goes there.
    const address = viewedAddress(tab.url);
    if (!isTrigger(address, tab.id)) continue;
    await tabs.update(tab.id, { url: `${pauseUrl}#${address}` });
    moved += 1;
  }
  return moved;
}
