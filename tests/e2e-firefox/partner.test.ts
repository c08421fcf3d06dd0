/*
 * The partner lock in Firefox (issue 21, part 3): with it on, removing a trigger waits the long
 * wait (7 days), not the cooling-off; the release code lets it through at once, and the site loads.
 * The code is hashed with Firefox's own WebCrypto (PBKDF2, 600,000 iterations).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { TestServer } from '../e2e/test-server';
import { buttonNamed, controlLabelled, launchSteadfastInFirefox, openAddress, poll, waitForRuleFor, waitForText, type SteadfastFirefox } from './firefox';

const SITE = 'other.test';
let server: TestServer;
let app: SteadfastFirefox;

interface Ext {
  browser: { storage: { local: { set(v: object): Promise<void>; get(k: null): Promise<Record<string, unknown>> } } };
}

beforeAll(async () => {
  server = await new TestServer().start();
  app = await launchSteadfastInFirefox();
  // "My recovery" has drawn (its extension APIs are there) before the test writes through them.
  await controlLabelled(app.options, 'Trigger site');
  // A trigger added two days ago, in Block mode: removing it is a loosening change.
  await app.options.evaluate((host) => {
    const { browser } = globalThis as unknown as Ext;
    return browser.storage.local.set({
      triggers: [{ id: 'old', kind: 'site', mode: 'block', display: host, host, addedAt: Date.now() - 2 * 86_400_000 }],
      triggers$: { v: 2 },
    });
  }, SITE);
  await waitForRuleFor(app.options, SITE);
  await waitForText(app.options, '.trigger-list', SITE);
});

afterAll(async () => {
  await app?.close();
  await server?.stop();
});

test('with the lock on a removal waits 7 days; the release code removes it at once and the site loads', async () => {
  const { options } = app;
  await (await buttonNamed(options, 'Turn on and make a release code')).click();
  const code = (await waitForText(options, '#release-code', '-', 20_000)).trim();
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  const stored = await options.evaluate(async () => JSON.stringify(await (globalThis as unknown as Ext).browser.storage.local.get(null)));
  expect(stored).toContain('"iterations":600000');
  expect(stored).not.toContain(code.replace(/-/g, ''));

  await (await buttonNamed(options, `Remove ${SITE}`)).click();
  await waitForText(options, '.trigger-list', 'removing in 7 d');

  await (await controlLabelled(options, 'Enter the release code')).type(code);
  await (await buttonNamed(options, 'Use the code')).click();
  await poll(
    async () => ((await options.evaluate(() => document.querySelector('.trigger-list')?.textContent ?? '')).includes('other.test') ? undefined : true),
    20_000,
    () => 'the trigger to go',
  );

  // The rule for the site goes with it (read from Steadfast's own page), then the site loads.
  await poll(
    async () => {
      const rules = await options.evaluate(() =>
        (
          globalThis as unknown as { browser: { declarativeNetRequest: { getDynamicRules(): Promise<object[]> } } }
        ).browser.declarativeNetRequest.getDynamicRules(),
      );
      return JSON.stringify(rules).includes(SITE) ? undefined : true;
    },
    10_000,
    () => `no rule for ${SITE}`,
  );
  const page = await app.browser.newPage();
  await openAddress(page, `http://${SITE}:${server.port}/reading`);
  await waitForText(page, '#real-page', SITE);
  expect(server.requestsTo(SITE)).toBeGreaterThan(0);
  await page.close();
});
