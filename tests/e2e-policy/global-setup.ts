import { existsSync, rmSync } from 'node:fs';
import { CHROMIUM, EXTENSION_DIR as CHROMIUM_BUILD } from '../e2e/paths';
import { EXTENSION_DIR as FIREFOX_BUILD, FIREFOX } from '../e2e-firefox/paths';
import { cannotRunBecause, leftoverTestFiles } from './policy-folders';

/**
 * Before: fails at once, saying why, where these tests cannot run (not root); removes any policy
 * file a crashed earlier run of these tests left in the machine's folders (only files named
 * `steadfast-test-*`, or Firefox's file carrying the tests' marker). After: fails if any is left.
 */
export default function setup() {
  const why = cannotRunBecause();
  if (why) throw new Error(`The policy tests cannot run: ${why}`);
  for (const [path, what] of [
    [CHROMIUM, 'Chromium (sudo apt-get install -y chromium)'],
    [FIREFOX, 'Firefox ESR (sudo apt-get install -y firefox-esr)'],
    [`${CHROMIUM_BUILD}/manifest.json`, 'the Chromium build (npm run build)'],
    [`${FIREFOX_BUILD}/manifest.json`, 'the Firefox build (npm run build:firefox)'],
  ] as const) {
    if (!existsSync(path)) throw new Error(`The policy tests need ${what}: ${path} is missing.`);
  }
  for (const leftover of leftoverTestFiles()) {
    console.warn(`Removing ${leftover}, left by an earlier run of the policy tests`);
    rmSync(leftover, { force: true });
  }
  return () => {
    const left = leftoverTestFiles();
    if (left.length > 0) throw new Error(`The policy tests left files behind: ${left.join(', ')}`);
  };
}
