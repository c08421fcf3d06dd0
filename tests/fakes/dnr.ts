import type { Rule } from '../../lib/blocking/build-rules';
import type { DynamicRules } from '../../lib/blocking/sync-rules';

/**
 * An in-memory `declarativeNetRequest` dynamic ruleset (WXT's fakeBrowser has none). Like
 * Chrome, an update is atomic: removals apply first, then additions, and the whole update is
 * rejected, changing nothing, when an id is duplicated or a rule is malformed.
 */
export class FakeDynamicRules implements DynamicRules {
  rules: Rule[] = [];
  updates = 0;

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
      next.push(structuredClone(rule));
    }
    this.rules = next;
    this.updates += 1;
  }
}
