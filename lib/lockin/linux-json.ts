import type { ChromiumBrowser, ChromiumPolicies } from './policies';

/**
 * A JSON file for a Chromium browser's managed policy folder on Linux: every *.json file there is
 * read at start, its top-level keys being policy names.
 *
 * Sources (checked 2026-12-06): Chrome /etc/opt/chrome/policies/managed/ (Chrome Enterprise help,
 * "Set Chrome browser policies on Linux"), Chromium /etc/chromium/policies/managed/ (chromium.org
 * Linux quick start; Debian's chromium reads it), Edge /etc/opt/edge/policies/managed/ (Microsoft
 * Edge on Linux; the same layout). JSON text comes from JSON.stringify, which escapes every id and
 * address.
 */

const FOLDERS: Record<ChromiumBrowser, string> = {
  chrome: '/etc/opt/chrome/policies/managed/',
  chromium: '/etc/chromium/policies/managed/',
  edge: '/etc/opt/edge/policies/managed/',
};

export const LINUX_FILE_NAME = 'steadfast.json';

/** The folder the file goes in. */
export function linuxPolicyFolder(browser: ChromiumBrowser): string {
  return FOLDERS[browser];
}

/** The policies as the managed folder reads them, two-space indented, ending in a line break. */
export function linuxPolicyJson(policies: ChromiumPolicies): string {
  return `${JSON.stringify(Object.fromEntries(policies), null, 2)}\n`;
}
