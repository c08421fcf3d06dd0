#!/usr/bin/env node
// Firefox ESR benchmark (issue 19, item 7): the interception and popup benchmarks' questions asked
// of Firefox ESR, with the Firefox MV3 build installed through the same launcher as the Firefox
// tests (tests/launch/firefox.mjs, puppeteer-core over WebDriver BiDi). Every time is the page's own
// (`performance` in the page): first contentful paint from `getEntriesByType('paint')`, from the
// navigation's start.
// - Interception: a trigger site's address typed into a tab, redirected to the pause page, against
//   a bare extension page behind the same kind of redirect rule, the webNavigation blocker's page
//   (bench/firefox/contenders.mjs) and the same local site with no rule (what the person would have
//   seen), each on a host of its own, alternated round by round in one Firefox.
// - Popup: popup.html opened in a tab, its first paint and the streak on screen (the largest paint
//   Firefox reports, when it is the streak's), against the pause page's first paint.
// It fails when a request reaches the trigger site. Method and reading: BENCHMARKS.md, "Firefox".
//
//   npm run build:firefox && npm run bench:firefox [-- --navigations 25] [-- --smoke]
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FIREFOX, launchFirefox } from '../../tests/launch/firefox.mjs';
import { stats } from '../extension-page.mjs';
import { triggerServer } from '../intercept/server.mjs';
import { writeFirefoxBare, writeFirefoxWebNavigation } from './contenders.mjs';

const EXTENSION = join(resolve(import.meta.dirname, '../..'), '.output/firefox-mv3');
const TRIGGER = 'trigger.test';
const PLAIN = 'plain.test';
const BARE = 'bare.test';
const NAV = 'nav.test';

const argv = process.argv.slice(2);
const smoke = argv.includes('--smoke');
const at = argv.indexOf('--navigations');
const rounds = smoke ? 1 : at >= 0 ? Number(argv[at + 1]) : 25;
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--navigations must be a whole number, at least 1');
if (!existsSync(join(EXTENSION, 'manifest.json'))) {
  console.error('No Firefox build in .output/firefox-mv3: run `npm run build:firefox` first.');
  process.exit(1);
}
if (!existsSync(FIREFOX)) {
  console.error(`Firefox ESR is not at ${FIREFOX}: apt-get install -y firefox-esr`);
  process.exit(1);
}

/** Polls `find` until it gives a value (a page's state, read over BiDi); fails after `ms`. */
async function until(find, what, ms = 15_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await find().catch(() => undefined);
    if (found !== undefined && found !== null && found !== false) return found;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    // A poll interval, not a wait for time to pass.
    await new Promise((done) => setTimeout(done, 10));
  }
}

/** A top-level navigation as from the address bar (BiDi `browsingContext.navigate`, not waiting: see tests/e2e-firefox/firefox.ts). */
async function navigate(page, url) {
  const context = page.mainFrame().browsingContext;
  if (typeof context?.navigate !== 'function') throw new Error("puppeteer-core no longer exposes the frame's BiDi browsingContext");
  await context.navigate(url, 'none');
}

/** Once the tab shows a document at `prefix…` and it has painted: its first contentful paint, ms from its navigation's start. */
function paintAt(page, prefix) {
  return paintedAt(page, prefix).then((paint) => paint.inPage);
}

/**
 * Once the tab shows a document whose address starts with `prefix` (or, for a pattern, matches it)
 * and it has painted: its first contentful paint from its own navigation's start (`inPage`), and as
 * a time on the machine's clock (`at`, ms since the epoch), so that a paint can be timed from the
 * moment the address was typed even when the page's own navigation began later (tabs.update).
 */
function paintedAt(page, prefix) {
  return until(
    () =>
      page.evaluate((want) => {
        if (!(want.startsWith('/') ? new RegExp(want.slice(1, -1)).test(location.href) : location.href.startsWith(want))) return undefined;
        const fcp = performance.getEntriesByType('paint').find((entry) => entry.name === 'first-contentful-paint');
        return fcp && { inPage: fcp.startTime, at: performance.timeOrigin + fcp.startTime };
      }, prefix),
    `a first paint at ${prefix}`,
  );
}

/** The streak on screen in the popup: when Firefox painted it (its largest paint, if that was the streak), else undefined. */
function streakPaint(page) {
  return until(
    () =>
      page.evaluate(
        () =>
          new Promise((done) => {
            if (!document.querySelector('.streak-number')) return done(undefined);
            new PerformanceObserver((list) => {
              const entries = list.getEntries();
              const streak = entries.filter((e) => e.element?.closest?.('.streak')).at(-1);
              done(streak ? streak.renderTime || streak.startTime : null);
            }).observe({ type: 'largest-contentful-paint', buffered: true });
          }),
      ),
    'the streak on screen',
  ).then((ms) => ms ?? Number.NaN);
}

const site = await triggerServer('firefox').start();
const contenders = mkdtempSync(join(tmpdir(), 'steadfast-bench-firefox-'));
const { browser, origin } = await launchFirefox({ extension: EXTENSION, hosts: [TRIGGER, PLAIN, BARE, NAV] });
try {
  await browser.installExtension(writeFirefoxBare(join(contenders, 'bare'), EXTENSION, BARE));
  await browser.installExtension(writeFirefoxWebNavigation(join(contenders, 'webnavigation'), NAV));
  // The welcome Steadfast opens on install: from there, the trigger and the streak start are set
  // in "My recovery", as a person sets them.
  const tab = await until(async () => {
    for (const p of await browser.pages()) if ((await p.evaluate(() => location.href).catch(() => '')).startsWith(`${origin}/welcome.html`)) return p;
    return undefined;
  }, 'the welcome page');
  await tab.evaluate(() => location.assign('/options.html'));
  await until(() => tab.evaluate(() => location.pathname === '/options.html' && !!document.querySelector('label')), 'My recovery');
  const fill = (label, value) =>
    tab.evaluate(
      (text, v) => {
        const field = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === text)?.control;
        if (!field) return false;
        field.value = v;
        field.dispatchEvent(new Event('input', { bubbles: true }));
        field.dispatchEvent(new Event('change', { bubbles: true }));
        return true;
      },
      label,
      value,
    );
  const press = (name) =>
    tab.evaluate((text) => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === text);
      button?.click();
      return !!button;
    }, name);
  await until(() => fill('Trigger site', TRIGGER), 'the trigger field');
  await press('Add');
  await until(
    () => tab.evaluate((host) => browser.declarativeNetRequest.getDynamicRules().then((rules) => rules.some((r) => JSON.stringify(r).includes(host))), TRIGGER),
    'the redirect rule',
  );
  await tab.evaluate(() => location.assign('/popup.html'));
  await until(() => fill('My current streak started on', new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10)), 'the start form');
  await press('Save start day');
  await until(() => tab.evaluate(() => !!document.querySelector('.streak-number')), 'the streak');

  const page = await browser.newPage();
  const times = { pause: [], bare: [], nav: [], plain: [], popupPaint: [], streak: [], floor: [] };
  const typed = { pause: [], bare: [], nav: [], plain: [] };
  const variants = [
    ['pause', TRIGGER, `${origin}/pause.html`],
    ['bare', BARE, '/^moz-extension:\\/\\/[^/]+\\/bare\\.html/'],
    ['nav', NAV, '/^moz-extension:\\/\\/[^/]+\\/blocked\\.html/'],
    ['plain', PLAIN, `http://${PLAIN}`],
  ];
  const measure = async (key, host, ends, nav) => {
    // Back to a blank page first, so that every navigation starts from the same place.
    await navigate(page, 'about:blank');
    await until(() => page.evaluate(() => location.href === 'about:blank' && document.readyState === 'complete'), 'a blank page');
    const sentAt = Date.now();
    // The webNavigation blocker replaces the navigation with its own (tabs.update): Firefox then
    // reports the typed one as aborted, which is what that blocker does, not a failure here.
    await navigate(page, `http://${host}:${site.port}/?nav=${nav}`).catch((error) => {
      if (!(key === 'nav' && /NS_BINDING_ABORTED/.test(String(error)))) throw error;
    });
    const paint = await paintedAt(page, ends);
    times[key].push(paint.inPage);
    typed[key].push(paint.at - sentAt);
  };
  // Warm-up (which also waits for each add-on's rule or listener), then alternate so that machine
  // noise falls on each alike.
  for (const [key, host, ends] of variants) await measure(key, host, ends, 'warm');
  for (const list of [...Object.values(times), ...Object.values(typed)]) list.length = 0;
  for (let i = 0; i < rounds; i += 1) {
    for (const [key, host, ends] of i % 2 ? [...variants].reverse() : variants) await measure(key, host, ends, i);
  }
  // The popup in a tab, opened from Steadfast's own page (a test cannot navigate to moz-extension://);
  // in front, as a tab in the background does not paint.
  await tab.bringToFront();
  for (let i = 0; i < rounds; i += 1) {
    await tab.evaluate(() => location.assign('/options.html'));
    await until(() => tab.evaluate(() => location.pathname === '/options.html' && document.readyState === 'complete'), 'My recovery');
    await tab.evaluate(() => location.assign('/popup.html'));
    times.popupPaint.push(await paintAt(tab, `${origin}/popup.html`));
    times.streak.push(await streakPaint(tab));
    await tab.evaluate(() => location.assign('/pause.html'));
    times.floor.push(await paintAt(tab, `${origin}/pause.html`));
  }

  // As the Chromium benchmark: it fails when Steadfast let a request reach the trigger site.
  const leaked = site.requests.filter((r) => r.host === TRIGGER);
  if (leaked.length > 0) throw new Error(`${leaked.length} request(s) reached ${TRIGGER}: the redirect let them through`);
  const bareLeaked = site.requests.filter((r) => r.host === BARE).length;
  if (bareLeaked > 0) throw new Error(`${bareLeaked} request(s) reached ${BARE}: the bare add-on's rule was not in force`);
  const navReached = site.requests.filter((r) => r.host === NAV).length;
  const plainSeen = site.requests.filter((r) => r.host === PLAIN).length;
  if (plainSeen < rounds) throw new Error(`The plain site answered ${plainSeen} of ${rounds} navigations: the measurement did not happen`);

  const version = await browser.version();
  const fmt = (n) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
  const row = (what, list) => {
    const s = stats(list.filter(Number.isFinite));
    console.log(`| ${what} | ${fmt(s.median)} | ${fmt(s.p95)} | ${s.n} |`);
    return s;
  };
  console.log(`${version}; ${rounds} rounds each, alternating; ${new Date().toISOString()}`);
  console.log(
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log('Interception: first contentful paint of the page the tab ends on, from the typed address (the machine clock, through `performance.timeOrigin`)');
  console.log('| what | median ms | p95 ms | n |');
  console.log('| --- | --- | --- | --- |');
  const pauseTyped = row('Steadfast pause page (declarativeNetRequest redirect)', typed.pause);
  const bareTyped = row('bare extension page (static HTML, no script), same kind of redirect rule', typed.bare);
  const navTyped = row(`webNavigation + tabs.update block page (requests that reached its site: ${navReached})`, typed.nav);
  const plainTyped = row('plain local site, no rule (what the person would have seen)', typed.plain);
  console.log(
    `ratios (medians, from the typed address): Steadfast / bare page ${(pauseTyped.median / bareTyped.median).toFixed(2)}; Steadfast / webNavigation ${(pauseTyped.median / navTyped.median).toFixed(2)}; Steadfast / plain site ${(pauseTyped.median / plainTyped.median).toFixed(2)}`,
  );
  console.log('');
  console.log("Each page's own first contentful paint, from its own navigation's start (a tabs.update page's starts late), and the popup");
  console.log('| what | median ms | p95 ms | n |');
  console.log('| --- | --- | --- | --- |');
  const pause = row('pause page first paint (trigger site typed, redirected)', times.pause);
  row('bare extension page first paint', times.bare);
  row('webNavigation block page first paint (from its tabs.update)', times.nav);
  const plain = row('plain local site first paint (no rule)', times.plain);
  const popup = row('popup.html first paint (its static shell)', times.popupPaint);
  const streak = row('popup.html streak painted (largest paint, when it is the streak)', times.streak);
  const floor = row("floor: pause.html first paint opened in a tab from Steadfast's own page", times.floor);
  console.log(
    `ratios (medians): pause / plain site ${(pause.median / plain.median).toFixed(2)}; streak minus the floor ${fmt(streak.median - floor.median)} ms; popup first paint / floor ${(popup.median / floor.median).toFixed(2)}`,
  );
} finally {
  await browser.close();
  await site.stop();
  rmSync(contenders, { recursive: true, force: true });
}
