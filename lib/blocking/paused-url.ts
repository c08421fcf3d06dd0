/** The longest original URL the pause page will show; the rest is cut with an ellipsis. */
const MAX_SHOWN = 300;

export interface PausedUrl {
  /** The original web address, only ever http: or https:. */
  href: string;
  /** Its host in ASCII (punycode), lower case, no trailing dot: what triggers match on. */
  host: string;
  /** What to show: host and path, shortened, never markup (render as text). */
  shown: string;
}

/**
 * Reads the address a redirect carried in the pause page's fragment. The fragment is hostile
 * input (any page can link to the pause page with any fragment): it is parsed with `URL`, and
 * anything but an http(s) address is refused, so the page never offers to go to a
 * `javascript:`, `data:` or `chrome:` URL.
 */
export function pausedUrlFromHash(hash: string): PausedUrl | undefined {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw.length === 0 || raw.length > 100_000) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.username = '';
  url.password = '';
  const host = url.hostname.replace(/\.$/, '');
  const path = url.pathname === '/' ? '' : safeDecode(url.pathname);
  const shown = host + path;
  return {
    href: url.href,
    host,
    shown: shown.length > MAX_SHOWN ? `${shown.slice(0, MAX_SHOWN - 1)}…` : shown,
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}
