import { storage } from 'wxt/utils/storage';
import { t } from '../i18n/i18n';
import { ListIndex, type Blocklist } from './blocklist';
import { countOf, hasParentIn, parseList, readAsSentence, skippedSummary, type ParsedList } from './parse-list';
import { clip, quote } from './site-name';
import type { Trigger, TriggerMode } from './trigger';

/**
 * The person's imported lists in `storage.local`, version 1, apart from the trigger list so that
 * 100,000 sites stay compact (about 20 bytes each). The background adds their domains to the site
 * rules. Never mirror this item to `storage.sync` (8 KB an item).
 */
export const blocklistsItem = storage.defineItem<Blocklist[]>('local:blocklists', {
  version: 1,
  fallback: [],
});

/**
 * Chrome gives an extension 10 MB of `storage.local` without `unlimitedStorage`; the lists may
 * use most of it, and the plan, triggers and settings keep the rest. Counted as JSON bytes.
 */
export const MAX_LISTS_BYTES = 8_000_000;

/** Roughly what a list takes in `storage.local` (its domains dominate). */
export const storedBytes = (list: Pick<Blocklist, 'domains' | 'name'>): number =>
  list.domains.reduce((sum, domain) => sum + domain.length + 3, 100 + list.name.length);

export interface ImportRequest {
  text: string;
  name: string;
  mode: TriggerMode;
}

export type ImportResult = { ok: true; list: Blocklist; message: string } | { ok: false; message: string };

/**
 * Decides an import from what is stored now (pure). The list keeps every one of its sites, also
 * those already in a site trigger or another list, so removing that trigger or list later cannot
 * quietly leave one of these sites open; the rules count each domain once. Such sites, and repeats
 * within the list, are only counted in the summary.
 */
export function planImport(
  request: ImportRequest,
  triggers: readonly Trigger[],
  lists: readonly Blocklist[],
  now = Date.now(),
  makeId: () => string = () => crypto.randomUUID(),
): ImportResult {
  const parsed = parseList(request.text);
  if (!parsed.ok) return parsed;
  if (parsed.domains.length === 0) {
    const why = skippedSummary(parsed);
    return { ok: false, message: why ? t('list_noSitesRead', [why]) : t('list_empty') };
  }
  const name = clip(request.name.trim().replace(/\s+/g, ' ') || t('list_defaultName', [lists.length + 1]));
  const list: Blocklist = { id: makeId(), name, mode: request.mode, addedAt: now, domains: parsed.domains };
  const bytes = lists.reduce((sum, l) => sum + storedBytes(l), storedBytes(list));
  if (bytes > MAX_LISTS_BYTES) {
    return { ok: false, message: t('list_noRoom') };
  }
  return { ok: true, list, message: importSummary(list, parsed, alreadyCovered(list.domains, triggers, lists)) };
}

/** How many of `domains` a site trigger or another list already pauses. */
function alreadyCovered(domains: readonly string[], triggers: readonly Trigger[], lists: readonly Blocklist[]): number {
  const sites = new Set(triggers.filter((t) => t.kind === 'site').map((t) => t.host));
  const index = new ListIndex(lists);
  return domains.filter((d) => sites.has(d) || hasParentIn(d, sites) || index.matches(d).length > 0).length;
}

/**
 * "Added 98,765 sites from “Gambling list”. It was read as a hosts file. 40 sites were already in
 * your trigger sites or lists… 12 lines were skipped because they are not whole sites: …"
 */
export function importSummary(list: Blocklist, parsed: ParsedList, covered: number): string {
  const added = list.domains.length - covered;
  const parts = added > 0 ? [countOf('list_added', added, [quote(list.name)])] : [t('list_savedAllCovered', [quote(list.name)])];
  parts.push(readAsSentence(parsed.format));
  const again = covered + parsed.repeated;
  if (again > 0 && added > 0) parts.push(countOf('list_countedOnce', again));
  const skipped = skippedSummary(parsed);
  if (skipped) parts.push(skipped);
  return parts.join(' ');
}
