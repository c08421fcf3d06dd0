import { afterAll, beforeAll, expect, test } from 'vitest';
import { ADDON_ID } from './paths';
import { launchSteadfastInFirefox, linkNamed, poll, waitForLocation, waitForText, type SteadfastFirefox } from './firefox';

// Issue 21 in Firefox ESR: the lock-in page knows it is in Firefox (runtime.getBrowserInfo) and
// offers policies.json for the add-on's real id, with no guest or profile choices Firefox lacks.
let app: SteadfastFirefox;

beforeAll(async () => {
  app = await launchSteadfastInFirefox();
});

afterAll(async () => {
  await app?.close();
});

test('the lock-in page detects Firefox on Linux and offers policies.json for this add-on', async () => {
  const { options, origin } = app;
  await (await linkNamed(options, 'Show me how, for this browser')).click();
  await waitForLocation(options, `${origin}/lockin.html`);
  await waitForText(options, 'main', 'It looks like you are using Firefox on Linux.');
  const picked = await options.evaluate(() => [
    (document.getElementById('lockin-browser') as HTMLSelectElement).value,
    (document.getElementById('lockin-system') as HTMLSelectElement).value,
  ]);
  expect(picked).toEqual(['firefox', 'linux']);
  // Only what Firefox has a policy for is offered.
  const offered = await options.evaluate(() => [...document.querySelectorAll('fieldset input[type=checkbox]')].map((box) => box.id));
  expect(offered).toEqual(['protect-force-install', 'protect-no-private']);
  await waitForText(options, '[data-file-name]', 'policies.json');
  await waitForText(options, '[data-place]', '/etc/firefox/policies/');
  const text = await poll(
    async () => (await options.evaluate(() => document.querySelector('pre.lockin-text code')?.textContent)) ?? undefined,
    10_000,
    () => 'the file text',
  );
  expect(JSON.parse(text)).toEqual({
    policies: {
      ExtensionSettings: { [ADDON_ID]: { installation_mode: 'force_installed', private_browsing: true } },
      PrivateBrowsingModeAvailability: 1,
    },
  });
  // Not installed by policy here, so the page lists what is open and claims nothing.
  await waitForText(options, '.ways-out', "Not locked in: your browser's settings do not hold Steadfast on yet.");
  const ways = await options.evaluate(() => [...document.querySelectorAll<HTMLElement>('.ways-out li')].map((li) => li.dataset.way));
  expect(ways[0]).toBe('turn-off');
  expect(ways).not.toContain('guest-windows');
});
