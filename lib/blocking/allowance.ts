import { browser } from 'wxt/browser';
import { t } from '../i18n/i18n';
import { matchTrigger } from '../triggers/match-trigger';
import type { Trigger } from '../triggers/trigger';
import type { Rule } from './build-rules';
import { LITERAL_DOMAINS, withFullyQualified } from './literal-domains';
import { ALLOWANCE_RULE_FIRST_ID, PRIORITY_ALLOWANCE } from './rule-ids';

/** How long "Continue anyway" lets a site through in one tab, in minutes. */
export const ALLOW_MINUTES = [5, 15, 30] as const;
export type AllowMinutes = (typeof ALLOW_MINUTES)[number];

const ALARM_PREFIX = 'allowance:';
export const allowanceAlarm = (ruleId: number) => `${ALARM_PREFIX}${ruleId}`;
export function ruleIdOfAlarm(name: string): number | undefined {
  if (!name.startsWith(ALARM_PREFIX)) return undefined;
  const id = Number(name.slice(ALARM_PREFIX.length));
  return Number.isInteger(id) && id >= ALLOWANCE_RULE_FIRST_ID ? id : undefined;
}

export interface SessionRules {
  getSessionRules(): Promise<Rule[]>;
  updateSessionRules(options: { removeRuleIds?: number[]; addRules?: Rule[] }): Promise<void>;
}
export interface Alarms {
  create(name: string, info: { when: number }): void | Promise<void>;
  getAll(): Promise<{ name: string; scheduledTime?: number }[]>;
  clear(name: string): Promise<boolean>;
}

/**
 * A session rule that lets one host through in one tab, above pause rules, below block rules; in a
 * browser that compares hosts literally, its fully qualified name too (lib/blocking/literal-domains.ts).
 */
export function buildAllowRule(id: number, tabId: number, host: string, literalDomains = LITERAL_DOMAINS): Rule {
  return {
    id,
    priority: PRIORITY_ALLOWANCE,
    action: { type: 'allow' },
    condition: { requestDomains: withFullyQualified([host], literalDomains), tabIds: [tabId], resourceTypes: ['main_frame', 'sub_frame'] },
  };
}

export type GrantResult = { ok: true; ruleId: number; until: number } | { ok: false; message: string };

/**
 * "Continue anyway": lets the site of `url` load in tab `tabId` only, for `minutes`, when every
 * trigger that catches it is in pause mode and the background saw the pause wait pass there
 * (`waitOver`, lib/blocking/pause-wait.ts). The alarm that ends it survives service-worker
 * restarts; `reconcileAllowances` removes any rule whose alarm is gone, and `overrunAllowances`
 * any that a clock set back would lengthen. `now` is the wall clock: alarms are held on it.
 */
export async function grantAllowance(
  request: { tabId: number; url: string; minutes: number; triggers: readonly Trigger[]; waitOver: boolean; now?: number },
  dnr: SessionRules = browser.declarativeNetRequest,
  alarms: Alarms = browser.alarms,
): Promise<GrantResult> {
  const { tabId, url, minutes, triggers, waitOver, now = Date.now() } = request;
  if (!ALLOW_MINUTES.includes(minutes as AllowMinutes)) return { ok: false, message: t('blocking_chooseMinutes') };
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not a web address');
    host = parsed.hostname.replace(/\.$/, '');
  } catch {
    return { ok: false, message: t('blocking_notWebAddress') };
  }
  const catching = triggers.filter((trigger) => matchTrigger(url, [trigger]));
  if (catching.length === 0) return { ok: false, message: t('blocking_notInList') };
  if (catching.some((trigger) => trigger.mode === 'block')) {
    return { ok: false, message: t('blocking_blockMode') };
  }
  if (!waitOver) return { ok: false, message: t('blocking_waitNotOver') };
  const existing = await dnr.getSessionRules();
  const replaced = existing.filter((rule) => rule.condition.tabIds?.[0] === tabId && rule.condition.requestDomains?.[0] === host);
  const ruleId = Math.max(ALLOWANCE_RULE_FIRST_ID - 1, ...existing.map((rule) => rule.id)) + 1;
  await dnr.updateSessionRules({
    removeRuleIds: replaced.map((rule) => rule.id),
    addRules: [buildAllowRule(ruleId, tabId, host)],
  });
  await Promise.all(replaced.map((rule) => alarms.clear(allowanceAlarm(rule.id))));
  const until = now + minutes * 60_000;
  await alarms.create(allowanceAlarm(ruleId), { when: until });
  return { ok: true, ruleId, until };
}

/** Ends an allowance; returns the tab it was for, so the caller can pause that tab again. */
export async function endAllowance(ruleId: number, dnr: SessionRules = browser.declarativeNetRequest): Promise<number | undefined> {
  const rule = (await dnr.getSessionRules()).find((r) => r.id === ruleId);
  await dnr.updateSessionRules({ removeRuleIds: [ruleId] });
  return rule?.condition.tabIds?.[0];
}

/** The longest allowance, in ms. */
const LONGEST_MS = Math.max(...ALLOW_MINUTES) * 60_000;

/**
 * The allowances to end now, by their alarms: any that is due by the wall clock (an alarm may be
 * held up), and any whose end is further ahead than the longest allowance lasts, which only a
 * clock set back can do (browser alarms are held on the wall clock: set back 30 days, an alarm
 * would wait 30 days more). `toleranceMs` covers timers. Pure.
 */
export function overrunAllowances(alarms: readonly { name: string; scheduledTime?: number }[], wall: number, toleranceMs = 10_000): number[] {
  return alarms.flatMap((alarm) => {
    const ruleId = ruleIdOfAlarm(alarm.name);
    if (ruleId === undefined) return [];
    const left = (alarm.scheduledTime ?? Number.NaN) - wall;
    return Number.isFinite(left) && left > 0 && left <= LONGEST_MS + toleranceMs ? [] : [ruleId];
  });
}

/** At start-up: no allowance may outlive its alarm (a lost alarm must not mean "allowed for ever"). */
export async function reconcileAllowances(dnr: SessionRules = browser.declarativeNetRequest, alarms: Alarms = browser.alarms): Promise<number[]> {
  const alive = new Set((await alarms.getAll()).map((alarm) => ruleIdOfAlarm(alarm.name)));
  const orphans = (await dnr.getSessionRules()).map((rule) => rule.id).filter((id) => id >= ALLOWANCE_RULE_FIRST_ID && !alive.has(id));
  if (orphans.length > 0) await dnr.updateSessionRules({ removeRuleIds: orphans });
  return orphans;
}

/**
 * Whether a live "Continue anyway" lets tab `tabId` through to `host` (ASCII, lower case, no
 * trailing dot): the same test the browser applies to the allowance's session rule, whose
 * `requestDomains` covers the host and its subdomains. Whether a Block-mode trigger overrides it
 * is the caller's to decide (the rules do so by priority).
 */
export function allowanceCovers(rules: readonly Rule[], tabId: number, host: string): boolean {
  return rules.some(
    (rule) =>
      rule.id >= ALLOWANCE_RULE_FIRST_ID &&
      rule.action.type === 'allow' &&
      (rule.condition.tabIds ?? []).includes(tabId) &&
      (rule.condition.requestDomains ?? []).some((domain) => host === domain || host.endsWith(`.${domain}`)),
  );
}
