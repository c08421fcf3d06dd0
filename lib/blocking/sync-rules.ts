import { browser } from 'wxt/browser';
import type { Trigger } from '../triggers/trigger';
import { buildTriggerRules, type Rule } from './build-rules';
import { isTriggerRuleId } from './rule-ids';

/** The part of `declarativeNetRequest` a sync needs; tests pass an in-memory fake. */
export interface DynamicRules {
  getDynamicRules(): Promise<Rule[]>;
  updateDynamicRules(options: { removeRuleIds?: number[]; addRules?: Rule[] }): Promise<void>;
}

/** The page every trigger is redirected to. */
export function pausePageUrl(runtime: Pick<typeof browser.runtime, 'getURL'> = browser.runtime): string {
  return runtime.getURL('/pause.html');
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
): Promise<void> {
  const existing = await dnr.getDynamicRules();
  await dnr.updateDynamicRules({
    removeRuleIds: existing.map((rule) => rule.id).filter(isTriggerRuleId),
    addRules: buildTriggerRules(triggers, pauseUrl),
  });
}
