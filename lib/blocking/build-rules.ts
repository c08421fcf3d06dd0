import type { Browser } from 'wxt/browser';
import type { Trigger } from '../triggers/trigger';
import {
  MAX_PATH_TRIGGERS,
  PATH_RULE_FIRST_ID,
  PRIORITY_PAUSE,
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

/** Escapes a path for RE2, the regex engine of declarativeNetRequest. */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The dynamic rules that pause every trigger, built from the list alone (pure).
 * `pauseUrl` is the extension's own pause page, e.g. `chrome-extension://<id>/pause.html`.
 */
export function buildTriggerRules(triggers: readonly Trigger[], pauseUrl: string): Rule[] {
  const rules: Rule[] = [];
  const siteHosts = [...new Set(triggers.filter((t) => t.kind === 'site').map((t) => t.host))];
  if (siteHosts.length > 0) {
    rules.push({
      id: SITE_RULE_ID,
      priority: PRIORITY_PAUSE,
      action: redirectTo(pauseUrl),
      condition: {
        // `requestDomains` matches the host and all of its subdomains, and nothing that merely
        // contains the name (`notexample.com`, `example.com.evil.test`).
        requestDomains: siteHosts,
        regexFilter: '^(.*)$',
        resourceTypes: RESOURCE_TYPES,
      },
    });
  }
  const paths = triggers.filter((t) => t.kind === 'path' && t.path).slice(0, MAX_PATH_TRIGGERS);
  paths.forEach((trigger, index) => {
    rules.push({
      id: PATH_RULE_FIRST_ID + index,
      priority: PRIORITY_PAUSE,
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
  return rules;
}
