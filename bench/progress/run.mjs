// Progress page benchmark (issue 7): the page's gzipped JavaScript, and the time from opening
// progress.html (and, issue 17, the weekly review, review.html) to every chart drawn (from the per-day summaries of the history), with no history
// and with ten years of it (3,650 check-ins, 20,000 pause-page visits, 1,000 urges with what set
// them off and what was done, 36 setbacks),
// against the floor of a static extension page, all in one run of Debian's headless Chromium. The
// events are seeded straight into the events store, so the first open after seeding builds the
// summaries (timed apart, as the one-off cost an upgrade from version 1 pays). The approach is
// bench/popup/run.mjs's.
//
//   npm run build && npm run bench:progress [-- --opens 20] [-- --smoke] [-- --also DIR]
//
// --also DIR: a second build (a copy of another .output/chrome-mv3) opened with ten years and with no
// history in the same run, alternated with the rest: an A/B of two builds on the same machine load.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { elementPaints, launchSteadfast, opensFromArgs, pageWeight, requireBuildAndBrowser, staticFirstPaint, stats } from '../extension-page.mjs';
import { seedTenYears } from './seed.mjs';

const opens = opensFromArgs(20);
requireBuildAndBrowser();

const launch = (build) => launchSteadfast('progress', { width: 1280, height: 800 }, build);
const alsoAt = process.argv.indexOf('--also');
const also = alsoAt > 0 ? resolve(process.argv[alsoAt + 1]) : undefined;
if (also && !existsSync(join(also, 'manifest.json'))) {
  console.error(`--also ${also}: no manifest.json there (give a copy of a build's .output/chrome-mv3).`);
  process.exit(1);
}

/**
 * Ten years of weekly reviews (520) written into the history's `reviews` store, which the page's
 * first open made (history version 4): what the review page lists and searches.
 */
async function seedReviews(page, count = 520) {
  return page.evaluate(async (count) => {
    const db = await new Promise((ok, fail) => {
      const open = indexedDB.open('steadfast-history');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    if (!db.objectStoreNames.contains('reviews')) throw new Error('No reviews store: the history is not at version 4.');
    const day = 86_400_000;
    const now = Date.now();
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    await new Promise((ok, fail) => {
      const tx = db.transaction('reviews', 'readwrite');
      for (let i = 1; i <= count; i += 1) {
        const at = now - i * 7 * day;
        tx.objectStore('reviews').put({
          id: `r${i}`,
          at,
          tz,
          weekEnding: new Date(at).toISOString().slice(0, 10),
          wentWell: `Week ${i}: checked in most days and walked with Sam.`,
          wasHard: i % 4 === 0 ? 'Friday night on my own, and payday.' : 'Tired after work.',
          planChange: i % 3 === 0 ? 'Ring Sam before Friday evening' : '',
          ...(i % 3 === 0 ? { appliedTo: 'ifThenSteps' } : {}),
        });
      }
      tx.oncomplete = ok;
      tx.onerror = () => fail(tx.error);
    });
    const stored = await new Promise((ok) => {
      const request = db.transaction('reviews').objectStore('reviews').count();
      request.onsuccess = () => ok(request.result);
    });
    db.close();
    return stored;
  }, count);
}

/**
 * Opens review.html afresh; returns ms from navigation start to the page drawn (its <main> marked
 * ready: Preact sets it in the same commit as the week, the questions and the newest past reviews), one
 * frame later, the main-thread CPU time by then, and what it drew, to check.
 */
async function timeToReviewDrawn(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('main[data-ready]')) {
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => (window.__drawnAt = performance.now())));
      }
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__drawnAt !== undefined, undefined, { timeout: 60_000 });
  const { ms, fcp } = await page.evaluate(() => ({
    ms: window.__drawnAt,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
  }));
  const { metrics } = await cdp.send('Performance.getMetrics');
  const cpuMs = 1000 * (metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN);
  const week = await page.evaluate(() => document.querySelector('.week')?.textContent ?? '');
  const listed = await page.evaluate(() => document.querySelector('.past-reviews [role="status"]')?.textContent ?? '');
  await page.close();
  return { ms, cpuMs, own: ms - fcp, week, listed };
}

/**
 * Opens progress.html afresh; returns ms from navigation start to its first screen drawn (<main>
 * marked data-first-screen: the streak and the year's calendar, in the same commit), to the page
 * drawn (<main> marked ready: every chart drawn, from all the history; one frame after the first screen) and
 * to the page complete (marked once the events are counted against the summaries it drew from),
 * each one frame later so that style, layout and paint are included; and the main-thread CPU time
 * by then.
 */
async function timeToDrawn(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      // The first screen (issue 19): the streak and the year's calendar, marked on <main> before the
      // sections below them are drawn. A build without the marker draws everything at once: ready.
      if (window.__firstAt === undefined && document.querySelector('main[data-first-screen], main[data-ready]') && !window.__firsting) {
        window.__firsting = true;
        window.__firstDays = document.querySelectorAll('[role="grid"] [data-day]').length;
        window.__firstStreak = document.querySelector('.streak-day')?.textContent ?? '';
        requestAnimationFrame(() => setTimeout(() => (window.__firstAt = performance.now())));
      }
      if (window.__drawnAt === undefined && document.querySelector('main[data-ready]') && !window.__drawing) {
        window.__drawing = true;
        requestAnimationFrame(() => setTimeout(() => (window.__drawnAt = performance.now())));
      }
      if (document.querySelector('main[data-complete]')) {
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => (window.__completeAt = performance.now())));
      }
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__completeAt !== undefined && window.__drawnAt !== undefined && window.__firstAt !== undefined, undefined, {
    timeout: 60_000,
  });
  const { ms, first, firstDays, firstStreak, complete, fcp } = await page.evaluate(() => ({
    ms: window.__drawnAt,
    first: window.__firstAt,
    firstDays: window.__firstDays,
    firstStreak: window.__firstStreak,
    complete: window.__completeAt,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
  }));
  // The first screen's paint: the latest of its marked text (the streak, the line under the
  // calendar) by Element Timing; a build without the marks: one frame after the marker on <main>.
  const painted = Object.values(await elementPaints(page, 'progress-first'));
  const firstPaint = painted.length > 0 ? Math.max(...painted) : first;
  const { metrics } = await cdp.send('Performance.getMetrics');
  const cpuMs = 1000 * (metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN);
  const grid = await page.locator('[role="grid"] [data-day]').count();
  const turned = await page.evaluate(() => document.querySelector('[aria-labelledby="turned-title"] dl > div:last-child dd')?.textContent ?? '');
  const fade = await page.evaluate(() => document.querySelector('.urge-insights .fade')?.textContent ?? '');
  await page.close();
  // The page's own first paint (its static header) is this open's floor: drawn minus it is what
  // the page itself takes, with the browser's cost of opening a tab (and its noise) left out.
  return {
    ms,
    first: firstPaint,
    firstMarks: painted.length,
    firstDays,
    firstStreak,
    firstOwn: firstPaint - fcp,
    cpuMs,
    complete,
    grid,
    turned,
    fade,
    own: ms - fcp,
  };
}

/**
 * Opens summary.html (Progress → "Print a summary": the last four weeks) afresh; returns ms from
 * navigation start to the summary drawn (its <main> marked ready, in the same commit as every
 * figure), one frame later so that style, layout and paint are included, and after the page's own
 * first paint (its static header).
 */
async function timeToSummary(context, url) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('main[data-ready]')) {
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => (window.__drawnAt = performance.now())));
      }
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__drawnAt !== undefined, undefined, { timeout: 60_000 });
  const { ms, fcp, days } = await page.evaluate(() => ({
    ms: window.__drawnAt,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    days: document.querySelectorAll('.summary-calendar td.day').length,
  }));
  await page.close();
  return { ms, own: ms - fcp, days };
}

const weight = pageWeight('progress.html');
const summaryWeight = pageWeight('summary.html');
const empty = await launch();
const full = await launch();
// A month of the same history: every chart drawn, from little. Ten years against it is what the
// size of the history costs; against no history (the welcome, no charts) it also counts drawing.
const month = await launch();
// The A/B build, when asked for: ten years and no history, seeded as the others.
const fullB = also && (await launch(also));
const emptyB = also && (await launch(also));
const startLoad = loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
try {
  const emptyUrl = `chrome-extension://${empty.id}/progress.html`;
  const fullUrl = `chrome-extension://${full.id}/progress.html`;
  const monthUrl = `chrome-extension://${month.id}/progress.html`;
  const seedPage = await full.context.newPage();
  await seedPage.goto(fullUrl);
  const stored = await seedTenYears(seedPage);
  await seedPage.close();
  const monthPage = await month.context.newPage();
  await monthPage.goto(monthUrl);
  const monthStored = await seedTenYears(monthPage, 30);
  await monthPage.close();
  const rows = { empty: [], full: [], month: [], fullB: [], emptyB: [] };
  const fullBUrl = fullB && `chrome-extension://${fullB.id}/progress.html`;
  const emptyBUrl = emptyB && `chrome-extension://${emptyB.id}/progress.html`;
  if (fullB) {
    const seedB = await fullB.context.newPage();
    await seedB.goto(fullBUrl);
    await seedTenYears(seedB);
    await seedB.close();
    await timeToDrawn(emptyB.context, emptyBUrl);
    await timeToDrawn(fullB.context, fullBUrl); // builds the summaries once
  }
  const floor = [];
  const floorUrl = `chrome-extension://${empty.id}/pause.html`;
  // Warm-up, then alternate so that machine noise falls on all alike. The first ten-year open
  // builds the summaries from the 24,686 events (once, as the upgrade to version 2 does).
  await timeToDrawn(empty.context, emptyUrl);
  await timeToDrawn(month.context, monthUrl);
  const check = await timeToDrawn(full.context, fullUrl);
  const builtOnce = check.ms;
  if (check.grid < 365) throw new Error(`The ten-year page drew ${check.grid} calendar days, not a year's.`);
  // The first screen: the streak and the whole year's calendar, already in the commit marked first.
  if (check.firstDays < 365 || !/\d/.test(check.firstStreak) || check.firstMarks !== 2)
    throw new Error(
      `The ten-year page's first screen held ${check.firstDays} calendar days and streak "${check.firstStreak}" (${check.firstMarks} of 2 marks painted).`,
    );
  // 20,000 visits, three in five turned back: all ten years must count, not only the recent months.
  if (!/^12,?000 times$/.test(check.turned)) throw new Error(`The ten-year page says turned back "${check.turned}", not 12,000 times.`);
  // What the urge log learnt, from the last twelve months' urges (every one lasted 10 minutes).
  if (!check.fade.includes('about 10 minutes')) throw new Error(`The ten-year page says "${check.fade}", not that urges fade after about 10 minutes.`);
  // The weekly review: the first open above made the history version 4; ten years of weekly reviews now.
  const reviewUrl = `chrome-extension://${full.id}/review.html`;
  const reviewSeed = await full.context.newPage();
  await reviewSeed.goto(reviewUrl);
  const reviewsStored = await seedReviews(reviewSeed);
  await reviewSeed.close();
  const reviewCheck = await timeToReviewDrawn(full.context, reviewUrl);
  // Today is in the ten years: a check-in on each of the last seven days, and every review counted (the newest ten drawn).
  if (!/7 of 7/.test(reviewCheck.week)) throw new Error(`The weekly review drew "${reviewCheck.week}", not 7 of 7 days checked in.`);
  if (reviewCheck.listed.replace(/\D/g, '') !== String(reviewsStored))
    throw new Error(`The weekly review says "${reviewCheck.listed}", not ${reviewsStored} reviews.`);
  // The same page with no history and with 30 days (no reviews): what ten years and 520 reviews add.
  const reviewEmptyUrl = `chrome-extension://${empty.id}/review.html`;
  const reviewMonthUrl = `chrome-extension://${month.id}/review.html`;
  await timeToReviewDrawn(empty.context, reviewEmptyUrl);
  await timeToReviewDrawn(month.context, reviewMonthUrl);
  rows.review = [];
  rows.reviewEmpty = [];
  rows.reviewMonth = [];
  const summaryUrl = `chrome-extension://${full.id}/summary.html`;
  const summaryCheck = await timeToSummary(full.context, summaryUrl);
  if (summaryCheck.days !== 28) throw new Error(`The ten-year summary drew ${summaryCheck.days} days, not four weeks.`);
  rows.summary = [];
  for (let i = 0; i < opens; i += 1) {
    rows.review.push(await timeToReviewDrawn(full.context, reviewUrl));
    rows.reviewEmpty.push(await timeToReviewDrawn(empty.context, reviewEmptyUrl));
    rows.reviewMonth.push(await timeToReviewDrawn(month.context, reviewMonthUrl));
    rows.empty.push(await timeToDrawn(empty.context, emptyUrl));
    rows.full.push(await timeToDrawn(full.context, fullUrl));
    rows.month.push(await timeToDrawn(month.context, monthUrl));
    if (fullB) {
      rows.fullB.push(await timeToDrawn(fullB.context, fullBUrl));
      rows.emptyB.push(await timeToDrawn(emptyB.context, emptyBUrl));
    }
    floor.push(await staticFirstPaint(empty.context, floorUrl));
    rows.summary.push(await timeToSummary(full.context, summaryUrl));
  }
  const s = (list, key) => stats(list.map((r) => r[key]));
  const fl = stats(floor);
  const [ec, fc, mc] = [s(rows.empty, 'cpuMs'), s(rows.full, 'cpuMs'), s(rows.month, 'cpuMs')];
  const [eo, fo, mo] = [s(rows.empty, 'ms'), s(rows.full, 'ms'), s(rows.month, 'ms')];
  const [ek, fk, mk] = [s(rows.empty, 'complete'), s(rows.full, 'complete'), s(rows.month, 'complete')];
  const [eown, fown, mown] = [s(rows.empty, 'own'), s(rows.full, 'own'), s(rows.month, 'own')];
  const version = full.context.browser()?.version() ?? 'unknown';
  const fmt = (n) => n.toFixed(1);
  console.log(`Chromium ${version}; ${opens} opens each, alternating; ${new Date().toISOString()}`);
  console.log(
    `progress.html loads ${weight.files} files: JavaScript ${(weight.js / 1024).toFixed(1)} KB gzipped, CSS ${(weight.css / 1024).toFixed(1)} KB gzipped`,
  );
  console.log(`history events stored in the 10-year profile: ${stored}`);
  console.log(
    `summary.html loads ${summaryWeight.files} files: JavaScript ${(summaryWeight.js / 1024).toFixed(1)} KB gzipped, CSS ${(summaryWeight.css / 1024).toFixed(1)} KB gzipped`,
  );
  console.log(
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const [ro, rown, rc] = [s(rows.review, 'ms'), s(rows.review, 'own'), s(rows.review, 'cpuMs')];
  const [reo, reown, rec] = [s(rows.reviewEmpty, 'ms'), s(rows.reviewEmpty, 'own'), s(rows.reviewEmpty, 'cpuMs')];
  const [rmo, rmown, rmc] = [s(rows.reviewMonth, 'ms'), s(rows.reviewMonth, 'own'), s(rows.reviewMonth, 'cpuMs')];
  const reviewWeight = pageWeight('review.html');
  console.log(
    `review.html loads ${reviewWeight.files} files: JavaScript ${(reviewWeight.js / 1024).toFixed(1)} KB gzipped, CSS ${(reviewWeight.css / 1024).toFixed(1)} KB gzipped`,
  );
  console.log(`first ten-year open after seeding (summaries built from ${stored} events, once): drawn at ${fmt(builtOnce)} ms`);
  console.log(
    "| what | drawn (every chart, all history), median ms from navigation start | p95 ms | drawn after the page's own first paint, median ms | p95 | complete (events counted), median ms | median main-thread CPU ms by then | p95 |",
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  const row = (what, o, own, k, c) =>
    console.log(`| ${what} | ${fmt(o.median)} | ${fmt(o.p95)} | ${fmt(own.median)} | ${fmt(own.p95)} | ${fmt(k.median)} | ${fmt(c.median)} | ${fmt(c.p95)} |`);
  row('Progress, no history', eo, eown, ek, ec);
  row(`Progress, 30 days (${monthStored} events)`, mo, mown, mk, mc);
  row(`Progress, 10 years (${stored} events)`, fo, fown, fk, fc);
  const reviewRow = (what, o, own, c) =>
    console.log(`| ${what} | ${fmt(o.median)} | ${fmt(o.p95)} | ${fmt(own.median)} | ${fmt(own.p95)} | | ${fmt(c.median)} | ${fmt(c.p95)} |`);
  reviewRow('Weekly review, no history', reo, reown, rec);
  reviewRow(`Weekly review, 30 days (${monthStored} events)`, rmo, rmown, rmc);
  console.log(
    `| Weekly review, 10 years (${stored} events, ${reviewsStored} reviews) | ${fmt(ro.median)} | ${fmt(ro.p95)} | ${fmt(rown.median)} | ${fmt(rown.p95)} | | ${fmt(rc.median)} | ${fmt(rc.p95)} |`,
  );
  const [so, sown] = [s(rows.summary, 'ms'), s(rows.summary, 'own')];
  console.log(
    `| Print a summary (summary.html, the last four weeks), 10 years (${stored} events) | ${fmt(so.median)} | ${fmt(so.p95)} | ${fmt(sown.median)} | ${fmt(sown.p95)} | | | |`,
  );
  console.log(`| floor: a static extension page's first paint (pause.html) | ${fmt(fl.median)} | ${fmt(fl.p95)} | | | | | |`);
  const firstRow = (what, list) => {
    const [f, fown2, d] = [s(list, 'first'), s(list, 'firstOwn'), s(list, 'ms')];
    console.log(
      `| ${what} | ${fmt(f.median)} | ${fmt(f.p95)} | ${fmt(fown2.median)} | ${fmt(f.median - fl.median)} | ${fmt(d.median)} | ${fmt(d.median - fl.median)} |`,
    );
  };
  console.log(
    '\n| what | first screen drawn (streak and calendar), median ms | p95 | after its own first paint, median | first screen minus the floor | every chart drawn, median ms | every chart minus the floor |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  firstRow('Progress, no history', rows.empty);
  firstRow(`Progress, 30 days (${monthStored} events)`, rows.month);
  firstRow(`Progress, 10 years (${stored} events)`, rows.full);
  if (fullB) {
    firstRow(`Progress, no history, build B (${also})`, rows.emptyB);
    firstRow(`Progress, 10 years, build B (${also})`, rows.fullB);
  }
  console.log(`load average at the start: ${startLoad}`);
  console.log(
    `weekly review, 10 years: drawn ${fmt(ro.median)} ms from navigation start (median), ${fmt(rown.median)} ms after its own first paint; floor ${fmt(fl.median)} ms`,
  );
  console.log(
    `weekly review, 10 years minus no history (median): ${fmt(ro.median - reo.median)} ms wall, ${fmt(rc.median - rec.median)} ms CPU; ratio ${(ro.median / reo.median).toFixed(2)} wall`,
  );
  console.log(
    `ratios (medians): 10 years / none ${(fo.median / eo.median).toFixed(2)} wall, ${(fc.median / ec.median).toFixed(2)} CPU; 10 years / floor ${(fo.median / fl.median).toFixed(2)}; none / floor ${(eo.median / fl.median).toFixed(2)}`,
  );
  console.log(
    `10 years / 30 days ${(fo.median / mo.median).toFixed(2)} wall, ${(fc.median / mc.median).toFixed(2)} CPU; 30 days / floor ${(mo.median / fl.median).toFixed(2)}`,
  );
  console.log(
    `10 years minus the floor (median): ${fmt(fo.median - fl.median)} ms; minus no history: ${fmt(fo.median - eo.median)} ms; minus 30 days: ${fmt(fo.median - mo.median)} ms`,
  );
} finally {
  await empty.close();
  await full.close();
  await month.close();
  if (fullB) {
    await fullB.close();
    await emptyB.close();
  }
}
