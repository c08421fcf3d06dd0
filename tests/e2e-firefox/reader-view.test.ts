import { expect, test } from 'vitest';
import { poll } from './firefox';
import { steadfastFirefoxFixture } from './fixture';

// Firefox's Reader View (`about:reader?url=<address>`, which a person can type) fetches the page
// itself, where no extension rule sees the request, and shows it under an address of its own. The
// second net reads that address (the `tabs` permission, Firefox only) and moves the tab to the
// pause page for the address it shows. The precondition: a page that is no trigger really opens
// in Reader View here, fetched from the server.

const firefox = steadfastFirefoxFixture({ triggers: ['forum.test'], resetServer: true });

/** Opens `url` in Reader View, as the extension API can (a typed `about:reader` address cannot be driven). */
async function openInReaderView(url: string): Promise<void> {
  await firefox.app.options.evaluate(async (address) => {
    const api = (globalThis as unknown as { browser: { tabs: { create(p: { url: string; openInReaderMode: boolean }): Promise<unknown> } } }).browser;
    await api.tabs.create({ url: address, openInReaderMode: true });
  }, url);
}

/** Every tab's address, as the browser has it (puppeteer loses a tab moved into `moz-extension:`). */
function tabAddresses(): Promise<string[]> {
  return firefox.app.options.evaluate(async () => {
    const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ url?: string }[]> } } }).browser;
    return (await api.tabs.query({})).map((tab) => tab.url ?? '');
  });
}

/** Waits until a tab is at an address `matches` accepts; says which tabs there were if none gets there. */
async function waitForTabAt(matches: (url: string) => boolean, what: string): Promise<string> {
  let seen: string[] = [];
  return poll(
    async () => (seen = await tabAddresses()).find(matches),
    10_000,
    () => `a tab ${what}; tabs: ${seen.join(', ')}`,
  );
}

test('a trigger site opened in Reader View ends on the pause page for its own address', async () => {
  const plain = `http://trigger.test:${firefox.server.port}/article`;
  await openInReaderView(plain);
  await waitForTabAt((url) => url === `about:reader?url=${encodeURIComponent(plain)}`, 'in Reader View of a page that is no trigger');
  await expect.poll(() => firefox.server.requestsTo('trigger.test')).toBeGreaterThan(0);

  const trigger = `http://forum.test:${firefox.server.port}/article`;
  await openInReaderView(trigger);
  await waitForTabAt((url) => url === `${firefox.app.origin}/pause.html#${trigger}`, 'on the pause page for the trigger');
  // It stays there: no tab is left in Reader View of the trigger.
  expect(await tabAddresses()).not.toContain(`about:reader?url=${encodeURIComponent(trigger)}`);
});
