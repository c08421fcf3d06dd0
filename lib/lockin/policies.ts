import { CHROME_WEB_STORE_UPDATE_URL, EDGE_ADDONS_UPDATE_URL } from './stores';

/**
 * What a lock-in file asks the browser for, before it is written in any format (.reg, .mobileconfig,
 * JSON): the browser's own policy names and values.
 *
 * Sources (checked 2026-12-06):
 * - Chrome / Chromium: Chrome Enterprise policy list and the Chromium policy definitions
 *   (components/policy/resources/templates/policy_definitions): ExtensionInstallForcelist (list of
 *   "<id>;<update url>"), IncognitoModeAvailability (integer; 1 = Incognito mode disabled),
 *   BrowserGuestModeEnabled (boolean; chrome/browser/profiles/guest_mode_policy_handler.cc checks
 *   BOOLEAN), BrowserAddProfileEnabled (boolean).
 * - Edge: learn.microsoft.com/deployedge/microsoft-edge-policies: ExtensionInstallForcelist,
 *   InPrivateModeAvailability (Edge's name; 1 = InPrivate mode disabled), BrowserGuestModeEnabled,
 *   BrowserAddProfileEnabled.
 * - Firefox: mozilla.github.io/enterprise-admin-reference (formerly mozilla/policy-templates
 *   README): ExtensionSettings {"<id>": {installation_mode: "force_installed", install_url,
 *   private_browsing: true}} (private_browsing added in bug 1640931), PrivateBrowsingModeAvailability
 *   (number; 1 = not available; Firefox 130, ESR 128.3).
 */

export type LockInBrowser = 'chrome' | 'edge' | 'chromium' | 'firefox';
export type ChromiumBrowser = Exclude<LockInBrowser, 'firefox'>;
export type LockInSystem = 'windows' | 'mac' | 'linux';

/** Each protection a person can choose; a browser offers only those it has a policy for. */
export type Protection = 'force-install' | 'no-private' | 'no-guest' | 'no-new-profiles';

export const LOCK_IN_BROWSERS: readonly LockInBrowser[] = ['chrome', 'edge', 'chromium', 'firefox'];
export const LOCK_IN_SYSTEMS: readonly LockInSystem[] = ['windows', 'mac', 'linux'];

/** Firefox has no guest windows, and its policies.json holds for every profile of the installation. */
export function protectionsFor(browser: LockInBrowser): Protection[] {
  return browser === 'firefox' ? ['force-install', 'no-private'] : ['force-install', 'no-private', 'no-guest', 'no-new-profiles'];
}

/** A policy value as the browsers read it: a list of strings, a whole number or true/false. */
export type PolicyValue = readonly string[] | number | boolean;
export type ChromiumPolicies = [name: string, value: PolicyValue][];

/** The install address a Chromium browser uses when the person gives none. */
export function defaultUpdateUrl(browser: ChromiumBrowser): string {
  return browser === 'edge' ? EDGE_ADDONS_UPDATE_URL : CHROME_WEB_STORE_UPDATE_URL;
}

/** The policies for Chrome, Edge or Chromium, in a fixed order, for the chosen protections. */
export function chromiumPolicies(browser: ChromiumBrowser, chosen: ReadonlySet<Protection>, extensionId: string, updateUrl: string): ChromiumPolicies {
  const policies: ChromiumPolicies = [];
  if (chosen.has('force-install')) policies.push(['ExtensionInstallForcelist', [`${extensionId};${updateUrl}`]]);
  if (chosen.has('no-private')) policies.push([browser === 'edge' ? 'InPrivateModeAvailability' : 'IncognitoModeAvailability', 1]);
  if (chosen.has('no-guest')) policies.push(['BrowserGuestModeEnabled', false]);
  if (chosen.has('no-new-profiles')) policies.push(['BrowserAddProfileEnabled', false]);
  return policies;
}

export interface FirefoxPolicies {
  policies: {
    ExtensionSettings?: Record<string, { installation_mode: 'force_installed'; install_url?: string; private_browsing: true }>;
    PrivateBrowsingModeAvailability?: 1;
  };
}

/**
 * Firefox's policies. Without an install address Firefox finds the id on addons.mozilla.org;
 * `private_browsing` lets Steadfast run in private windows, which matters when they stay open.
 */
export function firefoxPolicies(chosen: ReadonlySet<Protection>, extensionId: string, installUrl: string | undefined): FirefoxPolicies {
  const policies: FirefoxPolicies['policies'] = {};
  if (chosen.has('force-install')) {
    policies.ExtensionSettings = {
      [extensionId]: { installation_mode: 'force_installed', ...(installUrl ? { install_url: installUrl } : {}), private_browsing: true },
    };
  }
  if (chosen.has('no-private')) policies.PrivateBrowsingModeAvailability = 1;
  return { policies };
}
