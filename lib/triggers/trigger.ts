/**
 * Something the person has said is a trigger for them.
 *
 * - `site`: the host and every subdomain of it are paused (`example.com` covers
 *   `www.example.com`, `m.example.com`, `a.b.example.com`).
 * - `path`: only that path (and what lies below it) on the host and its subdomains
 *   (`example.com/forum` covers `www.example.com/forum/thread?id=1`, not `example.com/shop`).
 * - `keyword`: any web address that contains the words (`buy ket` catches a search for
 *   "buy ket", "buy+ket", "buy-ket"), on any site.
 */
export interface Trigger {
  /** Stable id, unique within the list. */
  id: string;
  kind: 'site' | 'path' | 'keyword';
  /**
   * What happens when it opens. `pause`: the pause page, and after a wait the person may go on in
   * that tab for a while. `block`: the pause page with no way through.
   */
  mode: TriggerMode;
  /** What the person sees: lower case, Unicode host as they typed it, `www.` removed, plus the path for `path`; the words for `keyword`. */
  display: string;
  /** ASCII (punycode) host, lower case, no trailing dot, no `www.`: what rules match on. Empty for `keyword`. */
  host: string;
  /** For `path` triggers: begins with `/`, no query or fragment, no trailing `/` (unless it is just `/`). */
  path?: string;
  /** For `keyword` triggers: the words, lower case, single spaces. */
  keyword?: string;
  /** When it was added (ms since epoch). */
  addedAt: number;
}

export type TriggerMode = 'pause' | 'block';

/** Version 1 of the stored trigger (before modes and keywords); kept for its migration. */
export interface TriggerV1 {
  id: string;
  kind: 'site' | 'path';
  display: string;
  host: string;
  path?: string;
  addedAt: number;
}
