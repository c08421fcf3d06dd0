/**
 * Every declarativeNetRequest rule Steadfast owns, by id range and priority.
 *
 * Dynamic rules (persist across browser restarts and extension updates):
 *   1            one redirect rule holding every pause-mode site trigger in `requestDomains`
 *                (one rule scales to tens of thousands of domains).
 *   2            the same for block-mode site triggers, at a priority no allowance can beat.
 *   1000–1999    path triggers, packed: each rule's regex is an alternation of `host/path` forms
 *                (sorted, so one host's paths sit together), its `requestDomains` their hosts.
 *   2000–2999    keyword triggers, packed the same way into as few regex rules as fit.
 *   3000–3999    the rest: per mode, one rule for letters hidden in %-codes on hosts with path
 *                triggers, then copies of site and path triggers on translation and archive
 *                services (lib/triggers/address-forms.ts), packed.
 * Every regex is checked with the browser's `isRegexSupported` first. Chrome allows 1,000 regex
 * rules in all and about 2 KB of compiled program per regex (roughly 100 plain characters), so
 * packing fills each rule as far as the browser accepts (lib/blocking/build-rules.ts).
 *
 * Session rules (gone when the browser closes), from 10000 on: temporary "continue anyway"
 * allowances for one tab (never regex rules).
 */
export const SITE_RULE_ID = 1;
export const SITE_BLOCK_RULE_ID = 2;
export const PATH_RULE_FIRST_ID = 1000;
export const PATH_RULE_LAST_ID = 1999;
export const KEYWORD_RULE_FIRST_ID = 2000;
export const KEYWORD_RULE_LAST_ID = 2999;
export const EXTRA_RULE_FIRST_ID = 3000;
export const EXTRA_RULE_LAST_ID = 3999;
export const ALLOWANCE_RULE_FIRST_ID = 10000;

/**
 * Chrome's limit of regex rules (dynamic and session together), when the browser does not say.
 * https://developer.chrome.com/docs/extensions/reference/api/declarativeNetRequest#property-MAX_NUMBER_OF_REGEX_RULES
 */
export const DEFAULT_MAX_REGEX_RULES = 1000;

/** Redirects a pause-mode trigger to the pause page. */
export const PRIORITY_PAUSE = 1;
/** A temporary allowance must win over the pause rules for its tab… */
export const PRIORITY_ALLOWANCE = 100;
/** …and never over a block-mode trigger: block means no way through. */
export const PRIORITY_BLOCK = 200;

/** True for ids of dynamic rules that the trigger list decides (and a sync may replace). */
export function isTriggerRuleId(id: number): boolean {
  return id === SITE_RULE_ID || id === SITE_BLOCK_RULE_ID || (id >= PATH_RULE_FIRST_ID && id <= EXTRA_RULE_LAST_ID);
}
