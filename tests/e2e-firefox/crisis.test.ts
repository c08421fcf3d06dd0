import { afterAll, beforeAll, expect, test } from 'vitest';
import { crisisLinesFor } from '../../lib/help/crisis-lines';
import { regionFromLocale, regionWhere } from '../../lib/help/directory';
import { t } from '../../lib/i18n/i18n';
import { TestServer } from '../e2e/test-server';
import {
  addTriggerThroughOptions,
  launchSteadfastInFirefox,
  linkNamed,
  openAddress,
  waitForLocation,
  waitForRuleFor,
  waitForText,
  type SteadfastFirefox,
} from './firefox';

// Issue 16 in Firefox ESR: "I'm not safe" on the pause page opens the crisis screen, which shows
// the emergency number and the 24/7 lines for the browser's region first.
const TRIGGER = 'trigger.test';
let server: TestServer;
let app: SteadfastFirefox;

beforeAll(async () => {
  server = await new TestServer().start();
  app = await launchSteadfastInFirefox();
  await addTriggerThroughOptions(app.options, TRIGGER);
  await waitForText(app.options, '.trigger-list', TRIGGER);
  await waitForRuleFor(app.options, TRIGGER);
});

afterAll(async () => {
  await app?.close();
  await server?.stop();
});

test("from the pause page, one click on \"I'm not safe\" opens the crisis screen with the region's numbers first", async () => {
  const page = await app.browser.newPage();
  try {
    await openAddress(page, `http://${TRIGGER}:${server.port}/`);
    await waitForLocation(page, `${app.origin}/pause.html#http://${TRIGGER}:${server.port}/`);
    const locale = await page.evaluate(() => navigator.language);
    const region = regionFromLocale(locale);
    // The precondition: a browser language the directory covers, so there is a number to expect.
    expect(region, `Firefox's language ${locale}`).toBeDefined();
    await (await linkNamed(page, "I'm not safe")).click();
    await waitForLocation(page, `${app.origin}/crisis.html`);
    await waitForText(page, '.help-region', `Help in ${t(regionWhere(region!))}`);
    const [emergency, firstLine] = crisisLinesFor(region!);
    const shown = await waitForText(page, '.crisis-region:not([hidden])', `Call ${emergency!.phone}`);
    // The emergency number first, then the crisis lines.
    expect(shown.indexOf(`Call ${emergency!.phone}`)).toBeLessThan(shown.indexOf(firstLine!.name));
    expect(await page.$eval('.crisis-region:not([hidden]) a[href^="tel:"]', (a) => a.getAttribute('href'))).toBe(`tel:${emergency!.phone!.replace(/\D/g, '')}`);
    expect(server.requestsTo(TRIGGER)).toBe(0);
  } finally {
    await page.close();
  }
});
