import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { closeAll, launchSteadfast, type Steadfast } from './browser';
import { EXTENSION_DIR } from './paths';
import { pngSize } from './png';
import { TestServer } from './test-server';

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
}
const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Manifest;

let server: TestServer;
let app: Steadfast;
let page: Page;

beforeAll(async () => {
  server = await new TestServer().start();
  app = await launchSteadfast(server.port);
  page = await app.context.newPage();
});

afterAll(() => closeAll(app, server));

test('"Your privacy" at the foot of My recovery opens the privacy page, with help one click away', async () => {
  await page.goto(app.url('options.html'));
  await page.getByRole('contentinfo').getByRole('link', { name: 'Your privacy' }).click();
  await page.waitForURL((u) => u.pathname === '/privacy.html');
  expect(await page.title()).toBe('Your privacy · Steadfast');
  await page.getByRole('heading', { level: 1, name: 'Your privacy' }).waitFor();
  await page.getByRole('link', { name: 'Get help now' }).click();
  await page.waitForURL((u) => u.pathname === '/help.html');
});

test('the privacy page explains every permission the built extension asks for, the optional one too', async () => {
  await page.goto(app.url('privacy.html'));
  const explained = await page.locator('.permissions dt').allInnerTexts();
  const asked = [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? []), ...(manifest.optional_permissions ?? [])];
  expect(asked.length).toBeGreaterThan(0);
  expect(explained.sort()).toEqual(asked.sort());
  // Words, not catalogue keys: the page's messages loaded.
  for (const why of await page.locator('.permissions dd').allInnerTexts()) expect(why).toMatch(/^[A-Z].{20,}[.]$/);
});

test('the manifest lists every icon size, and the toolbar button has its own', () => {
  // Chrome: 16, 32, 48, 128; Firefox AMO: 48, 96.
  expect(Object.keys(manifest.icons ?? {}).sort((a, b) => Number(a) - Number(b))).toEqual(['16', '32', '48', '96', '128']);
  for (const [size, file] of Object.entries(manifest.icons ?? {})) {
    expect(pngSize(join(EXTENSION_DIR, file))).toEqual({ width: Number(size), height: Number(size) });
  }
  expect(Object.keys(manifest.action?.default_icon ?? {})).toEqual(['16', '32', '48']);
});
