// The browser's own object, not the webextension-polyfill: `i18n.getMessage` is synchronous and the
// polyfill hands it straight through, so reading it natively (as WXT's storage reads storage) is the
// same call without ~6 KB gzip of polyfill in every page's first script (issue 19, item 5).
import { browser } from '@wxt-dev/browser';
import type catalogue from '../../public/_locales/en/messages.json';
import type { Catalogue } from './catalogue';

/**
 * Every word a person reads comes from `public/_locales/<locale>/messages.json`, so a translation
 * is a file, not a code change. The English catalogue is the source: its keys are this type, so a
 * misspelt or removed key is a compile error. Only the type is imported; the words themselves
 * come from the browser (`i18n.getMessage`), which picks the person's language.
 *
 * Keys are `area_name` (`popup_dayCount`), ASCII letters, digits and `_`. A message with
 * variable parts names them as placeholders (`"Day $COUNT$"`, `placeholders.count.content: "$1"`),
 * which is how the browser substitutes and what a translator expects.
 */
export type MessageKey = keyof typeof catalogue;

type GetMessage = (key: string, substitutions?: string[]) => string;

// WXT types getMessage with the catalogue's keys; the keys of plural forms are built at run time.
type BrowserKey = Parameters<typeof browser.i18n.getMessage>[0];
const browserGetMessage: GetMessage = (key, substitutions) => browser.i18n.getMessage(key as BrowserKey, substitutions);

/** The packaged catalogue, read by `ensureWords` only when the browser gives no words. */
let packaged: GetMessage | undefined;
const fromBrowser: GetMessage = (key, substitutions) => browserGetMessage(key, substitutions) || packaged?.(key, substitutions) || '';

/**
 * Makes sure `t` has words. Chromium sometimes starts a session in which `i18n.getMessage` returns
 * "" for every key, in every page and the service worker, until the browser closes (seen with
 * `--load-extension` on a loaded machine, about one start in three). A page would then show keys
 * (`options_heading`) where words belong. Each page awaits this before it draws: when the browser
 * has words it returns at once; when not, it reads the catalogue from the extension's own package.
 */
export async function ensureWords(getMessage = browserGetMessage, read?: () => Promise<Catalogue>): Promise<void> {
  if (getMessage('extName') || packaged) return;
  // Loaded only in that case, so no page carries it otherwise.
  const { catalogueGetMessage, readPackagedCatalogue } = await import('./catalogue');
  packaged = catalogueGetMessage(await (read ?? readPackagedCatalogue)());
}

/**
 * The message for `key` in the person's language, with `substitutions` in order for `$1`…`$9`.
 * A key missing from the person's locale falls back (in the browser) to English; a key missing
 * everywhere returns the key itself, which a test catches, rather than an empty space on screen.
 */
export function t(key: MessageKey, substitutions: readonly (string | number)[] = [], getMessage = fromBrowser): string {
  const text = getMessage(key, substitutions.map(String));
  return text || key;
}

/** Keys that come in `_one` / `_other` pairs, for a count that changes the words ("1 day", "2 days"). */
// A mapped type: `MessageKey extends infer K ? …` checks the whole union at once, and gave never.
type PluralBase = { [K in MessageKey]: K extends `${infer B}_one` ? (`${B}_other` extends MessageKey ? B : never) : never }[MessageKey];

const plurals = new Map<string, Intl.PluralRules>();
function pluralCategory(count: number, language: string): string {
  let rules = plurals.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    plurals.set(language, rules);
  }
  return rules.select(count);
}

/**
 * A message chosen by count: `tCount('common_days', 3)` reads `common_days_other` with `$1` = 3.
 * English needs `_one` and `_other`; a language with more forms (`_few`, `_many`, `_two`, `_zero`)
 * adds those keys to its own catalogue and they are used when present.
 */
export function tCount(
  base: PluralBase,
  count: number,
  substitutions: readonly (string | number)[] = [],
  getMessage = fromBrowser,
  language = catalogueLanguage(getMessage),
): string {
  const category = pluralCategory(count, language);
  const all = [count, ...substitutions].map(String);
  return getMessage(`${base}_${category}`, all) || getMessage(`${base}_other`, all) || `${base}_other`;
}

/**
 * The language the words on screen are in: the catalogue's own `meta_language`, not the browser's
 * interface language, which may be one Steadfast has no catalogue for (and so shows English).
 */
export function catalogueLanguage(getMessage = fromBrowser): string {
  return getMessage('meta_language') || 'en';
}
