/**
 * The many ways one address can be written (issue 15, item 8), as regular-expression sources that
 * serve both the browser's rules (RE2, case-insensitive) and the pure matcher (JavaScript `RegExp`
 * with the `i` flag), so the two cannot disagree.
 *
 * A path trigger `forum.test/forum` covers `/forum`, `/FORUM`, `//forum`, `/forum/`, `/forum;x=1`
 * and everything below it, never `/forums`. Letters hidden in %-codes (`/%66orum`): RE2 cannot
 * decode, and spelling each letter both ways would cost five times the memory the browser allows
 * a rule, so the rules pause any address that hides a letter on a host with path triggers
 * (`HIDDEN_LETTER`), and the pure matcher does the same (lib/triggers/match-trigger.ts), after
 * first decoding them (`hiddenLettersDecoded`) to name the exact trigger. Browsers and sites never
 * write plain letters as %-codes; a person going round does.
 *
 * Copies of a site on translation, cache and archive services carry its host:
 * `example-com.translate.goog/…`, `example-com.cdn.ampproject.org/c/s/example.com/…`,
 * `web.archive.org/web/<when>/https://example.com/…`, `archive.ph/newest/https://example.com/…`.
 */

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** After a path: a slash, a query, a fragment, `;parameters` (also as %-codes), or the end. */
export const PATH_END = '(?:[/?#;]|%2f|%3b|$)';

/**
 * %-codes of the characters a browser never needs to encode in a path: letters, digits, `-._~`.
 * (`%2e` is left to the browser, which reads it as a dot segment before any rule sees it.)
 */
export const HIDDEN_LETTER = '%(?:3[0-9]|[46][1-9a-f]|[57][0-9a]|2d|5f|7e)';
const HIDDEN_LETTER_RE = new RegExp(HIDDEN_LETTER, 'gi');

/** Whether a URL path spells a letter, digit or `-_~` as a %-code (`/%73hop`). */
export function hidesLetters(path: string): boolean {
  return new RegExp(HIDDEN_LETTER, 'i').test(path);
}

/** `/%66or%75m` → `/forum`: only the characters that never need a %-code are decoded. */
export function hiddenLettersDecoded(path: string): string {
  return path.replace(HIDDEN_LETTER_RE, (code) => String.fromCharCode(parseInt(code.slice(1), 16)));
}

/**
 * A stored trigger path (`/forum/late-night`) as a source matching the start of a URL path,
 * without its end (`PATH_END`): segments joined by one or more slashes. `/` alone (the whole
 * site) is ''.
 */
export function pathBody(path: string): string {
  const segments = path.split('/').filter((segment) => segment !== '');
  return segments.length === 0 ? '' : `/+${segments.map(escapeRegex).join('/+')}`;
}

/** Whether a trigger path covers a URL path (`pathname`, no query), as the rules decide. */
export function pathCovers(triggerPath: string, urlPath: string): boolean {
  const body = pathBody(triggerPath);
  if (body === '') return true;
  return cachedRegExp(`^${body}${PATH_END}`).test(hiddenLettersDecoded(urlPath));
}

/** A host (as a regex source) and, for a path trigger, its path. */
export interface Place {
  host: string;
  path?: string | undefined;
}

/**
 * Places as one alternation, with each host written once before its paths (`host/+(?:a|b)`), so
 * many paths of one host cost little of the browser's memory for a rule. A host with no path
 * (a site) covers every path of it. The fully qualified form of a host (`forum.test./forum`) is
 * left to `requestDomains` for sites, and to the rule for letters hidden on a host with path
 * triggers (lib/blocking/build-rules.ts): spelt here, its optional dot cost every path trigger two
 * characters of the browser's regex memory limit.
 */
export function placesSource(places: readonly Place[]): string {
  const byHost = new Map<string, string[] | 'all'>();
  for (const { host, path } of places) {
    const body = path === undefined ? '' : pathBody(path);
    const bodies = byHost.get(host) ?? [];
    if (bodies === 'all' || body === '') byHost.set(host, 'all');
    else byHost.set(host, [...bodies, body]);
  }
  return [...byHost]
    .map(([host, bodies]) =>
      bodies === 'all'
        ? `${host}(?:[:/?#]|$)`
        : `${host}(?::[0-9]*)?/+${bodies.length === 1 ? bodies[0]!.slice(2) : `(?:${bodies.map((body) => body.slice(2)).join('|')})`}${PATH_END}`,
    )
    .join('|');
}

/** Google Translate's host for a site: `my-site.example.com` → `my--site-example-com`. */
export function translateLabel(host: string): string {
  return host.replace(/-/g, '--').replace(/\./g, '-');
}

/**
 * The services whose copies of a site are paused, each with the hosts its rule is pinned to. Where
 * the service's own host says nothing of the copy (all but Translate), the pattern leaves it to
 * `domains` (the rules' `requestDomains`, the matcher's `isCopyServiceHost`) and reads only the
 * path: spelt in the pattern too, the host cost Chromium's regex memory limit so much that a path
 * trigger's AMP copy alone went over it, and it missed the service's fully qualified name.
 */
export const COPY_SERVICES = {
  /** `www-example-com.translate.goog/forum?_x_tr_sl=…` */
  translate: {
    domains: ['translate.goog'],
    source: (alternatives: string) => `^(https?://(?:[a-z0-9-]*[a-z0-9]-)?(?:${alternatives}).*)$`,
    host: (host: string) => `${escapeRegex(translateLabel(host))}\\.translate\\.goog`,
  },
  /** `web.archive.org/web/2024*\/https://www.example.com:80/forum` */
  wayback: {
    domains: ['web.archive.org'],
    source: (alternatives: string) => `^(https?://[^/]+/web/[^/?#]*/(?:[a-z]+:/*)?(?:[^/?#]*\\.)?(?:${alternatives}).*)$`,
    host: escapeRegex,
  },
  /** `archive.ph/newest/https://example.com/forum`, `archive.today/https://example.com` */
  archiveToday: {
    domains: ['archive.ph', 'archive.today', 'archive.is', 'archive.li', 'archive.vn', 'archive.md', 'archive.fo'],
    source: (alternatives: string) => `^(https?://[^/]+/(?:[^?#]*/)?(?:[a-z]+:/*)?(?:[^/?#]*\\.)?(?:${alternatives}).*)$`,
    host: escapeRegex,
  },
  /**
   * AMP caches: `example-com.cdn.ampproject.org/c/s/example.com/forum` (Google's, which its
   * `google.com/amp/…` viewer shows in a frame), `example-com.bing-amp.com/c/s/example.com/forum`.
   */
  ampCache: {
    domains: ['cdn.ampproject.org', 'bing-amp.com'],
    source: (alternatives: string) => `^(https?://[^/]+/[a-z]+/(?:s/)?(?:[^/?#]*\\.)?(?:${alternatives}).*)$`,
    host: escapeRegex,
  },
} as const;

export type CopyService = keyof typeof COPY_SERVICES;
export const COPY_SERVICE_NAMES = Object.keys(COPY_SERVICES) as CopyService[];

/** Whether `url` (host already lower case) is a copy, on `service`, of `host` + `path`. */
export function copyCovers(service: CopyService, host: string, path: string | undefined, url: string): boolean {
  const { source, host: spell } = COPY_SERVICES[service];
  return cachedRegExp(source(placesSource([{ host: spell(host), path }]))).test(url);
}

/** Whether `host` is one of the copy services' own hosts (a quick test before the patterns). */
export function isCopyServiceHost(host: string): CopyService | undefined {
  return COPY_SERVICE_NAMES.find((name) => COPY_SERVICES[name].domains.some((domain) => host === domain || host.endsWith(`.${domain}`)));
}

/** Patterns are compiled once: the second net asks on every navigation. */
const compiled = new Map<string, RegExp>();
function cachedRegExp(source: string): RegExp {
  let regex = compiled.get(source);
  if (!regex) {
    if (compiled.size > 10_000) compiled.clear();
    regex = new RegExp(source, 'i');
    compiled.set(source, regex);
  }
  return regex;
}
