import { expect, test } from 'vitest';
import { buttonNamed, controlLabelled, poll, waitForText } from './firefox';
import { steadfastFirefoxFixture } from './fixture';

// Issue 16 in Firefox ESR, against the Firefox MV3 build: the safety plan written in "My recovery"
// is stored (extension storage, plan version 2) and is there again after the page reloads.
const firefox = steadfastFirefoxFixture();

const valueOf = async (label: string) => (await controlLabelled(firefox.app.options, label)).evaluate((el) => (el as HTMLTextAreaElement).value);
const checked = async (label: string) => (await controlLabelled(firefox.app.options, label)).evaluate((el) => (el as HTMLInputElement).checked);

test('the safety plan is written in "My recovery" and is there after a reload', async () => {
  const { options } = firefox.app;
  await (await buttonNamed(options, 'Add a support person')).click();
  await (await controlLabelled(options, 'Name (1)')).type('Sam');
  await (await controlLabelled(options, '1. My warning signs')).type('Not sleeping');
  await (await controlLabelled(options, '7. My reasons for living')).type('Seeing the sea again');
  await (await controlLabelled(options, 'Sam')).click();
  await waitForText(options, '#plan', 'Saved on this device.');
  // Precondition: the page really reloads (a fresh document, not the one typed into).
  await options.evaluate(() => void ((window as unknown as { before?: boolean }).before = true));
  // As a person's F5 would; puppeteer's own reload waits for an event Firefox doesn't send for extension pages.
  await options.evaluate(() => location.reload());
  await poll(
    async () => ((await options.evaluate(() => (window as unknown as { before?: boolean }).before).catch(() => true)) ? undefined : true),
    10_000,
    () => 'a fresh page',
  );
  let seen = '';
  await poll(
    async () => ((seen = await valueOf('7. My reasons for living')) === 'Seeing the sea again' ? true : undefined),
    10_000,
    () => `the reasons for living back; the field shows "${seen}"`,
  );
  expect(await valueOf('1. My warning signs')).toBe('Not sleeping');
  expect(await checked('Sam')).toBe(true);
});
