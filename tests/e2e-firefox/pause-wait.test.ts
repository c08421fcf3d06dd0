/*
 * The pause wait is the background's, in Firefox too (issue 15, item 7): the pause page tells the
 * background when it is shown (kept in Firefox's `storage.session`), a "Continue" sent before the
 * wait is over is refused, and the button the page offers once its countdown ends is granted.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { TestServer } from '../e2e/test-server';
import {
  addTriggerThroughOptions,
  buttonNamed,
  controlLabelled,
  launchSteadfastInFirefox,
  openAddress,
  waitForLocation,
  waitForRuleFor,
  waitForText,
  type SteadfastFirefox,
} from './firefox';

const SITE = 'other.test';
let server: TestServer;
let app: SteadfastFirefox;

beforeAll(async () => {
  server = await new TestServer().start();
  app = await launchSteadfastInFirefox();
  await addTriggerThroughOptions(app.options, SITE);
  await waitForText(app.options, '.trigger-list', SITE);
  // Fresh, so switching it to Pause applies at once.
  const mode = await controlLabelled(app.options, `When ${SITE} opens`);
  await mode.select('pause');
  await waitForRuleFor(app.options, SITE);
});

afterAll(async () => {
  await app?.close();
  await server?.stop();
});

test('"Continue" sent early is refused; once the wait is over the page\'s own button lets the site through in that tab', async () => {
  const url = `http://${SITE}:${server.port}/reading`;
  const page = await app.browser.newPage();
  await openAddress(page, url);
  await waitForLocation(page, `${app.origin}/pause.html#${url}`);
  await waitForText(page, '[role="timer"]', 'seconds');
  const early = await page.evaluate(
    (address) =>
      (globalThis as unknown as { browser: { runtime: { sendMessage(m: object): Promise<{ ok: boolean; message?: string }> } } }).browser.runtime.sendMessage({
        type: 'steadfast:continue',
        url: address,
        minutes: 5,
      }),
    url,
  );
  expect(early).toEqual({ ok: false, message: 'The pause is not over yet. Stay with it a little longer; the choice will be here when it ends.' });
  expect(server.requestsTo(SITE)).toBe(0);

  await waitForText(page, '.continue-anyway', 'Continue for 5 minutes', 45_000);
  await (await buttonNamed(page, 'Continue for 5 minutes')).click();
  await waitForText(page, '#real-page', SITE);
  expect(server.requestsTo(SITE)).toBeGreaterThan(0);
  await page.close();
});
