import { expect } from 'vitest';
import { dayFromToday, readHistoryEvents, type HistoryEvent } from '../e2e/history';
import type { ChromeApis, Harness, Tab } from './driver';

/**
 * A clean slate before each flow, in the browser the file shares: every tab the last test opened
 * closed, extension storage and the history emptied, and no rule left. (The background follows
 * the emptied trigger list and removes its rules itself, as it would for any change.)
 */
export async function resetSteadfast(h: Harness): Promise<void> {
  await h.closeTabs();
  await h.inExtension(async () => {
    await (globalThis as unknown as ChromeApis).chrome.storage.local.clear();
    // Opened only if it is there: opening a history that does not exist would create an empty
    // one at version 1, which Steadfast's own upgrade would then take as already set up.
    if (!(await indexedDB.databases()).some((db) => db.name === 'steadfast-history')) return;
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('steadfast-history');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const stores = [...db.objectStoreNames];
        if (stores.length === 0) {
          db.close();
          resolve();
          return;
        }
        const tx = db.transaction(stores, 'readwrite');
        for (const store of stores) tx.objectStore(store).clear();
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  }, undefined);
  await expect.poll(() => dynamicRules(h), { timeout: 10_000 }).toEqual([]);
  h.server.reset();
}

export function dynamicRules(h: Harness): Promise<{ id: number; priority?: number; condition: object }[]> {
  return h.inExtension(() => (globalThis as unknown as ChromeApis).chrome.declarativeNetRequest.getDynamicRules(), undefined);
}

/** Waits until the browser's rules pause `host`. */
export async function waitForRule(h: Harness, host: string): Promise<void> {
  await expect.poll(async () => JSON.stringify(await dynamicRules(h)), { timeout: 10_000 }).toContain(host);
}

/** Every event in the history, read where Steadfast keeps it. */
export function historyEvents(h: Harness): Promise<HistoryEvent[]> {
  return h.inExtension(readHistoryEvents, undefined);
}

export const eventsOfType = async (h: Harness, type: string) => (await historyEvents(h)).filter((event) => event.type === type);

/** What is in extension storage under `key`. */
export async function stored<T>(h: Harness, key: string): Promise<T | undefined> {
  return (await h.inExtension((name) => (globalThis as unknown as ChromeApis).chrome.storage.local.get(name), key))[key] as T | undefined;
}

/** Opens "My recovery", types `site` into the trigger field and presses Add; waits for its line and its rule. */
export async function addTrigger(h: Harness, site: string, { listed = site, mode }: { listed?: string; mode?: 'pause' | 'block' } = {}): Promise<Tab> {
  const options = await h.openPage('options.html');
  await options.fill('Trigger site', site);
  await options.clickButton('Add');
  await options.waitForText('.trigger-list', listed);
  // A fresh trigger's mode changes at once, either way.
  if (mode) await options.select(`When ${listed} opens`, mode);
  await waitForRule(h, listed.split('/')[0]!);
  return options;
}

/** Goes to `url` as a person would and finds the pause page naming `host`, with 0 requests to it. */
export async function expectPaused(h: Harness, tab: Tab, url: string, host: string, shown = host): Promise<void> {
  await tab.visit(url);
  await tab.waitForPage('pause.html');
  await tab.waitForText('.paused-site', shown);
  expect(h.server.requestsTo(host)).toBe(0);
}

/** Goes to `url` and finds the real page, which the test server served to `host`. */
export async function expectLoads(h: Harness, tab: Tab, url: string, host: string): Promise<void> {
  const before = h.server.requestsToExactly(host);
  await tab.visit(url);
  await tab.waitForText('#real-page', `Real page on ${host}`);
  expect(h.server.requestsToExactly(host)).toBeGreaterThan(before);
}

/** Opens the popup (in a tab, 20rem wide in the toolbar) and waits until it has drawn. */
export async function openPopup(h: Harness): Promise<Tab> {
  const popup = await h.openPage('popup.html');
  await popup.waitForText('a', "I'm having an urge");
  return popup;
}

/** `YYYY-MM-DD` for `offset` days from today in the browser's own time zone. */
export function browserDay(tab: Tab, offset = 0): Promise<string> {
  return tab.evaluate(dayFromToday, offset);
}

/** Sets storage directly, as a change already due would: for a test's set-up only. */
export async function store(h: Harness, items: Record<string, unknown>): Promise<void> {
  await h.inExtension((next) => (globalThis as unknown as ChromeApis).chrome.storage.local.set(next), items);
}

/** Writes a small plan in "My recovery" and waits until it says it is saved. */
export async function writePlan(
  options: Tab,
  plan: { reasons?: string; ifThen?: [string, string]; person?: [string, string]; coping?: string },
): Promise<void> {
  if (plan.reasons !== undefined) await options.fill('My reasons (one a line)', plan.reasons);
  if (plan.ifThen) {
    await options.clickButton('Add an if-then step');
    await options.fill('If (1)', plan.ifThen[0]);
    await options.fill('then I will (1)', plan.ifThen[1]);
  }
  if (plan.coping !== undefined) await options.fill('My coping strategies (one a line)', plan.coping);
  if (plan.person) {
    await options.clickButton('Add a support person');
    await options.fill('Name (1)', plan.person[0]);
    await options.fill('Phone (1)', plan.person[1]);
  }
  await options.waitForText('#plan', 'Saved on this device.');
}
