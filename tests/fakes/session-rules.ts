import type { Alarms, SessionRules } from '../../lib/blocking/allowance';
import type { Rule } from '../../lib/blocking/build-rules';

/** In-memory session rules: atomic updates, duplicate ids rejected (as Chrome does). */
export class FakeSessionRules implements SessionRules {
  rules: Rule[] = [];
  async getSessionRules(): Promise<Rule[]> {
    return structuredClone(this.rules);
  }
  async updateSessionRules({ removeRuleIds = [], addRules = [] }: { removeRuleIds?: number[]; addRules?: Rule[] }) {
    const next = this.rules.filter((rule) => !removeRuleIds.includes(rule.id));
    for (const rule of addRules) {
      if (next.some((r) => r.id === rule.id)) throw new Error(`Rule with id ${rule.id} already exists.`);
      next.push(structuredClone(rule));
    }
    this.rules = next;
  }
}

/** Alarms that only remember what was set; tests fire them by hand. */
export class FakeAlarms implements Alarms {
  alarms = new Map<string, number>();
  create(name: string, { when }: { when: number }) {
    this.alarms.set(name, when);
  }
  async getAll() {
    return [...this.alarms.entries()].map(([name, scheduledTime]) => ({ name, scheduledTime }));
  }
  async clear(name: string) {
    return this.alarms.delete(name);
  }
}
