import type { Rule } from '../../lib/blocking/build-rules';
import type { DynamicRules } from '../../lib/blocking/sync-rules';

/**
 * An in-memory `declarativeNetRequest` dynamic ruleset (WXT's fakeBrowser has none). Like
 * Chrome, an update is atomic: removals apply first, then additions, and the whole update is
 * rejected, changing nothing, when an id is duplicated, a rule is malformed, a regex is one the
 * browser cannot hold, or the regex rules would pass the browser's limit.
 *
 * Chrome's RE2 refuses a regex whose compiled program passes 2 KB (about 110 plain characters);
 * the fake stands that in with `maxRegexLength` characters of pattern.
 */
export class FakeDynamicRules implements DynamicRules {
  rules: Rule[] = [];
  updates = 0;
  /** Calls to `isRegexSupported`. */
  checks = 0;
  MAX_NUMBER_OF_REGEX_RULES: number;
  maxRegexLength: number;
  /** Rules the browser refuses even though their regex passes its own check (a browser quirk). */
  refuse: (rule: Rule) => boolean = () => false;

  constructor({ maxRegexRules = 1000, maxRegexLength = 150 } = {}) {
    this.MAX_NUMBER_OF_REGEX_RULES = maxRegexRules;
    this.maxRegexLength = maxRegexLength;
  }

  async isRegexSupported({ regex }: { regex: string }): Promise<{ isSupported: boolean; reason?: string }> {
    this.checks += 1;
    return this.regexProblem(regex) ?? { isSupported: true };
  }

  private regexProblem(regex: string): { isSupported: false; reason: string } | undefined {
    try {
      new RegExp(regex, 'i');
    } catch {
      return { isSupported: false, reason: 'syntaxError' };
    }
    return regex.length > this.maxRegexLength ? { isSupported: false, reason: 'memoryLimitExceeded' } : undefined;
  }

  async getDynamicRules(): Promise<Rule[]> {
    return structuredClone(this.rules);
  }

  async updateDynamicRules(options: { removeRuleIds?: number[]; addRules?: Rule[] }): Promise<void> {
    const remove = new Set(options.removeRuleIds ?? []);
    const next = this.rules.filter((rule) => !remove.has(rule.id));
    for (const rule of options.addRules ?? []) {
      if (next.some((r) => r.id === rule.id)) throw new Error(`Rule with id ${rule.id} already exists.`);
      if (!Number.isInteger(rule.id) || rule.id < 1) throw new Error(`Rule id ${rule.id} is invalid.`);
      if (rule.condition.requestDomains?.length === 0) {
        throw new Error(`Rule with id ${rule.id}: requestDomains must not be empty.`);
      }
      const regex = rule.condition.regexFilter;
      if (regex !== undefined && this.regexProblem(regex)) throw new Error(`Rule with id ${rule.id} specified a more complex regex than allowed.`);
      if (this.refuse(rule)) throw new Error(`Rule with id ${rule.id} is refused.`);
      next.push(structuredClone(rule));
    }
    if (next.filter((rule) => rule.condition.regexFilter !== undefined).length > this.MAX_NUMBER_OF_REGEX_RULES) {
      throw new Error('The number of regular expression rules exceeds the limit.');
    }
    this.rules = next;
    this.updates += 1;
  }
}
