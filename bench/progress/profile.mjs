// Where Progress's time goes (issue 19, item 6): opens progress.html with ten years of history (or
// 30 days, or none) under a Chromium trace (CDP Tracing) and prints, per open and as medians, the
// page's own marks (performance.mark / measure named `progress:*`, if the build sets any) and the
// main thread's work between navigation start and every chart drawn, by kind: script compile and
// run, style, layout, paint, garbage collection, and the time the thread sat idle (waiting for
// IndexedDB, storage or the next frame).
//
//   npm run build && node bench/progress/profile.mjs [--opens 8] [--history 10y|30d|none] [--build DIR (another build's folder)]
import { resolve } from 'node:path';
import { elementPaints, launchSteadfast, opensFromArgs, requireBuildAndBrowser, stats } from '../extension-page.mjs';
import { seedTenYears } from './seed.mjs';

const opens = opensFromArgs(8);
const cpu = process.argv.includes('--cpu');
const at = process.argv.indexOf('--history');
const history = at > 0 ? process.argv[at + 1] : '10y';
requireBuildAndBrowser();

const KINDS = {
  compile: ['v8.compileModule', 'v8.compile', 'V8.CompileCode', 'v8.produceModuleCache', 'v8.produceCache'],
  script: ['v8.evaluateModule', 'EvaluateScript', 'FunctionCall', 'v8.callFunction', 'RunMicrotasks', 'TimerFire', 'FireAnimationFrame', 'EventDispatch'],
  parseHTML: ['ParseHTML', 'ParseAuthorStyleSheet'],
  style: ['UpdateLayoutTree', 'RecalculateStyles'],
  layout: ['Layout'],
  paint: ['PrePaint', 'Paint', 'Layerize', 'UpdateLayer', 'Commit', 'PaintImage', 'RasterTask'],
  gc: ['MinorGC', 'MajorGC', 'V8.GCScavenger', 'V8.GC_MC_BACKGROUND_MARKING', 'BlinkGC.AtomicPhase', 'V8.GCFinalizeMC'],
};

async function traced(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('main[data-first-screen]') && window.__firstAt === undefined && !window.__firsting) {
        window.__firsting = true;
        requestAnimationFrame(() => setTimeout(() => (window.__firstAt = performance.now())));
      }
      if (document.querySelector('main[data-ready]')) {
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => (window.__drawnAt = performance.now())));
      }
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8.execute',
        'v8',
        'blink.user_timing',
        'loading',
        'toplevel',
        'blink',
      ],
    },
  });
  if (cpu) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await page.goto(url);
  await page.waitForFunction(() => window.__drawnAt !== undefined, undefined, { timeout: 60_000 });
  const profile = cpu ? (await cdp.send('Profiler.stop')).profile : undefined;
  const marks = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    first: window.__firstAt,
    drawn: window.__drawnAt,
    script: performance
      .getEntriesByType('resource')
      .filter((r) => r.name.endsWith('.js'))
      .map((r) => ({ name: r.name.split('/').pop(), start: r.startTime, end: r.responseEnd })),
    marks: performance.getEntriesByType('mark').map((m) => ({ name: m.name, at: m.startTime })),
    origin: performance.timeOrigin,
  }));
  const painted = Object.values(await elementPaints(page, 'progress-first'));
  if (painted.length > 0) marks.first = Math.max(...painted);
  const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.end');
  const { stream } = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  await page.close();
  const parsed = JSON.parse(text);
  const list = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  return { marks, kinds: kindsOf(list, marks), self: profile && selfTimes(profile) };
}

/** Self time (ms) by function and place, from a CPU profile (a build without minifying names it best). */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  });
  return self;
}

/** Sums the main thread's work by kind, from navigation start to drawn, on the thread that set the page's marks. */
function kindsOf(list, marks) {
  const nav = list.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.includes('progress.html'));
  const main = nav ? { pid: nav.pid, tid: nav.tid } : undefined;
  if (!main) return {};
  const t0 = nav.ts;
  const end = t0 + marks.drawn * 1000;
  const own = list.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts >= t0 && e.ts <= end);
  const sums = {};
  for (const [kind, names] of Object.entries(KINDS)) {
    // Outermost events of the kind only: nested ones of the same kind are inside them.
    const of = own.filter((e) => names.includes(e.name)).sort((a, b) => a.ts - b.ts);
    let total = 0;
    let until = 0;
    for (const e of of) {
      if (e.ts >= until) {
        total += e.dur ?? 0;
        until = e.ts + (e.dur ?? 0);
      }
    }
    sums[kind] = total / 1000;
  }
  // Busy: every top-level task (RunTask) on the thread; idle is the rest of the window.
  let busy = 0;
  let until = 0;
  const tasks = [];
  for (const e of own.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts))
    if (e.ts >= until) {
      busy += e.dur ?? 0;
      until = e.ts + (e.dur ?? 0);
      if ((e.dur ?? 0) > 2000) {
        const inside = own.filter((c) => c !== e && c.ts >= e.ts && c.ts + (c.dur ?? 0) <= until && (c.dur ?? 0) > 1000 && !c.name.includes('RunTask'));
        tasks.push(
          `${((e.ts - t0) / 1000).toFixed(1)}+${(e.dur / 1000).toFixed(1)}: ${inside
            .slice(0, 6)
            .map((c) => `${c.name}${c.args?.data?.url ? `(${c.args.data.url.split('/').pop()})` : ''} ${(c.dur / 1000).toFixed(1)}`)
            .join(', ')}`,
        );
      }
    }
  sums.busy = busy / 1000;
  sums.tasks = tasks;
  sums.idle = marks.drawn - sums.busy;
  return sums;
}

const buildAt = process.argv.indexOf('--build');
const app = await launchSteadfast('progress-profile', { width: 1280, height: 800 }, buildAt > 0 ? resolve(process.argv[buildAt + 1]) : undefined);
try {
  const url = `chrome-extension://${app.id}/progress.html`;
  if (history !== 'none') {
    const seed = await app.context.newPage();
    await seed.goto(url);
    await seedTenYears(seed, history === '30d' ? 30 : 3650);
    await seed.close();
  }
  await traced(app.context, url); // builds the summaries once
  await traced(app.context, url);
  const runs = [];
  for (let i = 0; i < opens; i += 1) runs.push(await traced(app.context, url));
  const m = (f) => stats(runs.map(f).filter((v) => v !== undefined && Number.isFinite(v))).median?.toFixed(1);
  const names = [...new Set(runs.flatMap((r) => r.marks.marks.map((x) => x.name)))];
  console.log(`history ${history}; ${opens} opens; medians, ms from navigation start`);
  for (const r of runs[0].marks.script) console.log(`script ${r.name}: fetched ${r.start.toFixed(1)} to ${r.end.toFixed(1)}`);
  console.log(`script fetched (responseEnd, first file) ${m((r) => r.marks.script[0]?.end)}`);
  console.log(`first contentful paint ${m((r) => r.marks.fcp)}`);
  for (const name of names) console.log(`mark ${name} ${m((r) => r.marks.marks.find((x) => x.name === name)?.at)}`);
  console.log(`first screen painted (Element Timing of its marks, else data-first-screen + frame) ${m((r) => r.marks.first)}`);
  console.log(`drawn (data-ready + frame) ${m((r) => r.marks.drawn)}; after own first paint ${m((r) => r.marks.drawn - r.marks.fcp)}`);
  console.log('main thread from navigation start to drawn, by kind (medians):');
  for (const kind of [...Object.keys(KINDS), 'busy', 'idle']) console.log(`  ${kind} ${m((r) => r.kinds[kind])}`);
  if (cpu) {
    const total = new Map();
    for (const r of runs) for (const [k, v] of r.self) total.set(k, (total.get(k) ?? 0) + v / runs.length);
    console.log('CPU self time by function, mean ms per open (top 30):');
    for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${v.toFixed(1)} ${k}`);
  }
  console.log('main-thread tasks over 2 ms in the last open (start+duration ms: what is inside):');
  for (const task of runs.at(-1).kinds.tasks ?? []) console.log(`  ${task}`);
} finally {
  await app.close();
}
