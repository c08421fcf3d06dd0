/*
 * Automatic backups in Firefox ESR, with the shipped build: the person's click asks for the
 * optional `downloads` permission through `permissions.request`. Firefox's own switch
 * `extensions.webextOptionalPermissionPrompts` = false (the one its own tests use) grants such a
 * request without showing the prompt, which automation cannot answer; everything after that is
 * what a person gets: the background page saves the file from a blob: URL into the Downloads
 * folder's Steadfast folder, and turning it off gives the permission back and leaves the file.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { controlLabelled, launchSteadfastInFirefox, waitForText, type SteadfastFirefox } from './firefox';

const downloads = mkdtempSync(join(tmpdir(), 'steadfast-ff-downloads-'));
let firefox: SteadfastFirefox;

beforeAll(async () => {
  firefox = await launchSteadfastInFirefox({
    'extensions.webextOptionalPermissionPrompts': false,
    'browser.download.dir': downloads,
    'browser.download.folderList': 2,
    'browser.download.useDownloadDir': true,
  });
});

afterAll(async () => {
  await firefox?.close();
  rmSync(downloads, { recursive: true, force: true });
});

const hasDownloads = () =>
  firefox.options.evaluate(() =>
    (globalThis as unknown as { browser: { permissions: { contains(p: object): Promise<boolean> } } }).browser.permissions.contains({
      permissions: ['downloads'],
    }),
  );

/** Polls until `find` returns something. */
async function eventually<T>(find: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() - start > timeoutMs) throw new Error(`Waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('switched on by a click, the permission is asked for and granted, and the backup file lands in Downloads/Steadfast; switched off, the permission goes back and the file stays', async () => {
  const { options } = firefox;
  expect(await hasDownloads()).toBe(false);
  const toggle = await controlLabelled(options, 'Save a backup to my Downloads folder every week and after big changes');
  await toggle.click();
  await waitForText(options, '.auto-backup [role="status"]', 'The last one was saved on', 30_000);
  expect(await hasDownloads()).toBe(true);

  const folder = join(downloads, 'Steadfast');
  const name = await eventually(() => (existsSync(folder) ? readdirSync(folder).find((f) => f.endsWith('.json')) : undefined), 'the backup file');
  expect(name).toMatch(/^steadfast-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = join(folder, name);
  const backup = await eventually(() => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as { format: string; version: number };
    } catch {
      return undefined; // Still being written.
    }
  }, 'the whole file');
  expect(backup).toMatchObject({ format: 'steadfast-backup', version: 4 });

  await toggle.click();
  await waitForText(options, '.auto-backup [role="status"]', 'files already saved stay', 15_000);
  expect(await hasDownloads()).toBe(false);
  expect(readdirSync(folder)).toEqual([name]);
}, 120_000);
