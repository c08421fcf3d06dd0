import { browser } from 'wxt/browser';
import { listTriggersFor, type ListIndex } from '../triggers/blocklist';
import { hostOf, matchTrigger, viewedAddress } from '../triggers/match-trigger';
import type { Trigger } from '../triggers/trigger';
import { allowanceCovers, type SessionRules } from './allowance';
import type { Rule } from './build-rules';
import { pauseOpenTabsWhere, type Tabs } from './pause-open-tabs';
import { pausePageUrl } from './sync-rules';

/**
 * The second net (../shared/DESIGN.md, "Interception"). The rules stop requests, and only
 * requests: an in-page navigation (`history.pushState`/`replaceState`), a page brought back by Back
 * or Forward from the back/forward cache, a page a site's own service worker answers, a
 * prerendered page being shown and a tab the browser restores at start can reach a trigger address
 * with no request the rules see. Each of them changes the tab's address, which `tabs.onUpdated`
 * reports through the `<all_urls>` host access Steadfast already holds (no new permission); the
 * background passes it here, and a tab at a trigger moves to the pause page. The rules stay the
 * first net: only they stop the bytes.
 */

/**
 * What an address is checked against: the person's triggers, the index of their imported lists,
 * and whether copies of a trigger on translation and archive services count (the setting; on
 * unless turned off), as the rules are built.
 */
export interface TriggerLookup {
  triggers: readonly Trigger[];
  lists: ListIndex;
  copies?: boolean;
}

/** Every trigger that catches `url`, a list's domain counting as a site trigger of the list's mode. */
export function triggersCatching(url: string, { triggers, lists, copies = true }: TriggerLookup): Trigger[] {
  return [...triggers.filter((trigger) => matchTrigger(url, [trigger], { copies }) !== undefined), ...listTriggersFor(url, lists)];
}

/**
 * Whether tab `tabId`, now at `url`, belongs on the pause page: a trigger catches the address and
 * no live "Continue anyway" (a session rule for that tab and host) lets it through. A Block-mode
 * trigger is never let through, as its rule outranks every allowance. Only web addresses are ever
 * caught: never Steadfast's own pages (the pause page carries the trigger's address in its
 * fragment), nor the browser's.
 */
export function belongsOnPausePage(url: string, tabId: number, lookup: TriggerLookup, sessionRules: readonly Rule[]): boolean {
  const host = hostOf(url);
  if (host === undefined) return false;
  const catching = triggersCatching(url, lookup);
  if (catching.length === 0) return false;
  if (catching.some((trigger) => trigger.mode === 'block')) return true;
  return !allowanceCovers(sessionRules, tabId, host);
}

export interface SecondNetBrowser {
  tabs: Tabs;
  sessionRules: Pick<SessionRules, 'getSessionRules'>;
  pauseUrl: string;
}

export interface SecondNet {
  /**
   * Tab `tabId` has reached `url` (`tabs.onUpdated` with a `url`): moves it to the pause page when
   * it belongs there. Resolves to whether it moved it.
   */
  tabReached(tabId: number, url: string): Promise<boolean>;
  /**
   * Checks every open tab, as the background starts: tabs the browser restored at start, and any
   * that reached a trigger while the background was not listening. Resolves to how many it moved.
   */
  sweep(): Promise<number>;
}

/**
 * The second net, with what it reads (`lookup`, asked afresh each time, so a changed list counts at
 * once) and the browser it acts on passed in. The tab moves with `pauseOpenTabsWhere`, to
 * `pause.html#<url>`, as a tab open on a new trigger does.
 */
export function secondNet(lookup: () => Promise<TriggerLookup>, given: Partial<SecondNetBrowser> = {}): SecondNet {
  const { tabs = browser.tabs, sessionRules = browser.declarativeNetRequest, pauseUrl = pausePageUrl() } = given;
  // A tab already on its way to the pause page from this address is not sent again: the browser
  // may report one change twice, and a sweep at start meets tabs the events report too.
  const moving = new Map<number, string>();

  const pauseWhere = async (query: Tabs['query'], known: TriggerLookup): Promise<number> => {
    const rules = await sessionRules.getSessionRules();
    const sent: [number, string][] = [];
    const send = (url: string, tabId: number) => {
      if (moving.get(tabId) === url || !belongsOnPausePage(url, tabId, known, rules)) return false;
      moving.set(tabId, url);
      sent.push([tabId, url]);
      return true;
    };
    try {
      return await pauseOpenTabsWhere(send, { query, update: (id, properties) => tabs.update(id, properties) }, pauseUrl);
    } finally {
      for (const [tabId, url] of sent) if (moving.get(tabId) === url) moving.delete(tabId);
    }
  };

  return {
    async tabReached(tabId, url) {
      const address = viewedAddress(url);
      if (hostOf(address) === undefined || moving.get(tabId) === address) return false;
      const known = await lookup();
      // Most addresses are no trigger: those never read the session rules.
      if (triggersCatching(address, known).length === 0) return false;
      return (await pauseWhere(async () => [{ id: tabId, url }], known)) > 0;
    },
    async sweep() {
      return pauseWhere((query) => tabs.query(query), await lookup());
    },
  };
}
