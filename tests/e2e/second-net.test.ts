import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addTriggerThroughOptions, closeAll, dynamicRules, launchSteadfast, waitForRuleFor, type Steadfast } from './browser';
import { SINGLE_PAGE_FORUM } from './sites';
import { TestServer } from './test-server';

// The second net (lib/blocking/second-net.ts): addresses reached with no request the rules can
// catch still end on the pause page, within a second. Each test first proves that no request was
// made (or that the page came from the back/forward cache, or from the site's service worker).
// The back/forward cache is on here, as in a person's browser (Playwright turns it off by default).

/** How long a person may see a trigger page before the pause page replaces it. */
const WITHIN_MS = 1_000;

/** A page that says, in the console, whether it was shown from the back/forward cache. */
const RESTORABLE = `<!doctype html><title>Shop</title><h1 id="real-page">Shop</h1>
<script>
  addEventListener('pageshow', (event) => {
    const [entry] = performance.getEntriesByType('navigation');
    console.log('pageshow persisted=' + event.persisted + ' type=' + entry.type);
  });
</script>`;

/** A site whose service worker answers its pages itself, first telling the server it did. */
const WORKER = `self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.mode !== 'navigate' || url.pathname === '/with-worker') return;
  event.respondWith(
    fetch('/answered-by-worker?path=' + encodeURIComponent(url.pathname)).then(
      () => new Response('<!doctype html><h1 id="real-page">From the worker</h1>', { headers: { 'content-type': 'text/html' } }),
    ),
  );
});`;
const WITH_WORKER = `<!doctype html><title>App</title><h1 id="real-page">App</h1><a id="go" href="/late-night">Late night</a>
<script>navigator.serviceWorker.register('/worker.js');</script>`;

let server: TestServer;
let app: Steadfast;
let options: Page;

beforeAll(async () => {
  server = await new TestServer().start();
  server
    .serve('/spa', { body: SINGLE_PAGE_FORUM })
    .serve('/restorable', { body: RESTORABLE })
    .serve('/with-worker', { body: WITH_WORKER })
    .serve('/worker.js', { body: WORKER, type: 'text/javascript' });
  app = await launchSteadfast(server.port, undefined, {
    backForwardCache: true,
    // Service workers need a secure origin; the test server speaks plain HTTP.
    args: ['--unsafely-treat-insecure-origin-as-secure=http://app.test'],
  });
  options = await app.context.newPage();
  await options.goto(app.url('options.html'));
});

afterAll(() => closeAll(app, server));

/**
 * Waits until `page` is on the pause page for `url`. Returns, in ms from `since` (just before the
 * person's action), when the tab was sent there (the pause page's navigation start) and when the
 * pause page first painted. The browser, not the test's polling, says when.
 */
async function pausedFor(page: Page, url: string, since: number): Promise<{ moved: number; painted: number }> {
  type Seen = { href: string; origin: number; paint?: number };
  const seen = () =>
    page
      .evaluate((): Seen => ({
        href: location.href,
        origin: performance.timeOrigin,
        paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      }))
      .catch(() => undefined); // between two documents
  let last: Seen | undefined;
  // A pause page that opened after `since` (not one the tab was already on), once it has painted.
  // Polls until it says "there"; otherwise where the tab is, so a failure says what went wrong.
  await expect
    .poll(async () => {
      last = await seen();
      if (last === undefined) return 'between two documents';
      const { href, origin, paint } = last;
      if (new URL(href).pathname !== '/pause.html') return `at ${href}`;
      if (origin <= since) return `still on the pause page opened ${Math.round(since - origin)} ms before`;
      return paint === undefined ? 'on the pause page, not painted yet' : 'there';
    })
    .toBe('there');
  const { href, origin, paint = 0 } = last!;
  expect(href.startsWith('chrome-extension://')).toBe(true);
  expect(new URL(href).hash).toBe(`#${url}`);
  return { moved: Math.round(origin - since), painted: Math.round(origin + paint - since) };
}

/** Logs what a person would wait, and checks the tab was sent to the pause page within the second. */
function report(what: string, { moved, painted }: { moved: number; painted: number }): void {
  console.log(`${what}: sent to the pause page after ${moved} ms, painted after ${painted} ms`);
  expect(moved).toBeLessThan(WITHIN_MS);
}

test('a path trigger reached by pushState, and a keyword trigger by replaceState, end on the pause page', async () => {
  await addTriggerThroughOptions(app, 'forum.test/late-night', options);
  await waitForRuleFor(app.worker, 'forum.test');
  await options.getByRole('textbox', { name: 'Trigger words' }).fill('buy ket');
  await options.getByRole('button', { name: 'Add words' }).click();
  await options.locator('#keywords .trigger-list li', { hasText: 'buy ket' }).waitFor();

  const page = await app.context.newPage();
  const changes: number[] = [];
  page.on('console', (message: ConsoleMessage) => {
    const at = /^address changed at (\d+)$/.exec(message.text());
    if (at) changes.push(Number(at[1]));
  });
  for (const [link, url] of [
    ['#late', 'http://forum.test/late-night'],
    ['#search', 'http://forum.test/search?q=buy+ket'],
  ] as const) {
    await page.goto('http://forum.test/spa');
    await page.locator('#real-page').waitFor();
    const before = server.requestsSeenAt('forum.test');
    const clicks = changes.length;
    await page.locator(link).click();
    // Timed from the moment the page changed its address (it says so), not from the test's click.
    await expect.poll(() => changes.length).toBe(clicks + 1);
    const took = await pausedFor(page, url, changes[clicks]!);
    // The precondition: the address changed in the page, with no request the rules could catch.
    expect(server.requestsSeenAt('forum.test')).toEqual(before);
    report(`${link === '#late' ? 'pushState' : 'replaceState'} to ${url}`, took);
  }
  // Back returns to the entry replaceState rewrote (no request): paused again.
  const before = server.requestsSeenAt('forum.test');
  const start = Date.now();
  await page.goBack({ waitUntil: 'commit' }).catch(() => undefined);
  const took = await pausedFor(page, 'http://forum.test/search?q=buy+ket', start);
  expect(server.requestsSeenAt('forum.test')).toEqual(before);
  report('Back to the entry replaceState rewrote', took);
  await page.close();
});

test('a tab moved to the pause page when its site became a trigger, then Back from the page cache, ends on the pause page', async () => {
  const page = await app.context.newPage();
  const shown: string[] = [];
  page.on('console', (message: ConsoleMessage) => shown.push(message.text()));
  await page.goto('http://shop.test/restorable');
  await page.locator('#real-page').waitFor();
  await expect.poll(() => shown).toContain('pageshow persisted=false type=navigate');

  // The site becomes a trigger while it is open: the tab moves to the pause page.
  const added = Date.now();
  await addTriggerThroughOptions(app, 'shop.test', options);
  await pausedFor(page, 'http://shop.test/restorable', added);
  const requests = server.requestsTo('shop.test');

  const start = Date.now();
  await page.goBack({ waitUntil: 'commit' }).catch(() => undefined);
  // The precondition: the page came back from the back/forward cache, with no request.
  await expect.poll(() => shown).toContain('pageshow persisted=true type=navigate');
  const took = await pausedFor(page, 'http://shop.test/restorable', start);
  expect(server.requestsTo('shop.test')).toBe(requests);
  report('Back to a trigger page from the back/forward cache', took);
  await page.close();
});

test("a trigger page answered by the site's own service worker ends on the pause page", async () => {
  const page = await app.context.newPage();
  await page.goto('http://app.test/with-worker');
  await page.locator('#real-page').waitFor();
  // The worker controls the page before the trigger exists (as when a site installed one long ago).
  expect(
    await page.evaluate(() =>
      navigator.serviceWorker.ready.then(
        () =>
          navigator.serviceWorker.controller !== null ||
          new Promise<boolean>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true))),
      ),
    ),
  ).toBe(true);

  await addTriggerThroughOptions(app, 'app.test/late-night', options);
  await waitForRuleFor(app.worker, 'app.test');
  server.reset();
  const start = Date.now();
  await page.locator('#go').click();
  const took = await pausedFor(page, 'http://app.test/late-night', start);
  // The precondition: the worker answered; no request for the page itself reached the server.
  expect(server.requestsSeenAt('app.test')).toEqual(['app.test/answered-by-worker?path=%2Flate-night']);
  report("A service worker's page", took);
  await page.close();
});

test('"Continue anyway" holds in its tab for in-page navigation on that site, and never past a Block-mode trigger', async () => {
  await addTriggerThroughOptions(app, 'allow.test/late-night', options);
  await options.getByLabel('When allow.test/late-night opens').selectOption('block');
  await addTriggerThroughOptions(app, 'allow.test', options);
  await options.getByLabel('When allow.test opens').waitFor();
  // The Block-mode path's rule is in force (Block rules outrank every allowance).
  await expect
    .poll(async () => (await dynamicRules(app.worker)).some((rule) => rule.priority === 200 && rule.condition.requestDomains?.includes('allow.test')))
    .toBe(true);

  const page = await app.context.newPage();
  await page.goto('http://allow.test/spa');
  await page.waitForURL((u) => u.pathname === '/pause.html');
  // The whole wait, as a person would.
  await page.getByRole('button', { name: 'Continue for 5 minutes' }).click({ timeout: 45_000 });
  await page.locator('#real-page').waitFor();
  expect(page.url()).toBe('http://allow.test/spa');

  // Within the allowance, the site's own navigation is let be…
  await page.locator('#daytime').click();
  await page.waitForURL('http://allow.test/daytime');
  // …but not to a Block-mode path: the allowance does not reach past it. Events come in order, so
  // had the move to /daytime been caught, the pause page would be for /daytime.
  const start = Date.now();
  await page.locator('#late').click();
  report('pushState to a Block-mode path within a "Continue anyway"', await pausedFor(page, 'http://allow.test/late-night', start));
  await page.close();
}, 120_000);
