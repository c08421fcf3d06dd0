/**
 * Every declarativeNetRequest rule Steadfast owns, by id range and priority.
 *
 * Dynamic rules (persist across browser restarts and extension updates):
 *   1            one redirect rule holding every pause-mode site trigger in `requestDomains`
 *                (one rule scales to tens of thousands of domains).
 *   2            the same for block-mode site triggers, at a priority no allowance can beat.
 *   1000–1999    one redirect rule per path trigger (`example.com/forum`); each is a regex rule,
 *                and Chrome allows 1,000 regex rules in all.
 *   2000–2999    one redirect rule per keyword trigger (also regex rules).
 *
 * Session rules (gone when the browser closes), from 10000 on: temporary "continue anyway"
 * allowances for one tab.
 */
export const SITE_RULE_ID = 1;
export const SITE_BLOCK_RULE_ID = 2;
export const PATH_RULE_FIRST_ID = 1000;
export const PATH_RULE_LAST_ID = 1999;
export const KEYWORD_RULE_FIRST_ID = 2000;
export const KEYWORD_RULE_LAST_ID = 2999;
export const ALLOWANCE_RULE_FIRST_ID = 10000;

/**
 * Chrome allows 1,000 regex rules in all; paths and keywords share them, 500 each.
 * https://developer.chrome.com/docs/extensions/reference/api/declarativeNetRequest#property-MAX_NUMBER_OF_REGEX_RULES
 */
export const MAX_PATH_TRIGGERS = 500;
export const MAX_KEYWORD_TRIGGERS = 500;

/** Redirects a pause-mode trigger to the pause page. */
export const PRIORITY_PAUSE = 1;
/** A temporary allowance must win over the pause rules for its tab… */
export const PRIORITY_ALLOWANCE = 100;
/** …and never over a block-mode trigger: block means no way through. */
export const PRIORITY_BLOCK = 200;

/** True for ids of dynamic rules that the trigger list decides (and a sync may replace). */
export function isTriggerRuleId(id: number): boolean {
  return id === SITE_RULE_ID || id === SITE_BLOCK_RULE_ID || (id >= PATH_RULE_FIRST_ID && id <= KEYWORD_RULE_LAST_ID);
}
