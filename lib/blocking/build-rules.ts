import type { Browser } from 'wxt/browser';
import type { Blocklist } from '../triggers/blocklist';
import type { Trigger, TriggerMode } from '../triggers/trigger';
import { keywordPattern } from '../triggers/keyword';
import {
  KEYWORD_RULE_FIRST_ID,
  MAX_KEYWORD_TRIGGERS,
  MAX_PATH_TRIGGERS,
  PATH_RULE_FIRST_ID,
  PRIORITY_BLOCK,
  PRIORITY_PAUSE,
  SITE_BLOCK_RULE_ID,
  SITE_RULE_ID,
} from './rule-ids';

export type Rule = Browser.declarativeNetRequest.Rule;

// Frames too: a trigger embedded in another site must not load either.
const RESOURCE_TYPES: Rule['condition']['resourceTypes'] = ['main_frame', 'sub_frame'];

/**
 * The redirect carries the original URL in the fragment. `regexSubstitution` does not encode,
 * so a query (`?u=`) would lose everything after the first `&`; a fragment keeps it whole.
 */
function redirectTo(pauseUrl: string): Browser.declarativeNetRequest.RuleAction {
  return {
    type: 'redirect',
    redirect: { regexSubstitution: `${pauseUrl}#\\1` },
  };
}

function priorityOf(mode: TriggerMode): number {
  return mode === 'block' ? PRIORITY_BLOCK : PRIORITY_PAUSE;
}

/** Escapes a path for RE2, the regex engine of declarativeNetRequest. */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The dynamic rules that pause every trigger, built from the list alone (pure).
 * `pauseUrl` is the extension's own pause page, e.g. `chrome-extension://<id>/pause.html`.
 * `lists` (imported lists, issue 5 "Big lists") add their domains to the site rule of their mode.
 */
export function buildTriggerRules(
  triggers: readonly Trigger[],
  pauseUrl: string,
  lists: readonly Pick<Blocklist, 'mode' | 'domains'>[] = [],
): Rule[] {
  const rules: Rule[] = [];
  for (const [mode, id] of [
    ['pause', SITE_RULE_ID],
    ['block', SITE_BLOCK_RULE_ID],
  ] as const) {
    const hosts = siteHosts(triggers, lists, mode);
    if (hosts.length === 0) continue;
    rules.push({
      id,
      priority: priorityOf(mode),
      action: redirectTo(pauseUrl),
      condition: {
        // `requestDomains` matches the host and all of its subdomains, and nothing that merely
        // contains the name (`notexample.com`, `example.com.evil.test`).
        requestDomains: hosts,
        regexFilter: '^(.*)$',
        resourceTypes: RESOURCE_TYPES,
      },
    });
  }
  const paths = triggers.filter((t) => t.kind === 'path' && t.path).slice(0, MAX_PATH_TRIGGERS);
  paths.forEach((trigger, index) => {
    rules.push({
      id: PATH_RULE_FIRST_ID + index,
      priority: priorityOf(trigger.mode),
      action: redirectTo(pauseUrl),
      condition: {
        requestDomains: [trigger.host],
        // The authority is left open (port, credentials); `requestDomains` pins the host.
        regexFilter: `^(https?://[^/?#]+${escapeRegex(trigger.path ?? '')}(?:[/?#].*)?)$`,
        isUrlFilterCaseSensitive: false,
        resourceTypes: RESOURCE_TYPES,
      },
    });
  });
  const keywords = triggers.filter((t) => t.kind === 'keyword' && t.keyword).slice(0, MAX_KEYWORD_TRIGGERS);
  keywords.forEach((trigger, index) => {
    rules.push({
      id: KEYWORD_RULE_FIRST_ID + index,
      priority: priorityOf(trigger.mode),
      action: redirectTo(pauseUrl),
      condition: {
        regexFilter: keywordPattern(trigger.keyword ?? ''),
        isUrlFilterCaseSensitive: false,
        resourceTypes: RESOURCE_TYPES,
      },
    });
  });
  return rules;
}

/**
 * The hosts of one mode's site rule, each once: site triggers, then list domains. Built by adding
 * to one `Set` (never `push(...domains)`, whose argument count 100,000 domains would overflow).
 */
function siteHosts(triggers: readonly Trigger[], lists: readonly Pick<Blocklist, 'mode' | 'domains'>[], mode: TriggerMode): string[] {
  const hosts = new Set<string>();
  for (const trigger of triggers) if (trigger.kind === 'site' && trigger.mode === mode) hosts.add(trigger.host);
  for (const list of lists) if (list.mode === mode) for (const domain of list.domains) hosts.add(domain);
  return [...hosts];
}
