// What the extension-page benchmarks (popup, progress) share: the build and browser they need, a
// Chromium profile with the production build loaded, the gzipped weight of a page, the floor every
// extension page pays, and medians. Plain .mjs, run by node: the e2e helpers in tests/ are TypeScript.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM as executablePath, launchChromium, newProfile, removeProfile } from '../tests/launch/chromium.mjs';

export const extension = join(resolve(import.meta.dirname, '..'), '.output/chrome-mv3');

/** `--smoke` (one open, for CI) or `--opens N`. */
export function opensFromArgs(fallback, argv = process.argv) {
  if (argv.includes('--smoke')) return 1;
  const at = argv.indexOf('--opens');
  return at > 0 ? Number(argv[at + 1]) : fallback;
}

/** Stops with a message a person can act on when the build or the browser is missing. */
export function requireBuildAndBrowser() {
  if (!existsSync(join(extension, 'manifest.json'))) {
    console.error('No production build in .output/chrome-mv3: run `npm run build` first.');
    process.exit(1);
  }
  if (!existsSync(executablePath)) {
    console.error(`Chromium is not at ${executablePath}: apt-get install -y chromium`);
    process.exit(1);
  }
}

/** Gzipped size of the JavaScript (and CSS) an extension page loads before it can draw. */
export function pageWeight(page) {
  const html = readFileSync(join(extension, page), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="([^"]+\.(js|css))"/g)].map(([, path, kind]) => ({ path, kind }));
  const gz = (kind) => files.filter((f) => f.kind === kind).reduce((sum, f) => sum + gzipSync(readFileSync(join(extension, f.path))).length, 0);
  return { js: gz('js'), css: gz('css'), files: files.length };
}

export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), n: sorted.length };
}

/**
 * A fresh profile of Debian's headless Chromium with the production build loaded, launched as the
 * e2e tests launch it (tests/launch/chromium.mjs). The welcome a first install opens is closed, so it
 * cannot interrupt a measured navigation. `build`: another build's directory (an A/B run).
 */
export async function launchSteadfast(name, viewport, build = extension) {
  const profile = newProfile(`steadfast-bench-${name}-`);
  const context = await launchChromium(profile, { extensions: [build], viewport });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const welcome = `chrome-extension://${id}/welcome.html`;
  for (let waited = 0; waited < 10_000; waited += 50) {
    const opened = context.pages().find((p) => p.url() === welcome);
    if (opened) {
      await opened.close();
      break;
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  return { context, id, profile, close: async () => (await context.close(), removeProfile(profile)) };
}

/**
 * The floor: the first contentful paint of Steadfast's pause page opened the same way. Its first
 * screen is static HTML and inline CSS, so this is what any extension page costs here before a
 * line of its script runs.
 */
export async function staticFirstPaint(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  const ms = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime);
  await page.close();
  return ms;
}

/**
 * When the page's elements marked `elementtiming="<prefix>…"` painted (Element Timing's render time,
 * ms from navigation start), by name; empty when none did (a build without the marks).
 */
export function elementPaints(page, prefix) {
  return page.evaluate(
    (prefix) =>
      new Promise((done) => {
        const painted = {};
        // Buffered entries come in one callback; a page with none never calls it.
        const give = setTimeout(() => done(painted), 300);
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (e.identifier.startsWith(prefix)) painted[e.identifier] = e.renderTime || e.loadTime;
          clearTimeout(give);
          done(painted);
        }).observe({ type: 'element', buffered: true });
      }),
    prefix,
  );
}
