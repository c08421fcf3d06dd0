import type { Trigger, TriggerMode } from './trigger';

/**
 * A list of trigger sites the person imported in one go (a published gambling or drug-market
 * list, say). Stored as bare domains, not as `Trigger` objects: 100,000 triggers at ~120 bytes
 * each would not fit Chrome's 10 MB `storage.local` quota, and nobody reads 100,000 rows.
 */
export interface Blocklist {
  /** Stable id, unique among the lists. */
  id: string;
  /** What the person called it, e.g. "Gambling list". */
  name: string;
  /** What happens when a site from it opens; the same choice a single trigger has. */
  mode: TriggerMode;
  /** When it was imported (ms since epoch). */
  addedAt: number;
  /**
   * ASCII (punycode) hosts, lower case, no trailing dot, no `www.`, each once and none inside
   * another (`m.example.com` goes when `example.com` is there): what the rules match on. A host
   * covers its subdomains, as a site trigger does.
   */
  domains: string[];
}

/** Which list covers a host, and through which of its domains. */
export interface ListMatch {
  list: Blocklist;
  domain: string;
}

/**
 * Every list domain in a `Map`, for lookups in the time of a few `Map.get`s however long the
 * lists are. Build it once per change of the lists, not per URL.
 */
export class ListIndex {
  private readonly byDomain = new Map<string, Blocklist[]>();

  constructor(lists: readonly Blocklist[]) {
    for (const list of lists) {
      for (const domain of list.domains) {
        const holders = this.byDomain.get(domain);
        if (holders === undefined) this.byDomain.set(domain, [list]);
        else if (!holders.includes(list)) holders.push(list);
      }
    }
  }

  get size(): number {
    return this.byDomain.size;
  }

  /**
   * Every list that covers `host` (ASCII, lower case, no trailing dot): the host itself or any
   * of its parent domains is in the list, on label boundaries, so `example.com` covers
   * `a.example.com` and never `notexample.com`. The same semantics as `requestDomains`.
   */
  matches(host: string): ListMatch[] {
    const found: ListMatch[] = [];
    let domain = host;
    for (;;) {
      for (const list of this.byDomain.get(domain) ?? []) found.push({ list, domain });
      const dot = domain.indexOf('.');
      if (dot === -1) return found;
      domain = domain.slice(dot + 1);
    }
  }
}

/** The host of an http(s) URL as the rules see it; undefined for anything else. */
function webHost(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.hostname.replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

/** Whether any list pauses `url`. */
export function listsCover(url: string, index: ListIndex): boolean {
  const host = webHost(url);
  return host !== undefined && index.matches(host).length > 0;
}

/** A site trigger that stands for one list's domain, with the list's name beside it. */
export type ListTrigger = Trigger & { kind: 'site'; listName: string };

/** `host` and each of its parent domains: `a.example.com`, `example.com`, `com`. */
function selfAndParents(host: string): Set<string> {
  const names = new Set<string>();
  for (let rest = host; ; rest = rest.slice(rest.indexOf('.') + 1)) {
    names.add(rest);
    if (!rest.includes('.')) return names;
  }
}

/** The lists that cover `host`, by one pass over their domains: cheaper than an index for one lookup. */
function scanLists(lists: readonly Blocklist[], host: string): ListMatch[] {
  const names = selfAndParents(host);
  const found: ListMatch[] = [];
  for (const list of lists) {
    const domain = list.domains.find((d) => names.has(d));
    if (domain !== undefined) found.push({ list, domain });
  }
  return found;
}

/**
 * The lists that pause `url`, each as a site trigger for the domain that matched (stricter list
 * first, so Block wins). Only the few matches become objects: never the whole list. Lets the
 * code that decides "continue anyway" and what the pause page says treat a list domain like a
 * trigger. Pass an index for many lookups, the lists themselves for one.
 */
export function listTriggersFor(url: string, lists: ListIndex | readonly Blocklist[]): ListTrigger[] {
  const host = webHost(url);
  if (host === undefined) return [];
  return (lists instanceof ListIndex ? lists.matches(host) : scanLists(lists, host))
    .map(({ list, domain }): ListTrigger => ({
      id: `list:${list.id}`,
      kind: 'site',
      mode: list.mode,
      display: domain,
      host: domain,
      addedAt: list.addedAt,
      listName: list.name,
    }))
    .sort((a, b) => Number(b.mode === 'block') - Number(a.mode === 'block'));
}

export const isListTrigger = (trigger: Trigger): trigger is ListTrigger => 'listName' in trigger;
