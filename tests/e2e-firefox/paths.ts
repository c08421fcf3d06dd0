import { resolve } from 'node:path';

/** Debian's Firefox ESR (`apt-get install -y firefox-esr`); FIREFOX_PATH overrides. */
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The Firefox MV3 production build (`npm run build:firefox`). */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv3');
/** `browser_specific_settings.gecko.id` in wxt.config.ts. */
export const ADDON_ID = 'steadfast@steadfast.invalid';
