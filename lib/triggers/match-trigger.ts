import { copyCovers, hidesLetters, isCopyServiceHost, pathCovers } from './address-forms';
import { urlHasKeyword } from './keyword';
import type { Trigger } from './trigger';

/** Host and path of an http(s) URL, as the browser's rules see them. */
function webParts(url: string): { host: string; path: string; qualified: boolean } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  // `URL` already lower-cases and punycodes the host; `example.com.` is the same site as `example.com`.
  return { host: parsed.hostname.replace(/\.$/, ''), path: parsed.pathname, qualified: parsed.hostname.endsWith('.') };
}

/**
 * The web address a tab is showing: Firefox's reader view (`about:reader?url=<address>`, which a
 * person can type) fetches the page itself, where no extension rule sees the request, and shows it
 * under its own address. Anything else is returned as it is.
 */
export function viewedAddress(url: string): string {
  if (!url.startsWith('about:reader?')) return url;
  const inner = new URLSearchParams(url.slice('about:reader?'.length)).get('url');
  return inner !== null && webParts(inner) !== undefined ? inner : url;
}

/** ASCII, lower-case host of an http(s) URL without its trailing dot; undefined for anything else. */
export function hostOf(url: string): string | undefined {
  return webParts(url)?.host;
}

/**
 * Whether `trigger` pauses every page at `host` + `path` (and below).
 * Hosts compare on label boundaries, so `example.com` never covers `notexample.com`.
 * Paths compare case-insensitively, on segment boundaries, in every spelling the browser's rule
 * catches (lib/triggers/address-forms.ts): `/forum` covers `/Forum/x`, `//forum`, `/forum;x=1` and
 * `/%66orum`, not `/forums`.
 */
export function triggerCovers(trigger: Trigger, host: string, path: string): boolean {
  if (trigger.kind === 'keyword') return false;
  const hostWithin = host === trigger.host || host.endsWith(`.${trigger.host}`);
  if (!hostWithin) return false;
  if (trigger.kind === 'site' || trigger.path === undefined) return true;
  return pathCovers(trigger.path, path);
}

/** The trigger that covers `host` + `path`: site triggers first, then list order, so it is deterministic. */
export function coveringTrigger(triggers: readonly Trigger[], host: string, path: string): Trigger | undefined {
  const covering = triggers.filter((trigger) => triggerCovers(trigger, host, path));
  return covering.find((trigger) => trigger.kind === 'site') ?? covering[0];
}

/**
 * The trigger that pauses `url`, if any: the same semantics as the browser rules. Sites and paths
 * first (they name the place), then keywords, then (with `copies`, the setting's default) copies of
 * a site or path on a translation or archive service.
 */
export function matchTrigger(url: string, triggers: readonly Trigger[], { copies = true } = {}): Trigger | undefined {
  const parts = webParts(url);
  if (!parts) return undefined;
  return (
    coveringTrigger(triggers, parts.host, parts.path) ??
    triggers.find((trigger) => trigger.kind === 'keyword' && trigger.keyword && urlHasKeyword(url, trigger.keyword)) ??
    // As the rules decide: on a host with path triggers, letters hidden in %-codes (address-forms.ts)
    // or the host's fully qualified name (`forum.test./`) pause any path (lib/blocking/build-rules.ts).
    (hidesLetters(parts.path) || parts.qualified
      ? triggers.find((trigger) => trigger.kind === 'path' && triggerCovers({ ...trigger, path: '/' }, parts.host, '/'))
      : undefined) ??
    (copies ? copiedTrigger(url, parts.host, triggers) : undefined)
  );
}

/** The site or path trigger whose copy `url` is, on a translation or archive service. */
function copiedTrigger(url: string, host: string, triggers: readonly Trigger[]): Trigger | undefined {
  const service = isCopyServiceHost(host);
  if (service === undefined) return undefined;
  return triggers.find((trigger) => trigger.kind !== 'keyword' && trigger.host !== '' && copyCovers(service, trigger.host, trigger.path, url));
}
