import { afterAll, beforeAll, expect, test } from 'vitest';
import { crisisScreenFor } from '../../lib/help/crisis-screen';
import directory from '../../lib/help/directory.json';
import { regionFromLocale, regionWhere, type HelpService } from '../../lib/help/regions';
import { catalogueGetMessage, type Catalogue } from '../../lib/i18n/catalogue-format';
import catalogue from '../../public/_locales/en/messages.json';
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
// Pure modules only: this suite has no browser APIs of its own to read words or storage through.
const english = catalogueGetMessage(catalogue as Catalogue);
const SERVICES = directory.services as HelpService[];
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
    await waitForText(page, '.help-region', `Help in ${english(regionWhere(region!))}`);
    const { emergency: [emergency], crisis: [firstLine] } = crisisScreenFor(region!, SERVICES);
    const shown = await waitForText(page, '.crisis-region:not([hidden])', `Call ${emergency!.phone}`);
    // The emergency number first, then the crisis lines.
    expect(shown.indexOf(`Call ${emergency!.phone}`)).toBeLessThan(shown.indexOf(firstLine!.name));
    expect(await page.$eval('.crisis-region:not([hidden]) a[href^="tel:"]', (a) => a.getAttribute('href'))).toBe(`tel:${emergency!.phone!.replace(/\D/g, '')}`);
    expect(server.requestsTo(TRIGGER)).toBe(0);
  } finally {
    await page.close();
  }
});
