#!/usr/bin/env node
// Where the pause page's time goes (issue 19): one Chromium with the production build, a trigger
// and a plan set as in bench/intercept, a few warm navigations to the trigger site, then one traced.
// Prints the renderer's main-thread steps from the pause document's navigation start: commit, HTML
// parsed, the first frame (the static first screen), its first contentful paint, each script and
// stylesheet response and the main-thread time spent receiving it, the module's evaluation, and the
// plan painted (Element Timing). Read it with the benchmark: this is one navigation, not a median.
//
//   npm run build && node bench/intercept/trace.mjs [--build DIR] [--warm N] [--out trace.json]
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { attach, evaluate, launch, newProfile, removeProfile, waitForTarget } from './chromium.mjs';
import { triggerServer } from './server.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const build = resolve(option('--build', join(import.meta.dirname, '../../.output/chrome-mv3')));
const warm = Number(option('--warm', '5'));
const out = option('--out', null);
const HOST = 'trigger.test';
// eslint-disable-next-line no-restricted-syntax -- poll intervals and the settling window of one traced navigation
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

const PLAN = {
  reasons: ['To be there for my daughter'],
  ifThenSteps: [{ id: 'step-1', when: 'I feel the pull after work', then: 'call Sam and go for a walk' }],
  copingStrategies: ['Cold water on my face'],
  supportPeople: [{ id: 'person-1', name: 'Sam', relationship: 'friend', phone: '+44 7700 900123', email: '', willDo: 'Pick up' }],
};

const server = await triggerServer('trace').start();
const profile = newProfile();
const browser = await launch({ profile, extensionDir: build, hosts: { [HOST]: server.port } });
try {
  const { cdp } = browser;
  const worker = await waitForTarget(cdp, (t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  const ws = await attach(cdp, worker.targetId);
  for (let i = 0; !(await evaluate(cdp, ws, "typeof chrome === 'object' && Boolean(chrome.storage)").catch(() => false)); i++) {
    if (i > 400) throw new Error("Steadfast's service worker has no chrome.storage");
    await sleep(25);
  }
  const trigger = { id: 'trace', kind: 'site', mode: 'pause', display: HOST, host: HOST, addedAt: Date.now() };
  await evaluate(cdp, ws, `chrome.storage.local.set({ plan: ${JSON.stringify(PLAN)}, plan$: { v: 2 }, welcome: { place: 'done' }, welcome$: { v: 1 } })`);
  await evaluate(cdp, ws, `chrome.storage.local.set({ triggers: [${JSON.stringify(trigger)}], triggers$: { v: 2 } })`);
  for (let i = 0; ; i++) {
    const rules = await evaluate(cdp, ws, 'chrome.declarativeNetRequest.getDynamicRules()');
    if (rules.some((rule) => (rule.condition.requestDomains ?? []).includes(HOST))) break;
    if (i > 1200) throw new Error('Steadfast did not add a rule for its trigger');
    await sleep(25);
  }
  const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank' });
  const page = await attach(cdp, targetId);
  await cdp.send('Page.enable', {}, page);
  const go = async (n) => {
    await cdp.send('Page.navigate', { url: 'about:blank' }, page);
    for (let i = 0; (await evaluate(cdp, page, 'location.href + document.readyState').catch(() => '')) !== 'about:blankcomplete'; i++) {
      if (i > 500) throw new Error('about:blank did not load');
      await sleep(10);
    }
    await cdp.send('Page.navigate', { url: `http://${HOST}:${server.port}/page?n=${n}` }, page);
    // The page's plan painted (Element Timing), or 5 s.
    return evaluate(
      cdp,
      page,
      `new Promise((resolve) => {
        const timer = setTimeout(() => resolve(null), 5000);
        const look = () => {
          if (!location.pathname.endsWith('/pause.html')) return setTimeout(look, 10);
          new PerformanceObserver((list) => {
            const plan = list.getEntries().find((e) => e.identifier === 'plan-first');
            if (plan) { clearTimeout(timer); resolve(plan.renderTime); }
          }).observe({ type: 'element', buffered: true });
        };
        look();
      })`,
    );
  };
  for (let i = 0; i < warm; i++) await go(`warm-${i}`);
  const events = [];
  cdp.on('Tracing.dataCollected', (params) => events.push(...params.value));
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8.execute',
        'blink.user_timing',
        'loading',
        'toplevel',
        'blink',
        'mojom',
      ],
    },
    transferMode: 'ReportEvents',
  });
  const planAt = await go('traced');
  const complete = cdp.waitFor('Tracing.tracingComplete', () => true, 30_000);
  await cdp.send('Tracing.end');
  await complete;
  if (out) writeFileSync(out, JSON.stringify({ traceEvents: events }));

  const fcp = events.filter((e) => e.name === 'firstContentfulPaint').at(-1);
  if (!fcp) throw new Error('No first contentful paint in the trace');
  const start = events.filter((e) => e.name === 'navigationStart' && e.pid === fcp.pid && e.ts <= fcp.ts).at(-1).ts;
  const main = events.filter((e) => e.pid === fcp.pid && e.tid === fcp.tid && e.ts >= start);
  const ms = (ts) => ((ts - start) / 1000).toFixed(1);
  const first = (name, test = () => true) => main.find((e) => e.name === name && test(e));
  const rows = [];
  const note = (what, event, extra = '') =>
    event && rows.push([Number(ms(event.ts)), what, `${ms(event.ts)}`, event.dur ? (event.dur / 1000).toFixed(1) : '', extra]);
  note('navigation committed', first('DocumentLoader::CommitNavigation'));
  note('static HTML parsed', first('ParseHTML'));
  note('first frame (static first screen) drawn', first('WebFrameWidgetImpl::UpdateLifecycle'));
  rows.push([Number(ms(fcp.ts)), 'first contentful paint', ms(fcp.ts), '', '']);
  for (const e of main.filter((x) => x.name === 'ThrottlingURLLoader::OnReceiveResponse')) {
    const url = e.args?.url ?? '';
    if (/\.(js|css)$/.test(url)) note('response received', e, url.slice(url.lastIndexOf('/') + 1));
  }
  note('module evaluated', first('v8.evaluateModule'));
  if (planAt != null) rows.push([Number(planAt.toFixed(1)), "plan's first item painted (Element Timing)", planAt.toFixed(1), '', '']);
  rows.sort((a, b) => a[0] - b[0]);
  console.log(`One traced navigation, ${build}; ms from the pause document's navigation start; main-thread ms where the step has a length`);
  console.log('| step | at ms | main thread ms | file |');
  console.log('| --- | --- | --- | --- |');
  for (const [, what, at, dur, file] of rows) console.log(`| ${what} | ${at} | ${dur} | ${file} |`);
} finally {
  await browser.close();
  await server.stop();
  removeProfile(profile);
}
