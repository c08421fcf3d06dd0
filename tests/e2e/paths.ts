import { resolve } from 'node:path';

/** Debian's Chromium binary itself: the /usr/bin/chromium wrapper adds flags of its own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const OUTPUT_DIR = resolve(import.meta.dirname, '../../test-output');
