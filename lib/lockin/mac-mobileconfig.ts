import tokens from './format-tokens.json';
import type { ChromiumBrowser, ChromiumPolicies, PolicyValue } from './policies';

/**
 * A macOS configuration profile (.mobileconfig) that sets Chrome, Edge or Chromium policies as
 * managed (forced) preferences for their preference domain.
 *
 * Sources (checked 2026-12-06):
 * - Apple Device Management, "ManagedPreferences" (developer.apple.com/documentation/devicemanagement/managedpreferences):
 *   PayloadType "com.apple.ManagedClient.preferences", PayloadContent { <domain>: { Forced: [ {
 *   mcx_preference_settings: { ... } } ] } }; "Allow manual install: macOS".
 * - Apple "TopLevel" profile keys: PayloadContent (array), PayloadDisplayName, PayloadIdentifier,
 *   PayloadType "Configuration", PayloadUUID, PayloadVersion 1, PayloadScope "System".
 * - Preference domains: com.google.Chrome (Chrome Enterprise "Mac: com.google.Chrome"),
 *   com.microsoft.Edge (Microsoft Learn deployedge, "Mac information and settings"),
 *   org.chromium.Chromium (Chromium's mac_bundle_id).
 * - Plist XML: the Apple PropertyList-1.0 DTD; strings are XML text, so & < > " ' are escaped, and
 *   characters XML 1.0 cannot hold are refused.
 */

export const MAC_DOMAINS: Record<ChromiumBrowser, string> = {
  chrome: 'com.google.Chrome',
  edge: 'com.microsoft.Edge',
  chromium: 'org.chromium.Chromium',
};

const IDENTIFIER = 'invalid.steadfast.lockin';

/** XML text for a plist <string> or <key>. */
export function plistText(text: string): string {
  // eslint-disable-next-line no-control-regex -- XML 1.0 cannot hold these characters at all
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(text)) throw new Error('A profile cannot hold control characters.');
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

type Plist = string | number | boolean | readonly Plist[] | { readonly [key: string]: Plist };

function element(value: Plist, indent: string): string[] {
  const inner = `${indent}  `;
  if (typeof value === 'string') return [`${indent}<string>${plistText(value)}</string>`];
  if (typeof value === 'boolean') return [`${indent}<${value}/>`];
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error(`A profile number must be whole, not ${value}.`);
    return [`${indent}<integer>${value}</integer>`];
  }
  if (Array.isArray(value)) return [`${indent}<array>`, ...value.flatMap((item: Plist) => element(item, inner)), `${indent}</array>`];
  const entries = Object.entries(value as { [key: string]: Plist });
  return [`${indent}<dict>`, ...entries.flatMap(([key, item]) => [`${inner}<key>${plistText(key)}</key>`, ...element(item, inner)]), `${indent}</dict>`];
}

function settings(policies: ChromiumPolicies): { [key: string]: Plist } {
  return Object.fromEntries(policies.map(([name, value]: [string, PolicyValue]) => [name, value as Plist]));
}

/**
 * The profile: one ManagedPreferences payload per browser domain. `uuid` makes each PayloadUUID
 * (upper-case RFC 4122 text); the page passes `crypto.randomUUID`, tests a fixed sequence.
 */
export function macMobileconfig(
  browsers: readonly ChromiumBrowser[],
  policies: ChromiumPolicies,
  displayName: string,
  uuid: () => string = () => crypto.randomUUID(),
): string {
  const nextUuid = () => {
    const made = uuid().toUpperCase();
    if (!UUID.test(made)) throw new Error(`Not a UUID: ${made}`);
    return made;
  };
  const payloads = browsers.map((browser) => ({
    PayloadContent: { [MAC_DOMAINS[browser]]: { Forced: [{ mcx_preference_settings: settings(policies) }] } },
    PayloadDisplayName: `${displayName} (${MAC_DOMAINS[browser]})`,
    PayloadEnabled: true,
    PayloadIdentifier: `${IDENTIFIER}.${MAC_DOMAINS[browser]}`,
    PayloadType: 'com.apple.ManagedClient.preferences',
    PayloadUUID: nextUuid(),
    PayloadVersion: 1,
  }));
  const profile = {
    PayloadContent: payloads,
    PayloadDisplayName: displayName,
    PayloadIdentifier: IDENTIFIER,
    PayloadScope: tokens.profileScope,
    PayloadType: tokens.profileType,
    PayloadUUID: nextUuid(),
    PayloadVersion: 1,
  };
  return ['<?xml version="1.0" encoding="UTF-8"?>', tokens.plistDoctype, '<plist version="1.0">', ...element(profile, ''), '</plist>', ''].join('\n');
}
