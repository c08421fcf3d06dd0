import { existsSync } from 'node:fs';
import { EXTENSION_DIR, FIREFOX } from './paths';

/** Fails early, with what to do, instead of downloading a browser or testing a stale build. */
export default function setup() {
  if (!existsSync(FIREFOX)) {
    throw new Error(
      `Firefox ESR is not installed at ${FIREFOX}. Install Debian's package: sudo apt-get install -y firefox-esr ` +
        '(or set FIREFOX_PATH; the tests never download a browser).',
    );
  }
  if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) {
    throw new Error(`No Firefox build in ${EXTENSION_DIR}. Run npm run build:firefox first (npm run test:firefox does).`);
  }
}
