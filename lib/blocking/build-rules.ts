import type { Browser } from 'wxt/browser';
import type { Blocklist } from '../triggers/blocklist';
import type { Trigger, TriggerMode } from '../triggers/trigger';
import { keywordsPattern, normaliseKeyword } from '../triggers/keyword';
import { withFullyQualified } from './literal-domains';
import { COPY_SERVICE_NAMES, COPY_SERVICES, escapeRegex, HIDDEN_LETTER, placesSource, type Place } from '../triggers/address-forms';
import {
  DEFAULT_MAX_REGEX_RULES,
  EXTRA_RULE_FIRST_ID,
  EXTRA_RULE_LAST_ID,
  KEYWORD_RULE_FIRST_ID,
  KEYWORD_RULE_LAST_ID,
  PATH_RULE_FIRST_ID,
  PATH_RULE_LAST_ID,
  PRIORITY_BLOCK,
  PRIORITY_PAUSE,
  SITE_BLOCK_RULE_ID,
  SITE_RULE_ID,
} from './rule-ids';

export type Rule = Browser.declarativeNetRequest.Rule;

// Frames too: a trigger embedded in another site must not load either.
const RESOURCE_TYPES: Rule['condition']['resourceTypes'] = ['main_frame', 'sub_frame'];

/**
 * Packing never tries a regex longer than this. Chrome's RE2 allows each rule about 2 KB of
 * compiled program (about 110 plain characters, far more when alternatives share their start);
 * the browser's own check has the last word.
 */
export const MAX_PACKED_LENGTH = 4000;
/** Without the browser's check, rules are packed only as far as Chrome surely accepts. */
export const UNCHECKED_PACKED_LENGTH = 100;

/** A trigger, or its copies elsewhere, that the browser's rules do not hold. */
export interface NotInForce {
  id: string;
  display: string;
  /** `trigger`: the trigger itself; `copies`: only its copies on translation and archive services. */
  part: 'trigger' | 'copies';
  /** `pattern`: the browser refused its pattern; `limit`: no room left under the browser's limit of rules. */
  reason: 'pattern' | 'limit';
}

/** What the rules hold: the rules, which triggers each carries, and what could not be applied. */
export interface RulePlan {
  rules: Rule[];
  carried: Map<number, { triggers: Trigger[]; part: NotInForce['part'] }>;
  notInForce: NotInForce[];
}

export interface RuleOptions {
  /** Also pause copies on translation and archive services (the setting; on by default there). */
  copies?: boolean;
  /** The browser's own test of a regex (`isRegexSupported`); by default only the length cap. */
  isSupported?: (regex: string) => Promise<boolean>;
  /** Regex rules the browser allows in all. */
  maxRegexRules?: number;
  /** The longest regex packing tries. */
  maxPackedLength?: number;
  /** The browser compares hosts with `requestDomains` letter for letter (lib/blocking/literal-domains.ts). */
  literalDomains?: boolean;
}

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

/** One alternative of a packed regex (a place, or a keyword's words), and the triggers it holds. */
interface Alternative {
  source: string;
  place?: Place;
  triggers: Trigger[];
  domains: string[];
}

/** A kind of packed rule: how its alternatives become one regex, and which hosts pin it. */
interface Family {
  part: NotInForce['part'];
  mode: TriggerMode;
  range: { next: number; last: number };
  regex: (alternatives: readonly Alternative[]) => string;
  /** Hosts the rule is pinned to; undefined means those of its alternatives. */
  domains?: readonly string[];
  alternatives: Alternative[];
  /**
   * A second net in the rules themselves: what it catches is also caught after the request (the
   * pure matcher, lib/blocking/second-net.ts), so a pattern the browser refuses, or no room left,
   * takes no trigger out of force and is not reported as such. Packed last.
   */
  optional?: boolean;
}

/** Host and path of a site or path trigger, as they appear in an address (lib/triggers/address-forms.ts). */
function placeOf(trigger: Trigger, spellHost: (host: string) => string = escapeRegex): { source: string; place: Place } {
  const place = { host: spellHost(trigger.host), path: trigger.kind === 'path' ? trigger.path : undefined };
  return { source: placesSource([place]), place };
}

const sourcesOf = (alternatives: readonly Alternative[]) => alternatives.map((alternative) => alternative.source);
const placesOf = (alternatives: readonly Alternative[]) => placesSource(alternatives.flatMap((alternative) => (alternative.place ? [alternative.place] : [])));

/** Alternatives with the same source share one entry (two triggers of one place, say). */
function alternatives(items: { source: string; place?: Place; trigger: Trigger; domain?: string }[]): Alternative[] {
  const bySource = new Map<string, Alternative>();
  for (const { source, place, trigger, domain } of items) {
    const entry = bySource.get(source) ?? { source, place, triggers: [], domains: [] };
    entry.triggers.push(trigger);
    if (domain !== undefined && !entry.domains.includes(domain)) entry.domains.push(domain);
    bySource.set(source, entry);
  }
  // Sorted, so RE2 shares common prefixes (one host's paths) and the rules are the same each time.
  return [...bySource.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}

function families(triggers: readonly Trigger[], copies: boolean): Family[] {
  const ranges = {
    path: { next: PATH_RULE_FIRST_ID, last: PATH_RULE_LAST_ID },
    keyword: { next: KEYWORD_RULE_FIRST_ID, last: KEYWORD_RULE_LAST_ID },
    extra: { next: EXTRA_RULE_FIRST_ID, last: EXTRA_RULE_LAST_ID },
  };
  const all: Family[] = [];
  const modes: TriggerMode[] = ['block', 'pause'];
  for (const mode of modes) {
    const paths = triggers.filter((t) => t.kind === 'path' && t.path && t.host && t.mode === mode);
    all.push({
      part: 'trigger',
      mode,
      range: ranges.path,
      // The authority is left open (credentials, subdomains, port); `requestDomains` pins the host.
      regex: (chunk) => `^(https?://(?:[^/?#]*[.@])?(?:${placesOf(chunk)}).*)$`,
      alternatives: alternatives(paths.map((trigger) => ({ ...placeOf(trigger), trigger, domain: trigger.host }))),
    });
  }
  // Trigger words as written, and (packed last, optional) with letters hidden in %-codes (`k%65t`),
  // as the site reads them (lib/triggers/keyword.ts).
  const keywordFamily = (mode: TriggerMode, hidden: boolean): Family => ({
    part: 'trigger',
    mode,
    range: hidden ? ranges.extra : ranges.keyword,
    optional: hidden,
    regex: (chunk) => keywordsPattern(sourcesOf(chunk), { hidden }),
    alternatives: alternatives(
      triggers
        .filter((t) => t.kind === 'keyword' && t.keyword && t.mode === mode)
        .map((trigger) => ({ source: normaliseKeyword(trigger.keyword ?? ''), trigger })),
    ),
  });
  all.push(...modes.map((mode) => keywordFamily(mode, false)));
  for (const mode of modes) {
    // On a host with path triggers, the addresses no browser writes by itself: letters hidden in
    // %-codes (`/%66orum`), or the host's fully qualified name (`forum.test./forum`). One rule per
    // mode, pinned to those hosts; the pure matcher does the same (lib/triggers/match-trigger.ts).
    const paths = triggers.filter((t) => t.kind === 'path' && t.path && t.host && t.mode === mode);
    if (paths.length === 0) continue;
    all.push({
      part: 'trigger',
      mode,
      range: ranges.extra,
      regex: () => `^(https?://(?:[^/?#]*\\.(?::[0-9]*)?(?:[/?#]|$)|[^/?#]*/[^?#]*${HIDDEN_LETTER}).*)$`,
      alternatives: [{ source: HIDDEN_LETTER, triggers: paths, domains: [...new Set(paths.map((t) => t.host))] }],
    });
  }
  for (const service of copies ? COPY_SERVICE_NAMES : []) {
    const { domains, source, host } = COPY_SERVICES[service];
    for (const mode of modes) {
      const places = triggers.filter((t) => (t.kind === 'site' || t.kind === 'path') && t.host && t.mode === mode);
      all.push({
        part: 'copies',
        mode,
        range: ranges.extra,
        regex: (chunk) => source(placesOf(chunk)),
        domains,
        alternatives: alternatives(places.map((trigger) => ({ ...placeOf(trigger, host), trigger }))),
      });
    }
  }
  all.push(...modes.map((mode) => keywordFamily(mode, true)));
  return all;
}

/**
 * The dynamic rules that pause every trigger, built from the list alone.
 * `pauseUrl` is the extension's own pause page, e.g. `chrome-extension://<id>/pause.html`.
 * `lists` (imported lists, issue 5 "Big lists") add their domains to the site rule of their mode.
 *
 * Path and keyword triggers are packed: each regex rule holds as many as the browser accepts
 * (`isSupported`, its own test), so thousands fit under its limit of regex rules. A pattern the
 * browser refuses even alone, and whatever finds no room under the limit, is named in
 * `notInForce`; it never stops the others.
 */
export async function buildTriggerRules(
  triggers: readonly Trigger[],
  pauseUrl: string,
  lists: readonly Pick<Blocklist, 'mode' | 'domains'>[] = [],
  {
    copies = false,
    isSupported = async () => true,
    maxRegexRules = DEFAULT_MAX_REGEX_RULES,
    maxPackedLength = MAX_PACKED_LENGTH,
    literalDomains = false,
  }: RuleOptions = {},
): Promise<RulePlan> {
  const plan: RulePlan = { rules: [], carried: new Map(), notInForce: [] };
  for (const [mode, id] of [
    ['pause', SITE_RULE_ID],
    ['block', SITE_BLOCK_RULE_ID],
  ] as const) {
    const hosts = siteHosts(triggers, lists, mode);
    if (hosts.length === 0) continue;
    plan.rules.push({
      id,
      priority: priorityOf(mode),
      action: redirectTo(pauseUrl),
      condition: {
        // `requestDomains` matches the host and all of its subdomains, and nothing that merely
        // contains the name (`notexample.com`, `example.com.evil.test`).
        requestDomains: withFullyQualified(hosts, literalDomains),
        regexFilter: '^(.*)$',
        resourceTypes: RESOURCE_TYPES,
      },
    });
  }
  let regexRules = plan.rules.length; // The site rules' `^(.*)$` counts too.
  const note = (alternative: Alternative, part: NotInForce['part'], reason: NotInForce['reason']) => {
    for (const trigger of alternative.triggers) plan.notInForce.push({ id: trigger.id, display: trigger.display, part, reason });
  };
  for (const family of families(triggers, copies)) {
    if (family.optional && regexRules >= maxRegexRules) continue;
    const { chunks, refused } = await pack(family, isSupported, maxPackedLength);
    if (!family.optional) for (const alternative of refused) note(alternative, family.part, 'pattern');
    for (const chunk of chunks) {
      if (regexRules >= maxRegexRules || family.range.next > family.range.last) {
        if (!family.optional) for (const alternative of chunk) note(alternative, family.part, 'limit');
        continue;
      }
      const id = family.range.next++;
      regexRules += 1;
      const domains = family.domains ?? [...new Set(chunk.flatMap((alternative) => alternative.domains))];
      plan.rules.push({
        id,
        priority: priorityOf(family.mode),
        action: redirectTo(pauseUrl),
        condition: {
          ...(domains.length > 0 ? { requestDomains: withFullyQualified(domains, literalDomains) } : {}),
          regexFilter: family.regex(chunk),
          isUrlFilterCaseSensitive: false,
          resourceTypes: RESOURCE_TYPES,
        },
      });
      if (!family.optional) plan.carried.set(id, { triggers: chunk.flatMap((alternative) => alternative.triggers), part: family.part });
    }
  }
  return plan;
}

/**
 * Fills each rule with alternatives, in order, as far as the browser accepts the regex; an
 * alternative refused even alone is set aside. The longest accepted run is found by halving
 * (a rule costs about ten checks, not one per trigger).
 */
async function pack(
  family: Family,
  check: (regex: string) => Promise<boolean>,
  maxLength: number,
): Promise<{ chunks: Alternative[][]; refused: Alternative[] }> {
  const chunks: Alternative[][] = [];
  const refused: Alternative[] = [];
  const items = family.alternatives;
  const fits = (start: number, end: number) => check(family.regex(items.slice(start, end)));
  let start = 0;
  while (start < items.length) {
    if (!(await fits(start, start + 1))) {
      refused.push(items[start]!);
      start += 1;
      continue;
    }
    // `good` fits; `bad` does not (or is past the end or the length cap).
    let good = start + 1;
    let bad = good + 1;
    while (bad <= items.length && family.regex(items.slice(start, bad)).length <= maxLength && (await fits(start, bad))) {
      good = bad;
      bad = start + (bad - start) * 2;
    }
    bad = Math.min(bad, items.length + 1);
    while (bad - good > 1) {
      const middle = Math.floor((good + bad) / 2);
      if (family.regex(items.slice(start, middle)).length <= maxLength && (await fits(start, middle))) good = middle;
      else bad = middle;
    }
    chunks.push(items.slice(start, good));
    start = good;
  }
  return { chunks, refused };
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
