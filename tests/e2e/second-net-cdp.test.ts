import type { Page } from 'puppeteer-core';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { launchSteadfast, addTriggerThroughOptions, newProfile, removeProfile, waitForRuleFor } from './browser';
import { launchWithoutPageSessions, type ChromiumWithoutPageSessions } from './cdp';
import { TestServer } from './test-server';

// The second net (lib/blocking/second-net.ts) for what needs a browser no automation sits in: a
// prerendered page shown to the person, and tabs the browser restores when it starts. Chromium is
// started here and watched through its own session, never through a session on a web page.

/** How long a person may see a trigger page before the pause page replaces it. */
const WITHIN_MS = 1_000;

let server: TestServer;
let chromium: ChromiumWithoutPageSessions | undefined;
let profile: string | undefined;

beforeEach(async () => {
  server = await new TestServer().start();
});

afterEach(async () => {
  await chromium?.close();
  chromium = undefined;
  if (profile) removeProfile(profile);
  profile = undefined;
  await server.stop();
});

const isPauseFor = (address: string) => (url: string) => url.startsWith('chrome-extension://') && url.endsWith(`/pause.html#${address}`);

/** Adds a trigger the way a person does, on "My recovery" (puppeteer), and waits for its rule. */
async function addTrigger(options: Page, site: string, host: string): Promise<void> {
  await options.locator('::-p-aria(Trigger site)').fill(site);
  await options.locator('::-p-aria([name="Add"][role="button"])').click();
  await options.waitForFunction(
    (wanted) =>
      (globalThis as unknown as { chrome: { declarativeNetRequest: { getDynamicRules(): Promise<object[]> } } }).chrome.declarativeNetRequest
        .getDynamicRules()
        .then((rules) => JSON.stringify(rules).includes(wanted)),
    {},
    host,
  );
}

test('a trigger page prerendered before it became a trigger, then shown, ends on the pause page', async () => {
  // A forum prerenders its late-night page (speculation rules); the person goes there once the
  // test says so (the page waits for the server's answer, as a person might wait before clicking).
  let goAhead: () => void = () => undefined;
  const go = new Promise<string>((resolve) => (goAhead = () => resolve('go')));
  server
    .serve('/start', {
      body: `<!doctype html><title>Forum</title><h1 id="real-page">Forum</h1>
<script type="speculationrules">{"prerender": [{"source": "list", "urls": ["/late-night"], "eagerness": "immediate"}]}</script>
<script>fetch('/go-ahead').then(() => { location.href = '/late-night'; });</script>`,
    })
    .serve('/go-ahead', { body: () => go, type: 'text/plain' })
    .serve('/late-night', {
      body: `<!doctype html><title>Late night</title><h1 id="real-page">Late night</h1>
<script>
  fetch('/seen?prerendering=' + document.prerendering);
  document.addEventListener('prerenderingchange', () => {
    const [entry] = performance.getEntriesByType('navigation');
    fetch('/seen?shown&activationStart=' + (entry.activationStart > 0), { keepalive: true });
  });
</script>`,
    });
  // Preloading on, as Chromium ships (the other tests turn it off to count requests exactly).
  profile = newProfile({ net: { network_prediction_options: 0 } });
  chromium = await launchWithoutPageSessions(server.port, profile);
  // A first install opens the welcome once the background has started (lib/background/start-tasks.ts
  // holds it until the first pause page, or a second): it comes to the front, which would end a
  // prerender begun before it. So the test's own windows open after it, as they would for a person.
  await chromium.tabAt((url) => url.startsWith('chrome-extension://') && url.endsWith('/welcome.html'));
  // "My recovery" is opened first: attaching to it later would attach to every tab for a moment,
  // which ends a prerender.
  const options = await chromium.extensionPage('options.html');
  await chromium.open('http://forum.test/start');
  // The precondition, part one: the page really was prerendered (its script ran while prerendering).
  await expect.poll(() => server.requestsSeenAt('forum.test'), { timeout: 15_000 }).toContain('forum.test/seen?prerendering=true');

  // Only now does it become a trigger: its one request was made before the rule existed.
  await addTrigger(options, 'forum.test/late-night', 'forum.test');
  const before = server.requestsSeenAt('forum.test');
  expect(before.filter((r) => r === 'forum.test/late-night')).toHaveLength(1);

  const start = Date.now();
  goAhead();
  const { at: paused } = await chromium.tabAt(isPauseFor('http://forum.test/late-night'));
  // The precondition, part two: the prerendered page was shown (activated), not loaded afresh.
  await expect.poll(() => server.requestsSeenAt('forum.test')).toContain('forum.test/seen?shown&activationStart=true');
  expect(
    server
      .requestsSeenAt('forum.test')
      .slice(before.length)
      .filter((r) => r.startsWith('forum.test/late-night')),
  ).toEqual([]);
  console.log(`A prerendered trigger page shown: on the pause page ${paused - start} ms after the person went to it`);
  expect(paused - start).toBeLessThan(WITHIN_MS);
});

test('a tab the browser restores at start, open on a trigger through a "Continue anyway" of the last session, ends on the pause page', async () => {
  // "Continue where you left off", as a person may have it.
  profile = newProfile({ session: { restore_on_startup: 1 } });
  // The last session: the person went on to a trigger site in one tab with "Continue anyway"
  // (after the whole wait), and closed the browser with it open.
  const last = await launchSteadfast(server.port, profile);
  try {
    await addTriggerThroughOptions(last, 'rest.test');
    await waitForRuleFor(last.worker, 'rest.test');
    const tab = await last.context.newPage();
    await tab.goto('http://rest.test/reading');
    await tab.waitForURL((u) => u.pathname === '/pause.html');
    await tab.getByRole('button', { name: 'Continue for 5 minutes' }).click({ timeout: 45_000 });
    await tab.locator('#real-page').waitFor();
    expect(tab.url()).toBe('http://rest.test/reading');
  } finally {
    await last.close();
  }
  server.reset();

  // The browser starts again; nothing is opened by the test.
  const start = Date.now();
  chromium = await launchWithoutPageSessions(server.port, profile);
  const paused = await chromium.tabAt(isPauseFor('http://rest.test/reading'), 30_000);
  // The precondition: the tab is the one the browser restored (the test opened none) and, the
  // allowance having ended with the last session, it stays on the pause page.
  await expect.poll(async () => (await chromium!.tabs()).filter((t) => t.url.includes('rest.test/'))).toEqual([{ targetId: paused.targetId, url: paused.url }]);
  // The site is seen only if its page loaded (it was requested): then it is replaced within the second.
  const loaded = server.lastRequestFor('rest.test/reading');
  console.log(
    `A restored tab on a trigger: on the pause page ${paused.at - start} ms after the browser was started; ` +
      (loaded === undefined ? 'the site was never requested' : `the site's page was requested, and replaced ${paused.at - loaded} ms later`),
  );
  if (loaded !== undefined) expect(paused.at - loaded).toBeLessThan(WITHIN_MS);
}, 120_000);
