import { browser } from 'wxt/browser';
import type { BrowserFamily } from '../blocking/protection-status';

/**
 * Whether Steadfast is locked in by the browser's own settings (issue 21, part 2), decided once
 * for the popup, My recovery and the lock-in page. Only what the browser tells an extension
 * counts: `management.getSelf().installType` is "admin" when a policy installed it (Chrome:
 * https://developer.chrome.com/docs/extensions/reference/api/management#type-ExtensionInstallType,
 * Firefox: https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/management/ExtensionInfo),
 * and `extension.isAllowedIncognitoAccess()` says whether it runs in private windows. Whether guest
 * windows, new profiles or private windows are switched off for the whole browser is not something
 * an extension can read, so it is never claimed.
 */

/** An easy way round Steadfast in a weak moment. */
export type WayOut = 'turn-off' | 'private-windows' | 'guest-windows' | 'new-profiles';

/** `open`: Steadfast knows it is open; `unseen`: a policy may have closed it, but Steadfast cannot tell. */
export type WayOutState = 'open' | 'unseen';

export interface LockInFacts {
  /** `management.getSelf().installType`, or undefined when the browser would not say. */
  installType: string | undefined;
  /** `extension.isAllowedIncognitoAccess()`. */
  privateWindows: boolean;
  family: BrowserFamily;
}

export interface LockInStatus {
  /** A browser policy installed Steadfast: it cannot be turned off or removed from the extensions page. */
  locked: boolean;
  /** The ways out Steadfast cannot see closed, in the order a person would meet them. */
  waysOut: { way: WayOut; state: WayOutState }[];
}

/** What is locked in and what is still open, from what the browser says. */
export function lockInStatus(facts: LockInFacts): LockInStatus {
  const locked = facts.installType === 'admin';
  // Locked in, a policy may also have closed what Steadfast cannot see; otherwise it is open.
  const unseen: WayOutState = locked ? 'unseen' : 'open';
  const waysOut: LockInStatus['waysOut'] = [];
  if (!locked) waysOut.push({ way: 'turn-off', state: 'open' });
  // Steadfast runs in private windows when allowed there: then they are no way round it.
  if (!facts.privateWindows) waysOut.push({ way: 'private-windows', state: unseen });
  // Firefox has no guest windows, and its policies.json holds for every profile of the installation.
  if (facts.family === 'chrome') {
    waysOut.push({ way: 'guest-windows', state: unseen });
    waysOut.push({ way: 'new-profiles', state: unseen });
  }
  return { locked, waysOut };
}

export interface LockInApis {
  management: { getSelf(): Promise<{ installType?: string }> };
  extension: { isAllowedIncognitoAccess(): Promise<boolean> };
}

/** Asks the browser; an answer that fails counts as not locked and not allowed (never a claim it cannot back). */
export async function readLockInFacts(
  family: BrowserFamily,
  apis: LockInApis = { management: browser.management, extension: browser.extension },
): Promise<LockInFacts> {
  const [self, privateWindows] = await Promise.all([
    // Called inside a promise: a browser (or a fake) without the API throws rather than rejects.
    Promise.resolve()
      .then(() => apis.management.getSelf())
      .catch(() => undefined),
    Promise.resolve()
      .then(() => apis.extension.isAllowedIncognitoAccess())
      .catch(() => false),
  ]);
  return { installType: self?.installType, privateWindows, family };
}
