import { t } from '../../i18n/i18n';
import { clip, quote } from '../site-name';
import { QUIET, skipLine, type FormatReader, type LineReading } from './reading';

/**
 * The first word of a line in AdGuard, uBlock Origin or Adblock Plus syntax: a domain anchor
 * (`||`), an address anchor (`|`), an exception (`@@`), a comment (`!`), a header (`[…]`), a
 * regular expression (`/…/`), or a rule with a separator (`^`), options (`$`), or an element-hiding
 * marker (`##`, `#@#`, `#?#`, `#$#`, `#%#`, `$$`). Only the first word: a hosts line's trailing
 * comment (`0.0.0.0 a.com # costs $5`) is not a rule.
 */
const ADBLOCK = /^(?:\|\||@@|\||!|\[|\/|[^\s#]*(?:[$^]|#@?[$?%]{0,2}#))/;
/** Element hiding, scriptlets and HTML filtering: they change a page, they name no site. */
const COSMETIC = /#@?[$?%]{0,2}#|\$@?\$/;
/** A `#` line that is a cosmetic rule for every site (`##.ad`, `###banner`), not a comment (`# Title`, `## Part`, `### Part`). */
export const COSMETIC_LINE = /^#@?[$?%]{0,2}#(?=[^\s#]|#[^\s#])/;
/** Options that keep a rule about the whole site (uBlock Origin's `all`, `document`/`doc`; AdGuard's `important`). */
const WHOLE_SITE_OPTIONS = new Set(['important', 'all', 'document', 'doc']);
/** `||`, or `|http://` / `|https://`: the rule starts at the site's name. */
const ANCHOR = /^(?:\|\||\|https?:\/\/)/i;
/** After the name: separators (`^`), an end anchor (`|`), a bare `/`. */
const END = /[\^|/]+$/;

const pattern = (line: string) => skipLine(line, () => t('list_skipPattern', [quote(line)]));

/**
 * A list for AdGuard, uBlock Origin or Adblock Plus. Domain rules (`||example.com^`, also with
 * `$important`, `$all` or `$document`) name a site; `!` comments and `[Adblock Plus 2.0]` headers
 * say nothing; exceptions (`@@…`), cosmetic rules (`##…`), regular expressions, rules with a path,
 * a wildcard inside the name or other options are skipped, each with its reason.
 */
export const adblockReader: FormatReader = {
  format: 'adblock',
  recognises: (line) => ADBLOCK.test(line),
  read(line): LineReading {
    if (line.startsWith('!') || /^\[.*\]$/.test(line)) return QUIET;
    if (line.startsWith('@@')) return skipLine(line, () => t('list_skipException', [quote(line)]));
    if (COSMETIC.test(line)) return skipLine(line, () => t('list_skipCosmetic', [quote(line)]));
    if (line.startsWith('/')) return pattern(line);

    const dollar = line.lastIndexOf('$');
    const options = dollar === -1 ? [] : line.slice(dollar + 1).split(',');
    const other = options.map((option) => option.trim().toLowerCase()).filter((option) => option !== '' && !WHOLE_SITE_OPTIONS.has(option));
    if (other.length > 0) return skipLine(line, () => t('list_skipOptions', [quote(line), clip(other.join(', '))]));

    const body = (dollar === -1 ? line : line.slice(0, dollar)).replace(ANCHOR, '').replace(END, '');
    const slash = body.indexOf('/');
    if (slash > 0) return skipLine(line, () => t('list_partOfASite', [quote(line), clip(body.slice(0, slash))]));
    // A wildcard or separator inside the name (`||ads.*^`, `||a^b`) is a pattern; a leading `*.` is a wildcard line.
    if (body === '' || /[*^|/]/.test(body.replace(/^\*\./, ''))) return pattern(line);
    return { names: [body] };
  },
};
