// Popup benchmark (issue 3): the popup's gzipped JavaScript, and the time from opening the popup
// to the streak being on screen, with no history and with ten years of it (3,650 check-ins and
// 2,000 other events), measured in one run of Debian's headless Chromium.
//
//   npm run build && npm run bench:popup [-- --opens 30] [-- --smoke] [-- --also DIR]
//
// --also DIR: a second build (for instance a copy of .output/chrome-mv3 made before a change)
// measured in the same run with ten years of history, its opens alternated with this build's.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchSteadfast, opensFromArgs, pageWeight, requireBuildAndBrowser, staticFirstPaint, stats } from '../extension-page.mjs';

const opens = opensFromArgs(30);
requireBuildAndBrowser();
const alsoAt = process.argv.indexOf('--also');
const also = alsoAt > 0 ? resolve(process.argv[alsoAt + 1] ?? '') : undefined;
if (also && !existsSync(join(also, 'manifest.json'))) {
  console.error(`--also: no extension build in ${also} (expected its manifest.json)`);
  process.exit(1);
}

const launch = () => launchSteadfast('popup');

/** Sets the streak start through the popup, as a person would. */
async function setStart(page, url, yearsBack) {
  await page.goto(url);
  const day = await page.evaluate((years) => {
    const d = new Date();
    d.setFullYear(d.getFullYear() - years);
    return d.toISOString().slice(0, 10);
  }, yearsBack);
  await page.getByLabel('My current streak started on').fill(day);
  await page.getByRole('button', { name: 'Save start day' }).click();
  await page.locator('.streak-number').waitFor();
}

/** Ten years of history written straight into the extension's IndexedDB, in the stored shape. */
async function seedTenYears(page) {
  return page.evaluate(async () => {
    const db = await new Promise((ok, fail) => {
      const open = indexedDB.open('steadfast-history');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const day = 86_400_000;
    const now = Date.now();
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const events = [];
    for (let i = 0; i < 3650; i += 1) {
      events.push({
        id: `c${i}`,
        type: 'checkin',
        at: now - i * day,
        tz,
        mood: 1 + (i % 5),
        craving: i % 11,
        halt: { hungry: i % 2 === 0, angry: false, lonely: i % 3 === 0, tired: i % 4 === 0 },
      });
    }
    for (let i = 0; i < 2000; i += 1) {
      const at = now - Math.floor((i / 2000) * 3650) * day - 3_600_000;
      if (i % 100 === 0 && i > 0) events.push({ id: `s${i}`, type: 'setback', at, tz, whatHappened: 'A hard week' });
      else if (i % 10 === 0) events.push({ id: `u${i}`, type: 'urge', at, tz, before: 8, after: 4, minutes: 10 });
      else events.push({ id: `i${i}`, type: 'intervention', at, tz, site: `site${i % 40}.example`, outcome: i % 3 ? 'left' : 'closed' });
    }
    await new Promise((ok, fail) => {
      const tx = db.transaction('events', 'readwrite');
      for (const event of events) tx.objectStore('events').put(event);
      tx.oncomplete = ok;
      tx.onerror = () => fail(tx.error);
    });
    const count = await new Promise((ok) => {
      const request = db.transaction('events').objectStore('events').count();
      request.onsuccess = () => ok(request.result);
    });
    db.close();
    return count;
  });
}

/**
 * Opens the popup page afresh; returns ms from navigation start to the streak on screen, and the
 * main-thread CPU time the page used by then (Chromium's TaskDuration: far less sensitive to a busy
 * machine than wall-clock time).
 */
async function timeToStreak(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('.streak-number')) {
        window.__streakShownAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__streakShownAt !== undefined);
  const ms = await page.evaluate(() => window.__streakShownAt);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const cpuMs = 1000 * (metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN);
  if (process.env.BENCH_DETAIL) {
    const nav = await page.evaluate(() => JSON.stringify(performance.getEntriesByType('navigation')[0]));
    const n = JSON.parse(nav);
    console.log(
      `  responseEnd ${n.responseEnd.toFixed(0)} domInteractive ${n.domInteractive.toFixed(0)} dcl ${n.domContentLoadedEventEnd.toFixed(0)} streak ${ms.toFixed(0)}`,
    );
  }
  await page.close();
  return { ms, cpuMs };
}

const weight = pageWeight('popup.html');
const empty = await launch();
const full = await launch();
const other = also ? await launchSteadfast('popup-also', undefined, also) : undefined;
try {
  const emptyUrl = `chrome-extension://${empty.id}/popup.html`;
  const fullUrl = `chrome-extension://${full.id}/popup.html`;
  // Both profiles get a streak start ten years back; only one gets the history.
  await setStart(await empty.context.newPage(), emptyUrl, 10);
  const seedPage = await full.context.newPage();
  await setStart(seedPage, fullUrl, 10);
  const stored = await seedTenYears(seedPage);
  const otherUrl = other && `chrome-extension://${other.id}/popup.html`;
  if (other) {
    const otherSeed = await other.context.newPage();
    await setStart(otherSeed, otherUrl, 10);
    await seedTenYears(otherSeed);
  }
  const times = { empty: [], full: [], other: [] };
  const cpu = { empty: [], full: [], other: [] };
  const floor = [];
  const floorUrl = `chrome-extension://${empty.id}/pause.html`;
  // Warm-up, then alternate so that machine noise falls on both alike.
  await timeToStreak(empty.context, emptyUrl);
  await timeToStreak(full.context, fullUrl);
  if (other) await timeToStreak(other.context, otherUrl);

  for (let i = 0; i < opens; i += 1) {
    for (const [key, ctx, url] of [
      ['empty', empty.context, emptyUrl],
      ['full', full.context, fullUrl],
      ...(other ? [['other', other.context, otherUrl]] : []),
    ]) {
      const { ms, cpuMs } = await timeToStreak(ctx, url);
      times[key].push(ms);
      cpu[key].push(cpuMs);
    }
    floor.push(await staticFirstPaint(empty.context, floorUrl));
  }
  const fl = stats(floor);
  const e = stats(times.empty);
  const f = stats(times.full);
  const ec = stats(cpu.empty);
  const fc = stats(cpu.full);
  const version = full.context.browser()?.version() ?? 'unknown';
  console.log(`Chromium ${version}; ${opens} opens each, alternating`);
  console.log(
    `popup.html loads ${weight.files} files: JavaScript ${(weight.js / 1024).toFixed(1)} KB gzipped, CSS ${(weight.css / 1024).toFixed(1)} KB gzipped`,
  );
  console.log(`history events stored in the 10-year profile: ${stored}`);
  console.log(
    `load average at the end: ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log('| history | median ms to streak | p95 ms | median main-thread CPU ms | p95 CPU ms |');
  console.log('| --- | --- | --- | --- | --- |');
  console.log(`| none | ${e.median.toFixed(1)} | ${e.p95.toFixed(1)} | ${ec.median.toFixed(1)} | ${ec.p95.toFixed(1)} |`);
  console.log(`| 10 years (${stored} events) | ${f.median.toFixed(1)} | ${f.p95.toFixed(1)} | ${fc.median.toFixed(1)} | ${fc.p95.toFixed(1)} |`);
  if (other) {
    const o = stats(times.other);
    const oc = stats(cpu.other);
    console.log(`| 10 years, build B (--also ${also}) | ${o.median.toFixed(1)} | ${o.p95.toFixed(1)} | ${oc.median.toFixed(1)} | ${oc.p95.toFixed(1)} |`);
  }
  console.log(`| floor: a static extension page's first paint (pause.html) | ${fl.median.toFixed(1)} | ${fl.p95.toFixed(1)} | | |`);
  console.log(`ratio 10 years / none (median): wall ${(f.median / e.median).toFixed(2)}, CPU ${(fc.median / ec.median).toFixed(2)}`);
  console.log(`streak (10 years) minus the floor (medians): ${(f.median - fl.median).toFixed(1)} ms`);
  if (other) console.log(`build B: streak (10 years) minus the floor (medians): ${(stats(times.other).median - fl.median).toFixed(1)} ms`);
} finally {
  await empty.close();
  await full.close();
  await other?.close();
}
