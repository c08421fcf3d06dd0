// Rasterises Steadfast's mark (.ci/icon/icon.svg) into the PNGs the browsers and stores ask for,
// public/icon/<size>.png, which WXT puts into the manifest. The SVG is the source; the PNGs are
// committed so a build needs no browser, and are regenerated, never edited by hand.
//
//   npm run icons
//
// Chrome: 16, 32 (toolbar), 48 (extensions page), 128 (install dialog and the Web Store, whose
// guidance is 96×96 artwork with 16 px of transparent padding). Firefox AMO: 48 and 96.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '../..');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const SIZES = [16, 32, 48, 96, 128];
/** Transparent padding on each side, as a share of the size. */
const padding = (size) => (size === 128 ? 16 / 128 : 0);

if (!existsSync(executablePath)) {
  console.error(`Chromium is not at ${executablePath}: apt-get install -y chromium`);
  process.exit(1);
}

const svg = readFileSync(join(root, '.ci/icon/icon.svg'));
const source = `data:image/svg+xml;base64,${svg.toString('base64')}`;
const out = join(root, 'public/icon');
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath, headless: true, args: ['--disable-gpu', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])] });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const inset = Math.round(size * padding(size));
    const art = size - 2 * inset;
    // As an <img>, the SVG's own media queries see its drawn size, so small icons drop the detail.
    await page.setContent(
      `<html style="background:transparent"><body style="margin:0;padding:${inset}px"><img src="${source}" width="${art}" height="${art}" style="display:block"></body></html>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    writeFileSync(join(out, `${size}.png`), png);
    console.log(`public/icon/${size}.png  ${size}×${size}  ${png.length} bytes`);
    await page.close();
  }
} finally {
  await browser.close();
}
