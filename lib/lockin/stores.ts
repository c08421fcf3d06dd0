/**
 * Where each browser installs Steadfast from, for a lock-in file. One place, so that when the
 * store listings exist their ids go here and every file follows.
 *
 * Update addresses (the part after ";" in ExtensionInstallForcelist):
 * - Chrome Web Store: https://clients2.google.com/service/update2/crx (Chrome Enterprise policy list,
 *   ExtensionInstallForcelist; chromium.org/administrators/policy-list-3/extension-settings-full).
 * - Edge Add-ons: https://edge.microsoft.com/extensionwebstorebase/v1/crx (Microsoft Learn,
 *   deployedge ExtensionInstallForcelist / ExtensionSettings).
 * - Firefox: with `force_installed` and no `install_url`, Firefox looks the id up on
 *   addons.mozilla.org (mozilla.github.io/enterprise-admin-reference, ExtensionSettings).
 */

export const CHROME_WEB_STORE_UPDATE_URL = 'https://clients2.google.com/service/update2/crx';
export const EDGE_ADDONS_UPDATE_URL = 'https://edge.microsoft.com/extensionwebstorebase/v1/crx';

/**
 * Steadfast's ids in the stores. None yet: Steadfast is not listed in any store (RELEASING.md).
 * Until it is, a lock-in file names the id of the copy that is running (`runtime.id`), and the
 * lock-in page says so.
 */
export const STORE_IDS: { chromeWebStore?: string; edgeAddons?: string; firefoxAddons?: string } = {};

/** True once the store this browser installs from has Steadfast's id. */
export function storeIdKnown(browser: 'chrome' | 'edge' | 'chromium' | 'firefox'): boolean {
  if (browser === 'edge') return STORE_IDS.edgeAddons !== undefined;
  if (browser === 'firefox') return STORE_IDS.firefoxAddons !== undefined;
  return STORE_IDS.chromeWebStore !== undefined;
}
