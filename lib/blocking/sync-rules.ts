import { browser } from 'wxt/browser';
import type { Blocklist } from '../triggers/blocklist';
import type { Trigger } from '../triggers/trigger';
import { buildTriggerRules, type Rule } from './build-rules';
import { isTriggerRuleId } from './rule-ids';

/** The part of `declarativeNetRequest` a sync needs; tests pass an in-memory fake. */
export interface DynamicRules {
  getDynamicRules(): Promise<Rule[]>;
  updateDynamicRules(options: { removeRuleIds?: number[]; addRules?: Rule[] }): Promise<void>;
}

/**
 * The page every trigger is redirected to. With `use_dynamic_url`, Chrome's `runtime.getURL`
 * answers with a per-session random host; rules persist across sessions, so they name the
 * extension's stable id instead (redirects to it still work, and web pages still cannot fetch it:
 * tests/e2e/plan-and-pause.test.ts). Firefox's moz-extension host is already per-install.
 */
export function pausePageUrl(runtime: Pick<typeof browser.runtime, 'getURL' | 'id'> = browser.runtime): string {
  const url = new URL(runtime.getURL('/pause.html'));
  if (url.protocol === 'chrome-extension:') url.host = runtime.id;
  return url.href;
}

/** Whether a message comes from Steadfast's own pause page (whichever host Chrome gave it). */
export function isFromPausePage(sender: { id?: string; url?: string }, runtimeId: string = browser.runtime.id): boolean {
  if (sender.id !== runtimeId || !sender.url) return false;
  try {
    return new URL(sender.url).pathname === '/pause.html';
  } catch {
    return false;
  }
}

/**
 * Makes the browser's dynamic rules equal to what the trigger list asks for, in one atomic
 * update: the old trigger rules are removed and the new ones added together, so there is no
 * moment without protection. Idempotent; rules outside Steadfast's trigger ranges are kept.
 */
export async function syncTriggerRules(
  triggers: readonly Trigger[],
  pauseUrl: string = pausePageUrl(),
  dnr: DynamicRules = browser.declarativeNetRequest,
  lists: readonly Blocklist[] = [],
): Promise<void> {
  const existing = await dnr.getDynamicRules();
  await dnr.updateDynamicRules({
    removeRuleIds: existing.map((rule) => rule.id).filter(isTriggerRuleId),
    addRules: buildTriggerRules(triggers, pauseUrl, lists),
  });
}
