/**
 * A site the person has said is a trigger for them.
 *
 * - `site`: the host and every subdomain of it are paused (`example.com` covers
 *   `www.example.com`, `m.example.com`, `a.b.example.com`).
 * - `path`: only that path (and what lies below it) on the host and its subdomains
 *   (`example.com/forum` covers `www.example.com/forum/thread?id=1`, not `example.com/shop`).
 */
export interface Trigger {
  /** Stable id, unique within the list. */
  id: string;
  kind: 'site' | 'path';
  /** What the person sees: lower case, Unicode host as they typed it, `www.` removed, plus the path for `path`. */
  display: string;
  /** ASCII (punycode) host, lower case, no trailing dot, no `www.`: what rules match on. */
  host: string;
  /** For `path` triggers: begins with `/`, no query or fragment, no trailing `/` (unless it is just `/`). */
  path?: string;
  /** When it was added (ms since epoch). */
  addedAt: number;
}
