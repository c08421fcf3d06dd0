import type { BrowserContext } from 'playwright-core';

export const CHROMIUM: string;
export function newProfile(prefix?: string, preferences?: Record<string, unknown>): string;
export function removeProfile(profile: string): void;
export function hostRules(hosts: Record<string, number>): string;

export interface FlagOptions {
  /** Unpacked extension folders to load (and no other extension). */
  extensions?: string[];
  /** Name patterns sent to 127.0.0.1 at a port; every other name resolves nowhere. */
  hosts?: Record<string, number>;
}
export function chromiumFlags(options?: FlagOptions): string[];

export interface LaunchOptions extends FlagOptions {
  args?: string[];
  env?: Record<string, string>;
  locale?: string;
  viewport?: { width: number; height: number };
  backForwardCache?: boolean;
}
export function launchChromium(profile: string, options?: LaunchOptions): Promise<BrowserContext>;
export function chromiumCommandLine(profile: string, options?: FlagOptions & { args?: string[] }): string[];
