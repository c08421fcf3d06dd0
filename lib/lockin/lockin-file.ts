import { t } from '../i18n/i18n';
import { FIREFOX_FILE_NAME, firefoxPolicyFolder, firefoxPolicyJson } from './firefox-json';
import { LINUX_FILE_NAME, linuxPolicyFolder, linuxPolicyJson } from './linux-json';
import { macMobileconfig } from './mac-mobileconfig';
import { chromiumPolicies, defaultUpdateUrl, firefoxPolicies, protectionsFor, type LockInBrowser, type LockInSystem, type Protection } from './policies';
import { registryKey, windowsRegFile } from './windows-reg';

/** What the person chose on the lock-in page, and what Steadfast knows about itself. */
export interface LockInChoice {
  browser: LockInBrowser;
  system: LockInSystem;
  protections: ReadonlySet<Protection>;
  /** `runtime.id` (or the store's id once Steadfast is listed: lib/lockin/stores.ts). */
  extensionId: string;
  /** An install address the person typed; empty for the browser's own store. */
  installUrl: string;
  /** The profile's name in macOS's settings. */
  displayName?: string;
  uuid?: () => string;
}

export type LockInFormat = 'reg' | 'mobileconfig' | 'linux-json' | 'firefox-json';

export interface LockInFile {
  format: LockInFormat;
  name: string;
  type: string;
  text: string;
  /** Where it goes: a folder, or the registry key it writes. */
  place: string;
}

export type LockInOutcome = { ok: true; file: LockInFile } | { ok: false; message: string };

// Chrome extension ids are 32 letters a to p (a hash of the key, one letter per half-byte).
const CHROMIUM_ID = /^[a-p]{32}$/;
// Firefox add-on ids: a GUID in braces, or an email-like name (Extension Workshop, "Extensions and the add-on ID").
const FIREFOX_ID = /^(\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}|[A-Za-z0-9._+-]{0,80}@[A-Za-z0-9.-]{1,80})$/;
// Characters that could end a value early in one of the formats; a real address never needs them.
// eslint-disable-next-line no-control-regex -- control characters are among those refused
const UNSAFE_IN_URL = /[\s\u0000-\u001f\u007f"'\\<>[\];`{}|^]/;

/** The install address, checked: https (or http on this computer, for testing), nothing that could break a file. */
export function checkInstallUrl(text: string): { ok: true; url: string } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed.length > 2000 || UNSAFE_IN_URL.test(trimmed)) return { ok: false, message: t('lockIn_urlUnsafe') };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: t('lockIn_urlInvalid') };
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return { ok: false, message: t('lockIn_urlInvalid') };
  if (url.username || url.password) return { ok: false, message: t('lockIn_urlUnsafe') };
  return { ok: true, url: url.href };
}

function checkId(browser: LockInBrowser, id: string): boolean {
  return (browser === 'firefox' ? FIREFOX_ID : CHROMIUM_ID).test(id);
}

/** The lock-in file for this choice, or a message saying what is wrong (and no file). */
export function lockInFile(choice: LockInChoice): LockInOutcome {
  const { browser, system } = choice;
  const offered = protectionsFor(browser);
  const chosen = new Set([...choice.protections].filter((protection) => offered.includes(protection)));
  if (chosen.size === 0) return { ok: false, message: t('lockIn_noneChosen') };
  if (!checkId(browser, choice.extensionId)) return { ok: false, message: t('lockIn_idInvalid') };
  let installUrl: string | undefined;
  if (choice.installUrl.trim() !== '') {
    const checked = checkInstallUrl(choice.installUrl);
    if (!checked.ok) return checked;
    installUrl = checked.url;
  }
  const displayName = choice.displayName ?? t('lockIn_profileName');

  if (browser === 'firefox') {
    const text = firefoxPolicyJson(firefoxPolicies(chosen, choice.extensionId, installUrl));
    return { ok: true, file: { format: 'firefox-json', name: FIREFOX_FILE_NAME, type: 'application/json', text, place: firefoxPolicyFolder(system) } };
  }
  const policies = chromiumPolicies(browser, chosen, choice.extensionId, installUrl ?? defaultUpdateUrl(browser));
  switch (system) {
    case 'windows':
      return {
        ok: true,
        file: { format: 'reg', name: `steadfast-${browser}.reg`, type: 'text/plain', text: windowsRegFile(browser, policies), place: registryKey(browser) },
      };
    case 'mac':
      return {
        ok: true,
        file: {
          format: 'mobileconfig',
          name: `steadfast-${browser}.mobileconfig`,
          type: 'application/x-apple-aspen-config',
          text: macMobileconfig([browser], policies, displayName, choice.uuid),
          place: '',
        },
      };
    case 'linux':
      return {
        ok: true,
        file: { format: 'linux-json', name: LINUX_FILE_NAME, type: 'application/json', text: linuxPolicyJson(policies), place: linuxPolicyFolder(browser) },
      };
  }
}
