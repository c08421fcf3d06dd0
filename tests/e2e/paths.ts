import { resolve } from 'node:path';

/** Debian's Chromium binary itself (tests/launch/chromium.mjs, shared with the benchmarks). */
export { CHROMIUM } from '../launch/chromium.mjs';
/** The production build; STEADFAST_EXTENSION_DIR points elsewhere, e.g. at a copy no concurrent build replaces. */
export const EXTENSION_DIR = process.env.STEADFAST_EXTENSION_DIR ?? resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const OUTPUT_DIR = resolve(import.meta.dirname, '../../test-output');
