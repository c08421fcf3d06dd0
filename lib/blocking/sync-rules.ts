import { browser } from 'wxt/browser';
import type { Blocklist } from '../triggers/blocklist';
import type { Trigger } from '../triggers/trigger';
import { buildTriggerRules, UNCHECKED_PACKED_LENGTH, type NotInForce, type Rule } from './build-rules';
import { LITERAL_DOMAINS } from './literal-domains';
import { DEFAULT_MAX_REGEX_RULES, isTriggerRuleId } from './rule-ids';

/** The part of `declarativeNetRequest` a sync needs; tests pass an in-memory fake. */
export interface DynamicRules {
  getDynamicRules(): Promise<Rule[]>;
  updateDynamicRules(options: { removeRuleIds?: number[]; addRules?: Rule[] }): Promise<void>;
  /** Chrome; Firefox from 128. Absent, every pattern is tried and the update itself decides. */
  isRegexSupported?(options: { regex: string; isCaseSensitive?: boolean; requireCapturing?: boolean }): Promise<{ isSupported: boolean; reason?: string }>;
  MAX_NUMBER_OF_REGEX_RULES?: number;
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

/** What a rule does, for comparing the rules in force with the rules wanted (order-free). */
function essence(rule: Rule): string {
  const { condition, action } = rule;
  return JSON.stringify([
    rule.priority ?? 1,
    action.type,
    action.redirect?.regexSubstitution ?? '',
    condition.regexFilter ?? '',
    condition.isUrlFilterCaseSensitive ?? false,
    [...(condition.requestDomains ?? [])].sort(),
    [...(condition.resourceTypes ?? [])].sort(),
  ]);
}

export interface SyncOptions {
  /** Also pause copies on translation and archive services (the setting). */
  copies?: boolean;
  /** The browser compares hosts literally (Firefox): by default, as this build's browser does. */
  literalDomains?: boolean;
}

/**
 * Makes the browser's dynamic rules equal to what the trigger list asks for ("rules that heal"):
 * builds them afresh from what is stored, compares them with the rules in force, and repairs only
 * the difference, in one atomic update, so there is no moment without protection. A rule removed or
 * changed behind Steadfast's back comes back. Rules outside Steadfast's trigger ranges are kept.
 *
 * If the browser refuses the update as a whole, each rule is put in on its own, so one refused
 * rule never stops the others. Returns what is not in force, by name.
 */
export async function syncTriggerRules(
  triggers: readonly Trigger[],
  pauseUrl: string = pausePageUrl(),
  dnr: DynamicRules = browser.declarativeNetRequest,
  lists: readonly Blocklist[] = [],
  { copies = false, literalDomains = LITERAL_DOMAINS }: SyncOptions = {},
): Promise<NotInForce[]> {
  const isSupported = dnr.isRegexSupported
    ? async (regex: string) => {
        try {
          return (await dnr.isRegexSupported!({ regex, isCaseSensitive: false, requireCapturing: true })).isSupported;
        } catch {
          return true; // A browser whose check fails: the update decides.
        }
      }
    : undefined;
  const plan = await buildTriggerRules(triggers, pauseUrl, lists, {
    copies,
    literalDomains,
    isSupported,
    maxRegexRules: dnr.MAX_NUMBER_OF_REGEX_RULES ?? DEFAULT_MAX_REGEX_RULES,
    ...(isSupported ? {} : { maxPackedLength: UNCHECKED_PACKED_LENGTH }),
  });
  const existing = (await dnr.getDynamicRules()).filter((rule) => isTriggerRuleId(rule.id));
  const inForce = new Map(existing.map((rule) => [rule.id, essence(rule)]));
  const wanted = new Set(plan.rules.map((rule) => rule.id));
  const addRules = plan.rules.filter((rule) => inForce.get(rule.id) !== essence(rule));
  const removeRuleIds = existing.map((rule) => rule.id).filter((id) => !wanted.has(id) || addRules.some((rule) => rule.id === id));
  if (addRules.length === 0 && removeRuleIds.length === 0) return plan.notInForce;
  try {
    await dnr.updateDynamicRules({ removeRuleIds, addRules });
    return plan.notInForce;
  } catch (error) {
    console.warn('steadfast: sync-rules-batch', error);
  }
  const notInForce = [...plan.notInForce];
  for (const rule of addRules) {
    const replaces = inForce.has(rule.id) ? [rule.id] : [];
    try {
      await dnr.updateDynamicRules({ removeRuleIds: replaces, addRules: [rule] });
    } catch {
      // An old rule under this id no longer says what the list says: it goes too.
      if (replaces.length > 0) await dnr.updateDynamicRules({ removeRuleIds: replaces }).catch(() => undefined);
      const carried = plan.carried.get(rule.id);
      for (const trigger of carried?.triggers ?? []) {
        notInForce.push({ id: trigger.id, display: trigger.display, part: carried?.part ?? 'trigger', reason: 'pattern' });
      }
    }
  }
  const stale = removeRuleIds.filter((id) => !wanted.has(id));
  if (stale.length > 0) await dnr.updateDynamicRules({ removeRuleIds: stale });
  return notInForce;
}
