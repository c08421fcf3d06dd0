import { catalogueLanguage, t, tCount } from '../i18n/i18n';
import { classifyLines } from './list-formats/detect';
import { readName } from './list-formats/name';
import type { ListFormat } from './list-formats/reading';
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
  /** The format most of its lines are in: what the summary says it was read as. */
  format: ListFormat;
  /** ASCII hosts, lower case, no `www.`, each once, none inside another; in the list's order. */
  domains: string[];
  /** Entries that repeat another, or sit inside one (`m.example.com` after `example.com`). */
  repeated: number;
  /** The first `SKIPPED_NAMED` lines that held something other than a whole site. */
  skipped: SkippedLine[];
  skippedCount: number;
}

export type ParseListResult = ParsedList | { ok: false; message: string };

/**
 * Reads a pasted or imported list of sites in any common format: one site a line, a hosts file,
 * an AdGuard, uBlock Origin or Adblock Plus list, or a dnsmasq list (`list-formats/`), also mixed.
 * Pure; nothing is stored. Lines that are not whole sites are counted and the first few named with
 * their line numbers; more than `limit` sites is refused as a whole, so an import never half-happens.
 */
export function parseList(text: string, limit = MAX_LIST_DOMAINS): ParseListResult {
  if (text.length > MAX_LIST_CHARACTERS) {
    return { ok: false, message: t('list_fileTooLarge', [formatNumber(MAX_LIST_DOMAINS)]) };
  }
  const seen = new Set<string>();
  let repeated = 0;
  const skipped: SkippedLine[] = [];
  let skippedCount = 0;
  const skip = (line: number, text: string, why: () => string) => {
    skippedCount += 1;
    if (skipped.length < SKIPPED_NAMED) skipped.push({ line, text: clip(text.slice(0, 200)), reason: why() });
  };

  const lines = text.split(/\r\n|\r|\n/);
  const list = classifyLines(lines);
  for (let index = 0; index < lines.length; index += 1) {
    const reading = list.read(index);
    if (reading === undefined || 'quiet' in reading) continue;
    if ('skip' in reading) {
      skip(index + 1, reading.skip, reading.why);
      continue;
    }
    for (const name of reading.names) {
      const entry = readName(name);
      if ('why' in entry) skip(index + 1, name, entry.why);
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
  return { ok: true, format: list.format, domains, repeated, skipped, skippedCount };
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

const READ_AS = {
  plain: 'list_readAsPlain',
  hosts: 'list_readAsHosts',
  adblock: 'list_readAsAdblock',
  dnsmasq: 'list_readAsDnsmasq',
} as const satisfies Record<ListFormat, Parameters<typeof t>[0]>;

/** "It was read as a hosts file." */
export const readAsSentence = (format: ListFormat): string => t(READ_AS[format]);
