import tokens from './format-tokens.json';
import type { LockInBrowser, LockInSystem } from './policies';

/**
 * Which browser and system the lock-in page starts with. Only a first guess: the page lets the
 * person change both. Inputs are what an extension can read without a permission:
 * `runtime.getPlatformInfo().os` ("win", "mac", "linux", "cros", "android", "openbsd", "fuchsia"),
 * `runtime.getBrowserInfo().name` in Firefox, and `navigator.userAgentData.brands` in Chromium
 * browsers (Chrome brands itself "Google Chrome", Edge "Microsoft Edge", every one "Chromium").
 */

export interface BrowserClues {
  /** The build's family: WXT's `import.meta.env.BROWSER` ("firefox" or "chrome"). */
  family: 'chrome' | 'firefox';
  brands?: readonly { brand: string }[];
  /** `runtime.getBrowserInfo().name`, Firefox only. */
  firefoxName?: string;
}

export function detectBrowser(clues: BrowserClues): LockInBrowser {
  if (clues.family === 'firefox' || clues.firefoxName !== undefined) return 'firefox';
  const brands = new Set((clues.brands ?? []).map((entry) => entry.brand));
  if (brands.has(tokens.brands.edge)) return 'edge';
  if (brands.has(tokens.brands.chrome)) return 'chrome';
  // Chromium alone, or a browser that names none of these (its steps are Chromium's, changeable).
  if (brands.has(tokens.brands.chromium)) return 'chromium';
  return 'chrome';
}

/** The system, or undefined where browser policies are not set by a file (ChromeOS, Android, ...). */
export function detectSystem(os: string | undefined): LockInSystem | undefined {
  if (os === 'win') return 'windows';
  if (os === 'mac') return 'mac';
  if (os === 'linux' || os === 'openbsd') return 'linux';
  return undefined;
}

export interface DetectApis {
  getPlatformInfo(): Promise<{ os: string }>;
  getBrowserInfo?: () => Promise<{ name: string }>;
  brands?: readonly { brand: string }[];
}

/** Asks the browser; whatever fails leaves that guess to the person. */
export async function readBrowserClues(family: 'chrome' | 'firefox', apis: DetectApis): Promise<{ browser: LockInBrowser; system: LockInSystem | undefined }> {
  const [platform, info] = await Promise.all([
    apis.getPlatformInfo().catch(() => undefined),
    family === 'firefox' && apis.getBrowserInfo ? apis.getBrowserInfo().catch(() => undefined) : Promise.resolve(undefined),
  ]);
  return { browser: detectBrowser({ family, brands: apis.brands, firefoxName: info?.name }), system: detectSystem(platform?.os) };
}
