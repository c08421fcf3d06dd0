import { urlHasKeyword } from './keyword';
import type { Trigger } from './trigger';

/** Host and path of an http(s) URL, as the browser's rules see them. */
function webParts(url: string): { host: string; path: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  // `URL` already lower-cases and punycodes the host; `example.com.` is the same site as `example.com`.
  return { host: parsed.hostname.replace(/\.$/, ''), path: parsed.pathname };
}

/** ASCII, lower-case host of an http(s) URL without its trailing dot; undefined for anything else. */
export function hostOf(url: string): string | undefined {
  return webParts(url)?.host;
}

/**
 * Whether `trigger` pauses every page at `host` + `path` (and below).
 * Hosts compare on label boundaries, so `example.com` never covers `notexample.com`.
 * Paths compare case-insensitively, on segment boundaries: `/forum` covers `/Forum/x`, not `/forums`.
 */
export function triggerCovers(trigger: Trigger, host: string, path: string): boolean {
  if (trigger.kind === 'keyword') return false;
  const hostWithin = host === trigger.host || host.endsWith(`.${trigger.host}`);
  if (!hostWithin) return false;
  if (trigger.kind === 'site' || trigger.path === undefined) return true;
  const lowerPath = path.toLowerCase();
  // Tolerate a stored trailing `/` (or a bare `/`, which covers the whole site).
  const triggerPath = trigger.path.toLowerCase().replace(/\/+$/, '');
  return lowerPath === triggerPath || lowerPath.startsWith(`${triggerPath}/`);
}

/** The trigger that covers `host` + `path`: site triggers first, then list order, so it is deterministic. */
export function coveringTrigger(
  triggers: readonly Trigger[],
  host: string,
  path: string,
): Trigger | undefined {
  const covering = triggers.filter((trigger) => triggerCovers(trigger, host, path));
  return covering.find((trigger) => trigger.kind === 'site') ?? covering[0];
}

/**
 * The trigger that pauses `url`, if any: the same semantics as the browser rules. Sites and paths
 * first (they name the place), then keywords.
 */
export function matchTrigger(url: string, triggers: readonly Trigger[]): Trigger | undefined {
  const parts = webParts(url);
  if (!parts) return undefined;
  return (
    coveringTrigger(triggers, parts.host, parts.path) ??
    triggers.find((trigger) => trigger.kind === 'keyword' && trigger.keyword && urlHasKeyword(url, trigger.keyword))
  );
}
