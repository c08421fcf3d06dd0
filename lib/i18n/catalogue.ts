import { browser } from 'wxt/browser';

import type { Catalogue } from './catalogue-format';

export { catalogueGetMessage, type Catalogue, type CatalogueEntry } from './catalogue-format';

/** `_locales` folders to try, best first: `pt-BR` → pt_BR, pt, then the default (en). */
export function localeFolders(uiLanguage: string): string[] {
  const [language, region] = uiLanguage.split(/[-_]/);
  const folders = [region ? `${language}_${region.toUpperCase()}` : '', language ?? ''].filter(Boolean);
  return [...new Set([...folders, 'en'])];
}

export async function readPackagedCatalogue(): Promise<Catalogue> {
  let language = 'en';
  try {
    language = browser.i18n.getUILanguage() || 'en';
  } catch {
    // No interface language: English.
  }
  for (const folder of localeFolders(language)) {
    try {
      // The extension's own file: no network is involved.
      const response = await fetch(browser.runtime.getURL(`/_locales/${folder}/messages.json` as Parameters<typeof browser.runtime.getURL>[0]));
      if (response.ok) return (await response.json()) as Catalogue;
    } catch {
      // No catalogue for that language: try the next.
    }
  }
  return {};
}
