import type { FirefoxPolicies, LockInSystem } from './policies';

/**
 * Firefox's policies.json and where it goes on each system.
 *
 * Sources (checked 2026-12-06): mozilla/policy-templates README (now
 * mozilla.github.io/enterprise-admin-reference): "On Windows, create a directory called
 * distribution where the EXE is located and place the file there. On Mac, the file goes into
 * Firefox.app/Contents/Resources/distribution. On Linux, the file goes into firefox/distribution
 * ... or you can specify system-wide policy by placing the file in /etc/firefox/policies."
 * The top-level object has one key, "policies". JSON.stringify escapes every id and address.
 */

const PLACES: Record<LockInSystem, string> = {
  windows: 'C:\\Program Files\\Mozilla Firefox\\distribution\\',
  mac: '/Applications/Firefox.app/Contents/Resources/distribution/',
  linux: '/etc/firefox/policies/',
};

export const FIREFOX_FILE_NAME = 'policies.json';

/** The folder policies.json goes in (for a standard installation). */
export function firefoxPolicyFolder(system: LockInSystem): string {
  return PLACES[system];
}

export function firefoxPolicyJson(policies: FirefoxPolicies): string {
  return `${JSON.stringify(policies, null, 2)}\n`;
}
