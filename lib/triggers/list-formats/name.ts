import { parseTrigger, withoutWww } from '../parse-trigger';
import { clip, quote } from '../site-name';
import { t } from '../../i18n/i18n';

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
/** Where blockers send what they block (or this computer, or the whole network). */
export const SINK_ADDRESS = /^(?:0\.0\.0\.0|127(?:\.\d{1,3}){3}|255\.255\.255\.255|::1?|fe80::.*|ff0\d::.*)$/i;

export const isAddress = (token: string): boolean => IPV4.test(token) || IPV6.test(token);

export type NameReading = { domain: string } | { quiet: true } | { why: () => string };

/**
 * A name as `URL` and `siteNameProblem` would leave it unchanged: lower-case ASCII labels of
 * letters, digits, `_` and `-` (not at either end), 1 to 63 long, at least two, no punycode
 * (`URL` checks that), the last not a number (that would be an address). Most list lines are
 * such names; they skip the full parse, which costs several times more. Lengths checked apart.
 */
const CANONICAL = /^(?:[a-z\d_](?:[a-z\d_-]*[a-z\d_])?\.)+[a-z\d_](?:[a-z\d_-]*[a-z\d_])?$/;
const NUMBER = /^(?:\d+|0x[\da-f]*)$/;
const MAX_HOST_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;

function canonicalHost(name: string): string | undefined {
  if (name.length > MAX_HOST_LENGTH || !CANONICAL.test(name) || name.includes('xn--')) return undefined;
  const labels = name.split('.');
  if (NUMBER.test(labels.at(-1)!) || labels.some((label) => label.length > MAX_LABEL_LENGTH)) return undefined;
  return withoutWww(name);
}

/**
 * One name from a list, as a trigger host: the single-site field's rules decide what is valid.
 * `*.example.com` and `.example.com` mean its subdomains in a list; covering the site itself too
 * is only stricter. A whole address (`https://example.com/page`) gives its site.
 */
export function readName(token: string): NameReading {
  const name = token.toLowerCase().replace(/\.$/, '');
  if (NOT_SITES.has(name) || SINK_ADDRESS.test(name)) return { quiet: true };
  const bare = name.replace(/^\*?\./, '');
  const fast = canonicalHost(bare);
  if (fast !== undefined) return { domain: fast };
  const parsed = parseTrigger(token.replace(/^\*?\./, ''), [], 0, () => '');
  if (!parsed.ok) return { why: () => parsed.message };
  const { trigger } = parsed;
  if (trigger.kind !== 'site') return { why: () => t('list_partOfASite', [quote(token), clip(trigger.host)]) };
  return { domain: trigger.host };
}
