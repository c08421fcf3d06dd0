import { existsSync } from 'node:fs';
import { CHROMIUM, EXTENSION_DIR } from './paths';

/** Fails early, with what to do, instead of downloading a browser or testing a stale build. */
export default function setup() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}. Install Debian's package: sudo apt-get install -y chromium ` + '(the tests never download a browser).',
    );
  }
  if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) {
    throw new Error(`No production build in ${EXTENSION_DIR}. Run npm run build first (npm test does).`);
  }
}
