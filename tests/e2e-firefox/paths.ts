import { resolve } from 'node:path';

// Debian's Firefox ESR (FIREFOX_PATH overrides) and the add-on's id, from the one launcher.
export { ADDON_ID, FIREFOX } from '../launch/firefox.mjs';
/** The Firefox MV3 production build (`npm run build:firefox`). */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv3');
