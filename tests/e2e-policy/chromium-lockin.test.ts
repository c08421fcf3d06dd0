import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { lockInFile } from '../../lib/lockin/lockin-file';
import { protectionsFor } from '../../lib/lockin/policies';
import { CHROMIUM, EXTENSION_DIR } from '../e2e/paths';
import { waitForRuleFor } from '../e2e/browser';
import { TestServer } from '../e2e/test-server';
import { packExtension, updateManifest, type Packed } from './crx';
import { LOCKED_IN } from './words';
import { CHROMIUM_POLICY_DIR, leftoverTestFiles, policyFolders, TEST_FILE_PREFIX, type PolicyFolders } from './policy-folders';

/**
 * Steadfast locked in on Chromium as a person would do it on Linux: a managed policy file that
 * force-installs the packed extension from an update address, turns private windows off and closes
 * guest windows and new profiles. Nothing loads the extension from a folder: Chromium fetches it
 * through the policy, or the test fails.
 */
let server: TestServer;
let work: string;
let folders: PolicyFolders | undefined;
let packed: Packed;
let context: BrowserContext | undefined;
let worker: Worker;
/** The lock-in page's file, parsed: policy name to value. */
let generated: Record<string, unknown>;

const url = (path: string) => `chrome-extension://${packed.id}/${path}`;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'steadfast-policy-chromium-'));
  server = await new TestServer().start();
  packed = await packExtension(CHROMIUM, EXTENSION_DIR, work);
  const base = `http://127.0.0.1:${server.port}`;
  server
    .serve('/steadfast.crx', { body: packed.crx, type: 'application/x-chrome-extension' })
    .serve('/updates.xml', { body: updateManifest(packed.id, packed.version, `${base}/steadfast.crx`), type: 'application/xml' });

  // The file the lock-in page makes for Chromium on Linux with every protection ticked, naming
  // this build's id and the local update address, written as the person would save it.
  const made = lockInFile({
    browser: 'chromium',
    system: 'linux',
    protections: new Set(protectionsFor('chromium')),
    extensionId: packed.id,
    installUrl: `${base}/updates.xml`,
    displayName: 'Steadfast',
  });
  if (!made.ok) throw new Error(made.message);
  expect(made.file.place).toBe(`${CHROMIUM_POLICY_DIR}/`);
  generated = JSON.parse(made.file.text) as Record<string, unknown>;

  folders = policyFolders();
  const name = `${TEST_FILE_PREFIX}${randomBytes(6).toString('hex')}`;
  folders.write(join(CHROMIUM_POLICY_DIR, `${name}.json`), made.file.text);
  // Chromium merges every file in the folder. The test's own needs go in a second file: automation
  // may reach a policy-installed extension only when developer tools are allowed; and Edge's name
  // for "no new profiles", to show that Chromium does not know it.
  folders.write(join(CHROMIUM_POLICY_DIR, `${name}-automation.json`), JSON.stringify({ DeveloperToolsAvailability: 1, BrowserAddProfileEnabled: false }));

  context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: folders.executable(CHROMIUM),
    headless: true,
    // Playwright's defaults would stop Chromium installing any extension, and fetching the update manifest.
    ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking', '--disable-component-extensions-with-background-pages'],
    args: [
      `--host-resolver-rules=MAP *.test 127.0.0.1:${server.port}`,
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  context.setDefaultTimeout(15_000);
  // The install happens in seconds; on a busy two-core machine it is given a minute.
  worker =
    context.serviceWorkers().find((w) => w.url().startsWith(url(''))) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(url('')), timeout: 60_000 }));
}, 120_000);

afterAll(async () => {
  try {
    await context?.close();
    await server?.stop();
  } finally {
    folders?.remove();
    rmSync(work, { recursive: true, force: true });
  }
  expect(leftoverTestFiles()).toEqual([]);
});

async function extensionPage(path: string): Promise<Page> {
  const page = await context!.newPage();
  await page.goto(url(path));
  return page;
}

interface ChromeGlobal {
  chrome: {
    management: { getSelf(): Promise<{ installType: string; mayDisable: boolean; id: string }> };
    windows: { create(data: { incognito: boolean; url?: string }): Promise<unknown> };
  };
}

test('precondition: Chromium installed Steadfast by the policy, fetched from the update address, not from a folder', async () => {
  expect(new URL(worker.url()).host).toBe(packed.id);
  const requests = server.requestsSeenAt('127.0.0.1');
  expect(requests.some((request) => request.startsWith('127.0.0.1/updates.xml?'))).toBe(true);
  expect(requests).toContain('127.0.0.1/steadfast.crx');
  const about = await context!.newPage();
  await about.goto('chrome://version');
  const commandLine = await about.locator('#command_line').innerText();
  expect(commandLine).toContain('--remote-debugging-pipe');
  expect(commandLine).not.toContain('--load-extension');
  expect(commandLine).not.toContain('--disable-extensions');
  await about.close();
});

test('Steadfast sees it was installed by the browser settings and cannot be switched off', async () => {
  const page = await extensionPage('popup.html');
  const self = await page.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.management.getSelf());
  expect(self).toMatchObject({ id: packed.id, installType: 'admin', mayDisable: false });
  await page.close();
});

test('a private window cannot be opened', async () => {
  const page = await extensionPage('popup.html');
  const result = await page.evaluate(() =>
    (globalThis as unknown as ChromeGlobal).chrome.windows.create({ incognito: true, url: 'about:blank' }).then(
      () => 'opened',
      (e: Error) => e.message,
    ),
  );
  expect(result).toBe('Incognito mode is disabled.');
  await page.close();
});

test("chrome://policy shows every protection in the lock-in page's file applied; Edge's BrowserAddProfileEnabled is unknown to Chromium", async () => {
  const page = await context!.newPage();
  await page.goto('chrome://policy');
  await page.getByText('ExtensionInstallForcelist', { exact: true }).first().waitFor();
  const shown = await policiesShown(page);
  const at = (name: string) => shown.find((policy) => policy.name === name);
  // Force-install, no private windows, no guest windows, no new profiles ("add person").
  expect(Object.keys(generated).sort()).toEqual([
    'BrowserAddPersonEnabled',
    'BrowserGuestModeEnabled',
    'ExtensionInstallForcelist',
    'IncognitoModeAvailability',
  ]);
  expect(generated.ExtensionInstallForcelist).toEqual([`${packed.id};http://127.0.0.1:${server.port}/updates.xml`]);
  for (const [name, value] of Object.entries(generated)) {
    expect(at(name), name).toMatchObject({ value: JSON.stringify(value), status: 'OK', error: '' });
  }
  expect(at('DeveloperToolsAvailability')).toMatchObject({ value: '1', status: 'OK', error: '' });
  expect(at('BrowserAddProfileEnabled')).toMatchObject({ value: 'false', status: 'Error', error: 'Unknown policy.' });
  await page.close();
});

test('the popup says Steadfast is locked in', async () => {
  const page = await extensionPage('popup.html');
  await page.getByText(LOCKED_IN, { exact: true }).waitFor();
  await page.close();
});

/** Every policy chrome://policy shows in its first table, as text: name, value, status and error (its rows are in shadow roots). */
async function policiesShown(page: Page): Promise<{ name: string; value: string; status: string; error: string }[]> {
  return page.evaluate(() => {
    const rows: Element[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.tagName === 'POLICY-ROW') rows.push(element);
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(document);
    const text = (row: Element, selector: string) => row.shadowRoot?.querySelector(selector)?.textContent?.trim() ?? '';
    return rows.map((row) => ({
      name: text(row, '.policy.row .name'),
      value: text(row, '.policy.row .value'),
      status: text(row, '.policy.row .messages'),
      error: text(row, '.errors.row .value'),
    }));
  });
}

test('locked in, Steadfast still pauses a trigger site', async () => {
  const options = await extensionPage('options.html');
  await options.getByRole('textbox', { name: /trigger site/i }).fill('trigger.test');
  await options.getByRole('button', { name: 'Add', exact: true }).click();
  await waitForRuleFor(worker, 'trigger.test');
  const page = await context!.newPage();
  await page.goto('http://www.trigger.test/');
  await page.waitForURL((at) => at.protocol === 'chrome-extension:' && at.pathname === '/pause.html');
  expect(server.requestsTo('trigger.test')).toBe(0);
  await Promise.all([page.close(), options.close()]);
});
