import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import catalogue from '../../public/_locales/en/messages.json';
import { closeAll, launchSteadfast, type Steadfast } from './browser';
import { fillRecovery, PAGES, type ExtensionPage } from './pages';
import { OUTPUT_DIR } from './paths';
import { pngSize } from './png';
import { TestServer } from './test-server';

// The store images (RELEASING.md), drawn from the real build in a profile that looks lived in:
// 1280×800 (the Chrome Web Store's size; AMO takes any), light and dark, and the Web Store's
// 440×280 small promotional tile. Regenerated on every run, never edited by hand.
const SCREENSHOTS = join(OUTPUT_DIR, 'screenshots');
const STORE = { width: 1280, height: 800 };
const TILE = { width: 440, height: 280 };
/** The popup is drawn larger than life so it reads in a store's scaled-down gallery. */
const POPUP_SCALE = 1.5;
const POPUP_HEIGHT = 480;

let server: TestServer;
let app: Steadfast;
let page: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await new TestServer().start();
  app = await launchSteadfast(server.port);
  page = await app.context.newPage();
  await fillRecovery(app, page);
});

afterAll(() => closeAll(app, server));

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
const palette = {
  light: { bg: '#f6f4ef', ground: '#e3efeb', text: '#1f2a2e', muted: '#4f5d62' },
  dark: { bg: '#141a1c', ground: '#1e2629', text: '#e7ecea', muted: '#aab6b3' },
};

/**
 * A layout of our own around a picture (the popup, the tile): set on a blank page, not an
 * extension page, from the catalogue's words and the committed icon, so nothing is hand-drawn.
 */
async function compose(size: { width: number; height: number }, colorScheme: 'light' | 'dark', body: string): Promise<Buffer> {
  const canvas = await app.context.newPage();
  try {
    await canvas.setViewportSize(size);
    const colours = palette[colorScheme];
    await canvas.setContent(
      `<!doctype html><html><body style="margin:0;width:${size.width}px;height:${size.height}px;background:${colours.bg};color:${colours.text};` +
        `font-family:system-ui,sans-serif;display:flex;align-items:center;justify-content:center;gap:64px;overflow:hidden">${body}</body></html>`,
    );
    await canvas.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
    return await canvas.screenshot();
  } finally {
    await canvas.close();
  }
}

const ICON = dataUrl(readFileSync(join(import.meta.dirname, '../../public/icon/128.png')));
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The popup as it opens from the toolbar, beside Steadfast's name and what it does. */
async function popupScreenshot(entry: ExtensionPage, colorScheme: 'light' | 'dark'): Promise<Buffer> {
  const width = Math.round(320 * POPUP_SCALE); // the popup's 20rem
  const height = Math.round(POPUP_HEIGHT * POPUP_SCALE);
  await page.setViewportSize({ width, height });
  await entry.open(page, app);
  // Zoomed as the browser's own zoom would (crisp text), not a small picture stretched.
  await page.evaluate((scale) => (document.documentElement.style.zoom = String(scale)), POPUP_SCALE);
  const popup = await page.screenshot();
  const colours = palette[colorScheme];
  return compose(
    STORE,
    colorScheme,
    `<div style="max-width:420px"><img src="${ICON}" width="96" height="96" alt="">` +
      `<p style="font-size:44px;font-weight:700;margin:16px 0 8px">${escape(catalogue.extName.message)}</p>` +
      `<p style="font-size:22px;line-height:1.45;color:${colours.muted};margin:0">${escape(catalogue.extDescription.message)}</p></div>` +
      `<img src="${dataUrl(popup)}" width="${width}" height="${height}" alt="" ` +
      `style="border-radius:12px;box-shadow:0 12px 40px #0005;outline:1px solid ${colours.ground}">`,
  );
}

function save(file: string, png: Buffer): string {
  const path = join(SCREENSHOTS, file);
  writeFileSync(path, png);
  return path;
}

describe.each(['light', 'dark'] as const)('%s', (colorScheme) => {
  beforeAll(async () => {
    await page.emulateMedia({ colorScheme });
  });

  test.each(PAGES.map((entry) => [entry.name, entry] as const))('store-%s-' + colorScheme + '.png', async (name, entry) => {
    let png: Buffer;
    if (entry.popup) {
      png = await popupScreenshot(entry, colorScheme);
    } else {
      await page.setViewportSize(STORE);
      await entry.open(page, app);
      png = await page.screenshot();
    }
    const path = save(`store-${name}-${colorScheme}.png`, png);
    expect(pngSize(path)).toEqual(STORE);
  });
});

test('store-tile-440x280.png: the Web Store small promotional tile', async () => {
  const colours = palette.light;
  const png = await compose(
    TILE,
    'light',
    `<img src="${ICON}" width="96" height="96" alt="" style="margin-right:-40px">` +
      `<div style="width:240px"><p style="font-size:34px;font-weight:700;margin:0 0 6px">${escape(catalogue.extName.message)}</p>` +
      `<p style="font-size:15px;line-height:1.4;color:${colours.muted};margin:0">${escape(catalogue.extDescription.message)}</p></div>`,
  );
  const path = save('store-tile-440x280.png', png);
  expect(pngSize(path)).toEqual(TILE);
});
