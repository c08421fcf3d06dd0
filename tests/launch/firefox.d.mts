import type { Browser } from 'puppeteer-core';

export const FIREFOX: string;
export const ADDON_ID: string;
export function launchFirefox(options: { extension: string; hosts?: string[]; prefs?: Record<string, unknown> }): Promise<{ browser: Browser; origin: string }>;
