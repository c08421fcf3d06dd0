import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { lockInFile } from '../../lib/lockin/lockin-file';
import { protectionsFor } from '../../lib/lockin/policies';
import { TestServer } from '../e2e/test-server';
import {
  addTriggerThroughOptions,
  hasHostAccess,
  locationOf,
  openAddress,
  poll,
  TEST_HOSTS,
  waitForLocation,
  waitForRuleFor,
  waitForText,
} from '../e2e-firefox/firefox';
import { ADDON_ID, EXTENSION_DIR, FIREFOX } from '../e2e-firefox/paths';
import { FIREFOX_POLICY_FILE, FIREFOX_TEST_MARKER, leftoverTestFiles, policyFolders, type PolicyFolders } from './policy-folders';
import { LOCKED_IN } from './words';
import { zipFolder } from './xpi';

/**
 * Steadfast locked in on Firefox ESR as a person would do it on Linux: /etc/firefox/policies/policies.json
 * force-installs it from an address (`ExtensionSettings`), lets it run in private windows, and
 * turns private windows off. Nothing installs it but the policy: the test never calls
 * `installExtension`.
 */
let server: TestServer;
let folders: PolicyFolders | undefined;
let browser: Browser | undefined;
let extensionTab: Page;
/** The lock-in page's policies.json, parsed. */
let generated: { policies: Record<string, unknown> };
const uuid = randomUUID();
const origin = `moz-extension://${uuid}`;

beforeAll(async () => {
  server = await new TestServer().start();
  server.serve('/steadfast.xpi', { body: zipFolder(EXTENSION_DIR), type: 'application/x-xpinstall' });
  // The file the lock-in page makes for Firefox on Linux with every protection ticked, naming the
  // add-on's id and the local install address; it goes where the page says.
  const made = lockInFile({
    browser: 'firefox',
    system: 'linux',
    protections: new Set(protectionsFor('firefox')),
    extensionId: ADDON_ID,
    installUrl: `http://127.0.0.1:${server.port}/steadfast.xpi`,
    displayName: 'Steadfast',
  });
  if (!made.ok) throw new Error(made.message);
  expect(join(made.file.place, made.file.name)).toBe(FIREFOX_POLICY_FILE);
  generated = JSON.parse(made.file.text) as typeof generated;
  folders = policyFolders();
  // Marked as this test's (Firefox reads only `policies`), so a crashed run's file can be told apart.
  folders.write(FIREFOX_POLICY_FILE, JSON.stringify({ ...generated, [FIREFOX_TEST_MARKER]: uuid }));
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: folders.executable(FIREFOX),
    headless: true,
    extraPrefsFirefox: {
      'network.dns.localDomains': TEST_HOSTS.join(','),
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
      // Firefox ESR (not release) honours this: the test's build is not signed by Mozilla.
      'xpinstall.signatures.required': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'network.trr.mode': 5,
    },
  });
  // A first install opens the welcome page; the policy install takes seconds, a minute is allowed.
  extensionTab = await poll(
    async () => {
      for (const page of await browser!.pages()) {
        if ((await locationOf(page).catch(() => '')) === `${origin}/welcome.html`) return page;
      }
      return undefined;
    },
    60_000,
    () => `Steadfast to be installed by the policy and open its welcome page (requests seen: ${server.requestsSeenAt('127.0.0.1').join(', ')})`,
  );
}, 180_000);

afterAll(async () => {
  try {
    await browser?.close();
    await server?.stop();
  } finally {
    folders?.remove();
  }
  expect(leftoverTestFiles()).toEqual([]);
});

interface ExtensionGlobal {
  browser: {
    management: { getSelf(): Promise<{ id: string; installType: string; mayDisable?: boolean }> };
    windows: { create(data: { incognito: boolean; url?: string }): Promise<unknown> };
    extension: { isAllowedIncognitoAccess(): Promise<boolean> };
  };
}

test("precondition: Firefox installed Steadfast from the address the lock-in page's file names", () => {
  expect(generated.policies).toEqual({
    ExtensionSettings: {
      [ADDON_ID]: { installation_mode: 'force_installed', install_url: `http://127.0.0.1:${server.port}/steadfast.xpi`, private_browsing: true },
    },
    PrivateBrowsingModeAvailability: 1,
  });
  expect(server.requestsSeenAt('127.0.0.1')).toContain('127.0.0.1/steadfast.xpi');
});

test('Steadfast sees it was installed by the browser settings and cannot be switched off', async () => {
  const self = await extensionTab.evaluate(() => (globalThis as unknown as ExtensionGlobal).browser.management.getSelf());
  expect(self).toMatchObject({ id: ADDON_ID, installType: 'admin', mayDisable: false });
});

test('it is allowed in private windows, and private windows cannot be opened', async () => {
  expect(await extensionTab.evaluate(() => (globalThis as unknown as ExtensionGlobal).browser.extension.isAllowedIncognitoAccess())).toBe(true);
  const result = await extensionTab.evaluate(() =>
    (globalThis as unknown as ExtensionGlobal).browser.windows.create({ incognito: true, url: 'about:blank' }).then(
      () => 'opened',
      (e: Error) => e.message,
    ),
  );
  expect(result).toBe('`incognito` cannot be used if incognito mode is disabled');
});

test('the popup says Steadfast is locked in', async () => {
  // A test cannot `goto` a moz-extension:// page; an extension page may open another of its own.
  await extensionTab.evaluate(() => {
    location.href = '/popup.html';
  });
  await waitForLocation(extensionTab, `${origin}/popup.html`);
  await waitForText(extensionTab, 'body', LOCKED_IN);
});

test('locked in, Steadfast still pauses a trigger site', async () => {
  await extensionTab.evaluate(() => {
    location.href = '/options.html';
  });
  await waitForLocation(extensionTab, `${origin}/options.html`);
  // Firefox MV3 host permissions are optional; without them the redirect is silently ignored.
  expect(await hasHostAccess(extensionTab)).toBe(true);
  await addTriggerThroughOptions(extensionTab, 'trigger.test');
  await waitForRuleFor(extensionTab, 'trigger.test');
  const page = await browser!.newPage();
  const url = `http://www.trigger.test:${server.port}/`;
  await openAddress(page, url);
  await waitForLocation(page, `${origin}/pause.html#${url}`);
  expect(server.requestsTo('trigger.test')).toBe(0);
  await page.close();
});
