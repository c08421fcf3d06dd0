// The one way Steadfast's Firefox tests and benchmarks start Debian's Firefox ESR with the Firefox
// MV3 build installed: puppeteer-core over WebDriver BiDi (it never downloads a browser), one set of
// prefs. Plain ESM, so the benchmarks (node .mjs) and the TypeScript tests (through firefox.d.mts)
// import the same file. tests/e2e-firefox/firefox.ts says what differs from Chromium.
import { randomUUID } from 'node:crypto';
import puppeteer from 'puppeteer-core';

/** Debian's Firefox ESR (`apt-get install -y firefox-esr`); FIREFOX_PATH overrides. */
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** `browser_specific_settings.gecko.id` in wxt.config.ts. */
export const ADDON_ID = 'steadfast@steadfast.invalid';

/**
 * Starts Firefox ESR headless with a fresh profile, `hosts` resolved to 127.0.0.1 and Firefox's own
 * connections off, and installs the build in `extension`. The extension's origin is fixed for the
 * launch (`extensions.webextensions.uuids`), so `origin` is known before any page opens.
 */
export async function launchFirefox({ extension, hosts = [], prefs = {} }) {
  const uuid = randomUUID();
  const origin = `moz-extension://${uuid}`;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      'network.dns.localDomains': hosts.join(','),
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
      // No connections of Firefox's own beyond those puppeteer's profile already turns off.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'network.trr.mode': 5,
      ...prefs,
    },
  });
  try {
    const id = await browser.installExtension(extension);
    if (id !== ADDON_ID) throw new Error(`Installed as ${id}, expected ${ADDON_ID}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return { browser, origin };
}
