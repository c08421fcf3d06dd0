import { resolve } from 'node:path';

/** Debian's Chromium binary itself: the /usr/bin/chromium wrapper adds flags of its own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
/** The production build; STEADFAST_EXTENSION_DIR points elsewhere, e.g. at a copy no concurrent build replaces. */
export const EXTENSION_DIR = process.env.STEADFAST_EXTENSION_DIR ?? resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const OUTPUT_DIR = resolve(import.meta.dirname, '../../test-output');
