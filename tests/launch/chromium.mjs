// The one way Steadfast's end-to-end tests and every benchmark start Debian's Chromium: one set of
// switches, one profile shape. Plain ESM, so the benchmarks (node .mjs) and the TypeScript tests
// (through chromium.d.mts) import the same file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** Debian's Chromium binary itself: the /usr/bin/chromium wrapper adds switches of its own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

/**
 * A fresh profile with network prediction off, so request counts are exact (no preconnect to a
 * trigger host); `preferences` adds to or replaces Chromium's preferences at the top level.
 */
export function newProfile(prefix = 'steadfast-', preferences = {}) {
  const profile = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ net: { network_prediction_options: 2 }, ...preferences }));
  return profile;
}

export function removeProfile(profile) {
  rmSync(profile, { recursive: true, force: true });
}

/**
 * `--host-resolver-rules`: each name pattern to 127.0.0.1 at its port, and every other name to
 * nowhere, so a test or benchmark never leaves 127.0.0.1.
 */
export function hostRules(hosts) {
  return [...Object.entries(hosts).map(([name, port]) => `MAP ${name} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND'].join(', ');
}

/**
 * The switches of every launch: the extensions given (and no other), the local names, nothing of
 * Chromium's own on the network, and no throttling of a tab or timer in the background (Playwright
 * adds the last three itself; a launch without Playwright needs them as much).
 */
export function chromiumFlags({ extensions = [], hosts = {} } = {}) {
  return [
    ...(extensions.length > 0 ? [`--disable-extensions-except=${extensions.join(',')}`, `--load-extension=${extensions.join(',')}`] : []),
    `--host-resolver-rules=${hostRules(hosts)}`,
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
    '--disable-renderer-backgrounding',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
}

/**
 * Headless Chromium driven by Playwright with a persistent profile (extensions load only into a
 * persistent one). Options: `extensions`, `hosts` (as {@link chromiumFlags}); `args` (more
 * switches), `env`, `locale`, `viewport`, `backForwardCache` (keep it on, as in a person's browser:
 * Playwright turns it off by default).
 */
export async function launchChromium(profile, { extensions = [], hosts = {}, args = [], env, locale, viewport, backForwardCache = false } = {}) {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ...(locale ? { locale } : {}),
    ...(viewport ? { viewport } : {}),
    ...(env ? { env: { ...process.env, ...env } } : {}),
    args: [...(locale ? [`--lang=${locale}`] : []), ...chromiumFlags({ extensions, hosts }), ...args],
    ...(backForwardCache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
  });
}

/**
 * The command line for a Chromium started without Playwright (benchmarks that speak the DevTools
 * protocol themselves, tests that must not attach to pages): headless, the profile, the same
 * switches, then `args`.
 */
export function chromiumCommandLine(profile, { extensions = [], hosts = {}, args = [] } = {}) {
  return ['--headless', `--user-data-dir=${profile}`, ...chromiumFlags({ extensions, hosts }), ...args];
}
