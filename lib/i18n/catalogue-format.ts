// Pure, with no browser: the build uses it too (the crisis page's numbers, wxt.config.ts).

/**
 * `i18n.getMessage` as Chrome implements it, over a messages.json catalogue: named placeholders
 * (`$COUNT$`, case-insensitive) become their `content`, then `$1`…`$9` become the substitutions
 * and `$$` a dollar sign; an unknown key gives "".
 * https://developer.chrome.com/docs/extensions/how-to/ui/localization-message-formats
 *
 * Used when the browser gives no words (see `ensureWords` in ./i18n.ts) and by the unit tests,
 * whose fake browser leaves i18n unmocked.
 */
export interface CatalogueEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalogue = Record<string, CatalogueEntry>;

export function catalogueGetMessage(catalogue: Catalogue) {
  const entries = new Map(Object.entries(catalogue).map(([key, entry]) => [key.toLowerCase(), entry]));
  return (key: string, substitutions?: string | string[]): string => {
    const entry = entries.get(key.toLowerCase());
    if (!entry) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, placeholder]) => [name.toLowerCase(), placeholder.content]));
    const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole);
    return named.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (subs[Number(which) - 1] ?? '')));
  };
}
