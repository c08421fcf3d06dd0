import { catalogueLanguage, t, tCount } from '../i18n/i18n';
import { parseTrigger } from './parse-trigger';
import { clip, quote } from './site-name';

/** The most sites one import may add: a large published blocklist, with room to spare. */
export const MAX_LIST_DOMAINS = 100_000;
/** 100,000 hosts-file lines with comments take well under 10 MB; far more is not a list of sites. */
export const MAX_LIST_CHARACTERS = 32 * 1024 * 1024;
/** How many skipped lines a summary names; the rest are counted. */
export const SKIPPED_NAMED = 20;

export interface SkippedLine {
  /** 1-based, as an editor shows it. */
  line: number;
  /** The entry that could not be read, made safe to echo (`clip`). */
  text: string;
  /** Why, in the words the single-site field would use. */
  reason: string;
}

export interface ParsedList {
  ok: true;
  /** ASCII hosts, lower case, no `www.`, each once, none inside another; in the list's order. */
  domains: string[];
  /** Entries that repeat another, or sit inside one (`m.example.com` after `example.com`). */
  repeated: number;
  /** The first `SKIPPED_NAMED` lines that held something other than a site. */
  skipped: SkippedLine[];
  skippedCount: number;
}

export type ParseListResult = ParsedList | { ok: false; message: string };

/**
 * Hosts files map these names to this computer, or name the network itself: they are not sites,
 * and a list that came from a hosts file has them in its header. Skipped without a word.
 */
const NOT_SITES = new Set([
  'localhost',
  'localhost.localdomain',
  'local',
  'broadcasthost',
  'ip6-localhost',
  'ip6-loopback',
  'ip6-localnet',
  'ip6-mcastprefix',
  'ip6-allnodes',
  'ip6-allrouters',
  'ip6-allhosts',
]);

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
/** IPv6 has at least two colons, which tells it from `cafe.de:80`. */
const IPV6 = /^(?=(?:[^:]*:){2})[\da-f:.]+(?:%[\w.-]+)?$/i;
/** Where hosts files send what they block (or this computer, or the whole network). */
const SINK_ADDRESS = /^(?:0\.0\.0\.0|127(?:\.\d{1,3}){3}|255\.255\.255\.255|::1?|fe80::.*|ff0\d::.*)$/i;

const isAddress = (token: string): boolean => IPV4.test(token) || IPV6.test(token);

type Entry = { domain: string } | { quiet: true } | { reason: string };

/** One name from a list, as a trigger host; the single-site field's rules decide what is valid. */
function readEntry(token: string): Entry {
  const name = token.toLowerCase().replace(/\.$/, '');
  if (NOT_SITES.has(name) || SINK_ADDRESS.test(name)) return { quiet: true };
  // `*.example.com` in a list means its subdomains; covering the site itself too is only stricter.
  const parsed = parseTrigger(token.replace(/^\*\./, ''), [], 0, () => '');
  if (!parsed.ok) return { reason: parsed.message };
  if (parsed.trigger.kind !== 'site') {
    return { reason: t('list_partOfASite', [quote(token), clip(parsed.trigger.host)]) };
  }
  return { domain: parsed.trigger.host };
}

/**
 * Reads a pasted or imported list of sites: one a line, `#` comments (whole-line and trailing),
 * blank lines, and hosts-file lines (`0.0.0.0 example.com other.example`). Pure; nothing is
 * stored. Lines that are not sites are counted and the first few named with their line numbers;
 * more than `limit` sites is refused as a whole, so an import never half-happens.
 */
export function parseList(text: string, limit = MAX_LIST_DOMAINS): ParseListResult {
  if (text.length > MAX_LIST_CHARACTERS) {
    return { ok: false, message: t('list_fileTooLarge', [formatNumber(MAX_LIST_DOMAINS)]) };
  }
  const seen = new Set<string>();
  let repeated = 0;
  const skipped: SkippedLine[] = [];
  let skippedCount = 0;
  const skip = (line: number, token: string, reason: string) => {
    skippedCount += 1;
    if (skipped.length < SKIPPED_NAMED) skipped.push({ line, text: clip(token), reason });
  };

  const lines = text.split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length; index += 1) {
    const content = lines[index]!.replace(/#.*/, '').trim();
    if (content === '') continue;
    const tokens = content.split(/\s+/);
    let names = tokens;
    if (isAddress(tokens[0]!)) {
      // A hosts-file line: the names after the address. An address alone is read as a name below.
      if (tokens.length > 1) names = tokens.slice(1);
    } else if (tokens.length > 1) {
      const whole = parseTrigger(content, [], 0, () => '');
      skip(index + 1, content, whole.ok ? t('list_lineHasSpace', [quote(content)]) : whole.message);
      continue;
    }
    for (const name of names) {
      const entry = readEntry(name);
      if ('reason' in entry) skip(index + 1, name, entry.reason);
      else if ('domain' in entry) {
        if (seen.has(entry.domain)) repeated += 1;
        else seen.add(entry.domain);
      }
    }
  }

  // `requestDomains` covers subdomains already: `m.example.com` beside `example.com` adds nothing.
  const domains = [...seen].filter((domain) => !hasParentIn(domain, seen));
  repeated += seen.size - domains.length;
  if (domains.length > limit) {
    return { ok: false, message: t('list_tooManySites', [formatNumber(domains.length), formatNumber(limit)]) };
  }
  return { ok: true, domains, repeated, skipped, skippedCount };
}

/** Whether a parent domain of `host` (not `host` itself) is in `domains`. */
export function hasParentIn(host: string, domains: ReadonlySet<string>): boolean {
  for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1)) {
    if (domains.has(host.slice(dot + 1))) return true;
  }
  return false;
}

/** 98765 → "98,765", as a person reading this catalogue's language writes numbers. */
export const formatNumber = (n: number): string => n.toLocaleString(catalogueLanguage());

/**
 * A message chosen by count whose `$COUNT$` is the number written as a person reads it
 * ("12,345 sites"): such messages put COUNT at `$2` (`$1` is the bare count `tCount` passes).
 */
export const countOf = (base: Parameters<typeof tCount>[0], n: number, substitutions: readonly (string | number)[] = []): string =>
  tCount(base, n, [formatNumber(n), ...substitutions]);

/** "12 lines were skipped: line 4 “exa mple”, line 9 “…” and 10 more." Empty when none were. */
export function skippedSummary(parsed: Pick<ParsedList, 'skipped' | 'skippedCount'>): string {
  if (parsed.skippedCount === 0) return '';
  const named = parsed.skipped.map((s) => t('list_skippedLine', [s.line, quote(s.text)]));
  const rest = parsed.skippedCount - named.length;
  const lines = new Intl.ListFormat(catalogueLanguage(), { type: 'conjunction' }).format(rest > 0 ? [...named, countOf('list_skippedMore', rest)] : named);
  return countOf('list_skipped', parsed.skippedCount, [lines]);
}
