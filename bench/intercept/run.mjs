#!/usr/bin/env node
// Interception benchmark: Steadfast (a declarativeNetRequest redirect) against a blocker that
// intercepts with webNavigation.onBeforeNavigate + tabs.update, and against no extension at all.
// Method and reading: BENCHMARKS.md, "Interception: Steadfast vs webNavigation blockers".
//
//   npm run build && npm run bench:intercept [-- --navigations 30 --restarts 10 --latency 0 --smoke]
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { attach, CHROMIUM, evaluate, launch, newProfile, removeProfile, waitForTarget } from './chromium.mjs';
import { writeBareExtension } from './bare-extension.mjs';
import { beaconServer, triggerServer } from './server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const STEADFAST_DIR = join(ROOT, '.output/chrome-mv3');
const COMPARISON_DIR = join(HERE, 'comparison-extension');
const TRIGGER_HOST = 'trigger.test';

// ---------------------------------------------------------------------------------------------
// Options

function parseOptions(argv) {
  const options = {
    navigations: Number(process.env.BENCH_NAVIGATIONS ?? 30),
    restarts: Number(process.env.BENCH_RESTARTS ?? 10),
    latency: Number(process.env.BENCH_LATENCY_MS ?? 0),
    gapMs: 100,
    settleMs: 200,
    timeoutMs: 5_000,
    steadfast: STEADFAST_DIR,
    also: null,
    smoke: false,
    json: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--smoke') options.smoke = true;
    else if (arg === '--navigations') options.navigations = Number(value());
    else if (arg === '--restarts') options.restarts = Number(value());
    else if (arg === '--latency') options.latency = Number(value());
    else if (arg === '--json') options.json = value();
    else if (arg === '--steadfast') options.steadfast = resolve(value());
    else if (arg === '--also') options.also = resolve(value());
    else if (arg === '--help' || arg === '-h') {
      console.log(
        'npm run bench:intercept [-- --navigations N] [--restarts N] [--latency MS] [--json FILE] [--smoke]\n' +
          '  --navigations N  warm and cold navigations per variant (default 30, env BENCH_NAVIGATIONS)\n' +
          '  --restarts N     browser restarts per variant for "first navigation after start" (default 10)\n' +
          '  --latency MS     delay of each trigger-site response (default 0: a local site, the hardest floor)\n' +
          '  --json FILE      where to write every measurement (default bench/results/intercept-<time>.json)\n' +
          '  --steadfast DIR  another Steadfast build to measure (default .output/chrome-mv3)\n' +
          '  --also DIR       a second Steadfast build measured alongside, in the same run (an A/B of two builds)\n' +
          '  --smoke          one navigation of each kind per variant, for CI; no timing assertions',
      );
      process.exit(0);
    } else throw new Error(`Unknown option ${arg} (try --help)`);
  }
  if (options.smoke) {
    options.navigations = 1;
    options.restarts = 1;
  }
  for (const key of ['navigations', 'restarts', 'latency']) {
    if (!Number.isInteger(options[key]) || options[key] < 0) throw new Error(`--${key} must be a whole number`);
  }
  if (options.navigations < 1) throw new Error('--navigations must be at least 1');
  return options;
}

// ---------------------------------------------------------------------------------------------
// One browser per variant, with one tab that is measured

// eslint-disable-next-line no-restricted-syntax -- the one timer here: poll intervals, the navigation deadline and the two windows below
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

class Variant {
  constructor(key, label, extensionDir, blockPath) {
    Object.assign(this, { key, label, extensionDir, blockPath });
    this.profile = newProfile();
    this.browser = null;
    this.extensionId = null;
    this.session = null;
    this.frameId = null;
    this.workers = new Map();
  }

  /** Nothing else resolves (tests/launch/chromium.mjs): the benchmark never leaves 127.0.0.1. */
  get hosts() {
    return { [TRIGGER_HOST]: this.server.port, [`*.${TRIGGER_HOST}`]: this.server.port, 'beacon.test': this.beaconPort };
  }

  async launch() {
    this.browser = await launch({ profile: this.profile, extensionDir: this.extensionDir, hosts: this.hosts });
    this.version = (await this.browser.cdp.send('Browser.getVersion')).product;
  }

  async close() {
    await this.browser?.close();
    this.browser = null;
    this.session = null;
  }

  get cdp() {
    return this.browser.cdp;
  }

  /** Attaches to a page target and turns on what the measurement reads. */
  async use(targetId) {
    const cdp = this.cdp;
    this.session = await attach(cdp, targetId);
    this.frameId = targetId;
    this.workers = new Map();
    const session = this.session;
    cdp.on('ServiceWorker.workerVersionUpdated', (params, sessionId) => {
      if (sessionId !== session) return;
      for (const version of params.versions) this.workers.set(version.versionId, version);
    });
    await Promise.all([
      cdp.send('Page.enable', {}, session),
      cdp.send('Page.setLifecycleEventsEnabled', { enabled: true }, session),
      cdp.send('Network.enable', {}, session),
      cdp.send('ServiceWorker.enable', {}, session),
    ]);
  }

  /** The running status of this variant's extension service worker ('running', 'stopped', …), or null. */
  workerStatus() {
    if (!this.extensionId) return null;
    const mine = [...this.workers.values()].filter((v) => v.scriptURL.startsWith(`chrome-extension://${this.extensionId}/`) && v.status !== 'redundant');
    if (mine.length === 0) return 'unknown';
    if (mine.some((v) => v.runningStatus === 'running')) return 'running';
    if (mine.some((v) => v.runningStatus === 'starting')) return 'starting';
    if (mine.some((v) => v.runningStatus === 'stopping')) return 'stopping';
    return 'stopped';
  }

  async workerTargetExists() {
    const { targetInfos } = await this.cdp.send('Target.getTargets');
    return targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${this.extensionId}/`));
  }

  /** Stops every service worker and checks that this extension's really stopped. */
  async stopWorkers() {
    await this.cdp.send('ServiceWorker.stopAllWorkers', {}, this.session);
    if (!this.extensionId) return;
    const start = Date.now();
    while (this.workerStatus() !== 'stopped' || (await this.workerTargetExists())) {
      if (Date.now() - start > 15_000) throw new Error(`${this.label}: service worker did not stop (${this.workerStatus()})`);
      await sleep(10);
    }
  }

  /** Makes sure this extension's service worker is running (warm). */
  async startWorker() {
    if (!this.extensionId) return;
    if (this.workerStatus() !== 'running') {
      await this.cdp.send('ServiceWorker.startWorker', { scopeURL: `chrome-extension://${this.extensionId}/` }, this.session);
    }
    const start = Date.now();
    while (this.workerStatus() !== 'running') {
      if (Date.now() - start > 15_000) throw new Error(`${this.label}: service worker did not start (${this.workerStatus()})`);
      await sleep(10);
    }
  }

  async blank() {
    await this.cdp.send('Page.navigate', { url: 'about:blank' }, this.session);
    await this.cdp.waitFor('Page.frameStoppedLoading', (p, s) => s === this.session && p.frameId === this.frameId, 5_000).catch(() => {});
  }

  /**
   * Keeps `targetId` the only tab. Chromium installs a --load-extension extension afresh at every
   * start (onInstalled 'install', no onStartup), so Steadfast opens its welcome page in a new tab on
   * each restart, which a store install never does; that tab would hide the measured one, and a
   * hidden tab does not paint. Such tabs are closed as soon as they appear, and counted.
   */
  async keepOnlyTab(targetId) {
    this.closedTabs = 0;
    this.closedTabTimes = [];
    const cdp = this.cdp;
    cdp.on('Target.targetCreated', ({ targetInfo }) => {
      if (targetInfo.type !== 'page' || targetInfo.targetId === targetId) return;
      this.closedTabs += 1;
      this.closedTabTimes.push(Date.now());
      cdp.send('Target.closeTarget', { targetId: targetInfo.targetId }).catch(() => {});
    });
    await cdp.send('Target.setDiscoverTargets', { discover: true });
  }

  isBlockPage(url) {
    return this.extensionId !== null && url.startsWith(`chrome-extension://${this.extensionId}${this.blockPath}`);
  }

  /**
   * Navigates the tab to the trigger site as a typed address would (a browser-initiated
   * navigation) and measures until the page this variant should end on has painted.
   */
  async measure(nav, url) {
    const cdp = this.cdp;
    const session = this.session;
    const record = {
      start: null,
      documents: [],
      commits: [],
      paints: [],
      workerAtStart: this.workerStatus(),
      workerStarted: false,
    };
    const loaderUrl = new Map();
    const expected = this.extensionId ? (u) => this.isBlockPage(u) : (u) => u.startsWith(url);
    let finish;
    const done = new Promise((resolve) => (finish = resolve));
    const listener = (method, params, sessionId) => {
      if (sessionId !== session) return;
      if (method === 'Network.requestWillBeSent' && params.type === 'Document' && params.frameId === this.frameId) {
        record.documents.push({ url: params.request.url, t: params.timestamp, redirectStatus: params.redirectResponse?.status });
        if (record.start === null && params.request.url === url) record.start = params.timestamp;
      } else if (method === 'Page.frameNavigated' && !params.frame.parentId) {
        const full = params.frame.url + (params.frame.urlFragment ?? '');
        loaderUrl.set(params.frame.loaderId, full);
        record.commits.push(full);
      } else if (method === 'Page.lifecycleEvent' && params.frameId === this.frameId && params.name === 'firstContentfulPaint') {
        const paintedUrl = loaderUrl.get(params.loaderId) ?? '';
        record.paints.push({ url: paintedUrl, t: params.timestamp });
        if (expected(paintedUrl)) finish();
      } else if (method === 'ServiceWorker.workerVersionUpdated') {
        if (params.versions.some((v) => v.scriptURL.startsWith(`chrome-extension://${this.extensionId}/`) && v.runningStatus === 'starting')) {
          record.workerStarted = true;
        }
      }
    };
    cdp.on('*', listener);
    const sentAt = Date.now();
    try {
      const navigated = await cdp.send('Page.navigate', { url }, session);
      record.navigateError = navigated.errorText ?? null;
      // eslint-disable-next-line no-restricted-syntax -- a deadline for the navigation, not a wait: `done` ends it
      const timedOut = await Promise.race([done.then(() => false), sleep(this.timeoutMs).then(() => true)]);
      record.timedOut = timedOut;
      if (!timedOut) {
        record.inPage = await evaluate(
          cdp,
          session,
          // The paint entry is queued once the frame is presented, which can come after CDP's
          // lifecycle event: wait for it (up to 3 s) rather than read too early and lose the round.
          `new Promise((resolve) => {
            const n = performance.getEntriesByType('navigation')[0];
            const done = (fcp) => resolve({ url: location.href, fcp: fcp ? fcp.startTime : null, redirectCount: n ? n.redirectCount : null });
            const timer = setTimeout(() => done(performance.getEntriesByName('first-contentful-paint')[0]), 3000);
            new PerformanceObserver((list) => {
              const fcp = list.getEntriesByName('first-contentful-paint')[0];
              if (fcp) { clearTimeout(timer); done(fcp); }
            }).observe({ type: 'paint', buffered: true });
          })`,
        ).catch((error) => ({ error: String(error) }));
        if (this.key.startsWith('steadfast') && record.inPage?.fcp != null) record.marks = await pauseMarks(cdp, session);
      }
      // eslint-disable-next-line no-restricted-syntax -- a window to watch, not a wait: a late paint or request to the trigger is what it would catch
      await sleep(this.settleMs);
    } finally {
      cdp.off('*', listener);
    }
    const finalPaint = record.paints.find((p) => expected(p.url));
    const triggerPaint = record.paints.find((p) => hostOf(p.url)?.endsWith(TRIGGER_HOST));
    const triggerCommitted = record.commits.some((u) => hostOf(u)?.endsWith(TRIGGER_HOST));
    let endedOn;
    if (finalPaint) endedOn = this.extensionId ? 'block page' : 'trigger page';
    else if (record.commits.some((u) => u.startsWith('chrome-error:'))) endedOn = `error page (${record.navigateError ?? 'no code'})`;
    else if (triggerCommitted) endedOn = 'trigger page';
    else endedOn = `nothing painted in ${this.timeoutMs / 1000} s`;
    // Element timings are on the page's own clock: placed on the CDP scale through its first paint.
    const onCdpScale = (t) =>
      t == null || record.inPage?.fcp == null || finalPaint === undefined || record.start === null
        ? null
        : (finalPaint.t - record.start) * 1000 + (t - record.inPage.fcp);
    return {
      nav,
      endedOn,
      planMs: onCdpScale(record.marks?.plan),
      allThereMs: onCdpScale(record.marks?.allThere),
      marks: record.marks ?? null,
      blocked: this.extensionId ? Boolean(finalPaint) : null,
      fcpMs: finalPaint && record.start !== null ? (finalPaint.t - record.start) * 1000 : null,
      inPageFcpMs: record.inPage?.fcp ?? null,
      inPageError: record.inPage?.error ?? null,
      triggerCommitted,
      triggerPainted: Boolean(triggerPaint),
      workerAtStart: record.workerAtStart,
      workerStarted: record.workerStarted,
      timedOut: record.timedOut,
      // When other tabs appeared (and were closed), in ms after the navigation was sent (Node's clock).
      otherTabsAt: (this.closedTabTimes ?? []).filter((t) => t >= sentAt - 5_000).map((t) => t - sentAt),
      navigateError: record.navigateError,
      startSeen: record.start !== null,
      documents: record.documents.map((d) => ({ ...d, t: record.start === null ? null : (d.t - record.start) * 1000 })),
      commits: record.commits,
    };
  }
}

/**
 * What the person came for, timed on the pause page by Element Timing (`elementtiming` in
 * components/element-timing.ts): the plan's first item, the coping prompt and the support people
 * painted; with "Get help now" and "I'm not safe" (static HTML, so there at its first paint) that
 * is everything the page shows. `allThere`: the last of them. Waits up to 3 s.
 */
async function pauseMarks(cdp, session) {
  return evaluate(
    cdp,
    session,
    `new Promise((resolve) => {
      const wanted = ['plan-first', 'coping-prompt', 'support-people'];
      const seen = {};
      const done = () => {
        const shell = Boolean(document.querySelector('.help-link') && document.querySelector('.crisis-link'));
        const times = wanted.map((name) => seen[name]);
        resolve({ plan: seen['plan-first'] ?? null, seen, shell, allThere: shell && times.every((t) => t != null) ? Math.max(...times) : null });
      };
      const timer = setTimeout(done, 3000);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) seen[entry.identifier] ??= entry.renderTime || entry.loadTime;
        if (wanted.every((name) => seen[name] != null)) { clearTimeout(timer); done(); }
      }).observe({ type: 'element', buffered: true });
    })`,
  ).catch((error) => ({ error: String(error) }));
}

/** True when the manifest, the pause page and every file the pause page names are all there. */
function buildIsWhole(dir) {
  const pause = join(dir, 'pause.html');
  if (!existsSync(join(dir, 'manifest.json')) || !existsSync(pause)) return false;
  const html = readFileSync(pause, 'utf8');
  const named = [...html.matchAll(/(?:src|href)="\/([^"#?]+)"/g)].map((m) => m[1]);
  return named.every((file) => existsSync(join(dir, file)));
}

function hostOf(url) {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Setup

/** First launch: find the extension, give Steadfast its one trigger, leave one blank tab. */
async function prepare(variant) {
  await variant.launch();
  const cdp = variant.cdp;
  if (variant.extensionDir) {
    const worker = await waitForTarget(cdp, (t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    variant.extensionId = new URL(worker.url).host;
    if (variant.key.startsWith('steadfast')) await addSteadfastTrigger(cdp, worker.targetId);
    if (variant.key === 'bare') await waitForBareRule(cdp, worker.targetId);
  }
  await freshTab(variant);
}

/** Waits until the bare extension's background has put its redirect rule in place. */
async function waitForBareRule(cdp, workerTargetId) {
  const session = await attach(cdp, workerTargetId);
  const start = Date.now();
  while (!(await evaluate(cdp, session, 'chrome.declarativeNetRequest.getDynamicRules().then((r) => r.length > 0)').catch(() => false))) {
    if (Date.now() - start > 10_000) throw new Error('The bare extension did not add its rule within 10 s');
    await sleep(25);
  }
  await cdp.send('Target.detachFromTarget', { sessionId: session });
}

/**
 * A plan with a reason, an if-then step, a coping strategy and one support person, in the stored
 * shape of lib/plan/plan-item.ts (version 2; WXT keeps the version under `plan$`): what the pause
 * page is for, so the benchmark times it on screen.
 */
const BENCH_PLAN = {
  reasons: ['To be there for my daughter'],
  ifThenSteps: [{ id: 'step-1', when: 'I feel the pull after work', then: 'call Sam and go for a walk' }],
  copingStrategies: ['Cold water on my face'],
  supportPeople: [{ id: 'person-1', name: 'Sam', relationship: 'friend', phone: '+44 7700 900123', email: '', willDo: 'Pick up' }],
};

/** Writes the trigger list as "My recovery" would, then waits for the background's rule. */
async function addSteadfastTrigger(cdp, workerTargetId) {
  const session = await attach(cdp, workerTargetId);
  // The worker's global scope may not be ready the moment its target appears.
  const ready = Date.now();
  while (!(await evaluate(cdp, session, "typeof chrome === 'object' && Boolean(chrome.storage)").catch(() => false))) {
    if (Date.now() - ready > 10_000) throw new Error("Steadfast's service worker has no chrome.storage");
    await sleep(25);
  }
  // The shape of lib/triggers/trigger.ts; WXT keeps the item 'local:triggers' under the key 'triggers'.
  // Version 2 (with its mode, as "My recovery" adds it): no migration rewrites it after the write.
  const trigger = { id: 'bench-trigger', kind: 'site', mode: 'pause', display: TRIGGER_HOST, host: TRIGGER_HOST, addedAt: Date.now() };
  // A person who has set Steadfast up: the welcome is done (else Chromium's reinstall of an unpacked
  // extension at every start opens it again, which a store install never does).
  await evaluate(
    cdp,
    session,
    `chrome.storage.local.set({ plan: ${JSON.stringify(BENCH_PLAN)}, plan$: { v: 2 }, welcome: { place: 'done' }, welcome$: { v: 1 } })`,
  );
  await evaluate(cdp, session, `chrome.storage.local.set({ triggers: [${JSON.stringify(trigger)}], triggers$: { v: 2 } })`);
  const start = Date.now();
  for (;;) {
    const rules = await evaluate(cdp, session, 'chrome.declarativeNetRequest.getDynamicRules()');
    if (rules.some((rule) => (rule.condition.requestDomains ?? []).includes(TRIGGER_HOST))) break;
    if (Date.now() - start > 30_000) throw new Error('Steadfast did not add a rule for its trigger within 30 s');
    await sleep(25);
  }
  await cdp.send('Target.detachFromTarget', { sessionId: session });
}

/** One measured tab on about:blank; every other tab (Steadfast's welcome page) is closed. */
async function freshTab(variant) {
  const cdp = variant.cdp;
  const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank' });
  const { targetInfos } = await cdp.send('Target.getTargets');
  for (const t of targetInfos) {
    if (t.type === 'page' && t.targetId !== targetId) await cdp.send('Target.closeTarget', { targetId: t.targetId });
  }
  await variant.use(targetId);
  await variant.blank();
}

// ---------------------------------------------------------------------------------------------
// Figures

function quantile(sorted, q) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

function summarise(results, variant, mode, server, beacon) {
  const rows = results.filter((r) => r.variant === variant.key && r.mode === mode);
  const navs = new Set(rows.map((r) => r.nav));
  const fcps = rows
    .map((r) => r.fcpMs)
    .filter((v) => v !== null)
    .sort((a, b) => a - b);
  const inPage = rows
    .map((r) => r.inPageFcpMs)
    .filter((v) => v !== null)
    .sort((a, b) => a - b);
  const requests = server.requests.filter((r) => navs.has(new URLSearchParams(r.query).get('nav')));
  const reports = beacon.reports(variant.key).filter((r) => navs.has(r.nav));
  return {
    variant: variant.key,
    label: variant.label,
    mode,
    navigations: rows.length,
    endedOn: countBy(rows.map((r) => r.endedOn)),
    blocked: variant.extensionId ? rows.filter((r) => r.blocked).length : null,
    triggerRequests: requests.length,
    triggerNavsReached: new Set(requests.map((r) => new URLSearchParams(r.query).get('nav'))).size,
    bytesIn: rows.reduce((sum, r) => sum + r.bytes.bytesIn, 0),
    bytesOut: rows.reduce((sum, r) => sum + r.bytes.bytesOut, 0),
    connections: rows.reduce((sum, r) => sum + r.bytes.connections, 0),
    committed: rows.filter((r) => r.triggerCommitted).length,
    markerRan: new Set(reports.map((r) => r.nav)).size,
    painted: rows.filter((r) => r.triggerPainted).length,
    workerAtStart: countBy(rows.map((r) => r.workerAtStart ?? 'n/a')),
    workerStarted: rows.filter((r) => r.workerStarted).length,
    otherTabsClosed: rows.filter((r) => r.otherTabsClosed > 0).length,
    fcpMedian: quantile(fcps, 0.5),
    fcpP95: quantile(fcps, 0.95),
    fcpMean: fcps.length ? fcps.reduce((a, b) => a + b, 0) / fcps.length : null,
    inPageFcpMedian: quantile(inPage, 0.5),
    ...markStats(rows),
    measured: fcps.length,
  };
}

function markStats(rows) {
  const sorted = (key) =>
    rows
      .map((r) => r[key])
      .filter((v) => v !== null && v !== undefined)
      .sort((a, b) => a - b);
  const plan = sorted('planMs');
  const all = sorted('allThereMs');
  return { planMedian: quantile(plan, 0.5), planP95: quantile(plan, 0.95), allMedian: quantile(all, 0.5), allP95: quantile(all, 0.95), marked: all.length };
}

function countBy(values) {
  const counts = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

const ms = (v) => (v === null ? '—' : v.toFixed(1));
const ratio = (a, b) => (a === null || b === null || b === 0 ? '—' : (a / b).toFixed(2));
const kb = (bytes) => (bytes === 0 ? '0' : `${(bytes / 1024).toFixed(1)} KB`);

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(headers), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

const MODE_LABEL = {
  warm: 'warm service worker',
  cold: 'cold service worker (stopped before each navigation)',
  first: 'first navigation after the browser starts',
};

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (!existsSync(join(options.steadfast, 'manifest.json'))) {
    console.error(`No production build of Steadfast in ${options.steadfast}.\nRun \`npm run build\` first, then \`npm run bench:intercept\`.`);
    return 2;
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`Chromium is not installed at ${CHROMIUM}. Install Debian's package: sudo apt-get install -y chromium`);
    return 2;
  }

  // Measure a copy: another `npm run build` during the run would otherwise swap the files under
  // the browser's feet (the chunk names change with every build).
  const snapshot = mkdtempSync(join(os.tmpdir(), 'steadfast-bench-build-'));
  for (let attempt = 1; ; attempt++) {
    rmSync(snapshot, { recursive: true, force: true });
    cpSync(options.steadfast, snapshot, { recursive: true });
    if (buildIsWhole(snapshot)) break;
    if (attempt === 5) {
      console.error(`The build in ${options.steadfast} keeps changing or is incomplete (is a build running?).`);
      return 2;
    }
    await sleep(2_000);
  }
  const bareDir = writeBareExtension(join(snapshot, '..', `${snapshot.split('/').pop()}-bare`), snapshot, TRIGGER_HOST);
  const variants = [
    new Variant('steadfast', 'Steadfast (declarativeNetRequest redirect)', snapshot, '/pause.html'),
    new Variant('comparison', 'webNavigation + tabs.update', COMPARISON_DIR, '/blocked.html'),
    new Variant('bare', 'bare extension page (static HTML, no script), same redirect rule', bareDir, '/bare.html'),
    new Variant('floor', 'no extension (floor)', null, null),
  ];
  if (options.also) variants.push(new Variant('steadfast-b', `Steadfast, build ${options.also}`, options.also, '/pause.html'));
  const beacon = await beaconServer().start();
  for (const v of variants) {
    v.server = await triggerServer(v.key, options.latency).start();
    v.beaconPort = beacon.port;
    v.settleMs = options.settleMs;
    v.timeoutMs = options.timeoutMs;
  }

  const results = [];
  const skipped = [];
  const loadBefore = os.loadavg();
  const startedAt = new Date();
  let failed = null;
  const cleanup = async () => {
    for (const v of variants) await v.close().catch(() => {});
    rmSync(snapshot, { recursive: true, force: true });
    rmSync(bareDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    void cleanup().then(() => process.exit(130));
  });

  try {
    for (const v of variants) await prepare(v);
    const version = variants[0].version;
    console.log(
      `${version}; ${options.navigations} warm + ${options.navigations} cold navigations and ${options.restarts} ` +
        `first-after-start navigations per variant; trigger page latency ${options.latency} ms`,
    );

    let sequence = 0;
    const run = async (v, mode, round) => {
      const nav = `${mode}-${round}-${++sequence}`;
      const url = `http://${TRIGGER_HOST}/page?nav=${nav}`;
      const before = v.server.snapshot();
      const closedBefore = v.closedTabs ?? 0;
      const result = await v.measure(nav, url);
      result.otherTabsClosed = (v.closedTabs ?? 0) - closedBefore;
      const after = v.server.snapshot();
      result.bytes = {
        bytesIn: after.bytesIn - before.bytesIn,
        bytesOut: after.bytesOut - before.bytesOut,
        connections: after.connections - before.connections,
      };
      results.push({ variant: v.key, mode, round, ...result });
      if (v.key === 'steadfast' && !result.blocked) console.error(`\n${mode} navigation ${nav}: Steadfast ended on ${result.endedOn}`);
    };
    // One navigation each that is not counted: the first use of a page in a fresh browser (code
    // caches, the first renderer) is what "first navigation after the browser starts" measures.
    for (const v of variants) {
      await v.blank();
      await v.measure('warm-up', `http://${TRIGGER_HOST}/page?nav=warm-up`);
    }

    // Rotate the order each round so that no variant always goes first (or after the same one).
    const orderFor = (round) => variants.map((_, i) => variants[(i + round) % variants.length]);

    for (let round = 0; round < options.navigations; round++) {
      for (const mode of ['warm', 'cold']) {
        for (const v of orderFor(round)) {
          await v.blank();
          try {
            if (mode === 'warm') await v.startWorker();
            else await v.stopWorkers();
          } catch (error) {
            // On a machine this busy a worker can take longer than 15 s to stop or start: that
            // navigation is left out (said in the output), not the whole run.
            console.error(`\n${mode} round ${round}: ${error.message}; this navigation is skipped`);
            skipped.push({ variant: v.key, mode, round, reason: error.message });
            continue;
          }
          await sleep(options.gapMs);
          await run(v, mode, round);
        }
      }
      process.stdout.write(`\rround ${round + 1}/${options.navigations}`);
    }
    process.stdout.write('\n');

    // The first navigation after the browser starts: the tab the browser opened at launch is
    // sent to the trigger site as soon as the browser answers, whatever the extension is doing.
    for (let round = 0; round < options.restarts; round++) {
      for (const v of orderFor(round)) {
        await v.close();
        await v.launch();
        const page = await waitForTarget(v.cdp, (t) => t.type === 'page');
        await v.keepOnlyTab(page.targetId);
        await v.use(page.targetId);
        await run(v, 'first', round);
      }
      process.stdout.write(`\rrestart ${round + 1}/${options.restarts}`);
    }
    if (options.restarts > 0) process.stdout.write('\n');
    // eslint-disable-next-line no-restricted-syntax -- a window to watch, not a wait: late beacons or requests to the trigger
    await sleep(500);
  } catch (error) {
    failed = error;
  } finally {
    await cleanup();
  }
  const loadAfter = os.loadavg();

  if (failed) {
    console.error(`The benchmark could not run: ${failed.stack ?? failed}`);
    for (const v of variants) if (v.browser) console.error(v.browser.stderr());
    await Promise.all([beacon.stop(), ...variants.map((v) => v.server.stop())]);
    for (const v of variants) removeProfile(v.profile);
    return 1;
  }

  const modes = options.restarts > 0 ? ['warm', 'cold', 'first'] : ['warm', 'cold'];
  const summaries = modes.flatMap((mode) => variants.map((v) => summarise(results, v, mode, v.server, beacon)));
  const totals = Object.fromEntries(variants.map((v) => [v.key, v.server.snapshot()]));

  const machine = {
    date: startedAt.toISOString(),
    chromium: variants[0].version,
    cpus: os.availableParallelism(),
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    kernel: os.release(),
    node: process.version,
    loadBefore: loadBefore.map((l) => l.toFixed(2)).join(' '),
    loadAfter: loadAfter.map((l) => l.toFixed(2)).join(' '),
  };
  console.log(
    `\n${machine.date} · ${machine.chromium} · ${machine.cpus} CPUs · ${machine.memory} · Linux ${machine.kernel} · ` +
      `load ${machine.loadBefore} → ${machine.loadAfter}\n`,
  );
  console.log(
    table(
      [
        'when',
        'variant',
        'navs',
        'ended on',
        'requests at trigger',
        'bytes in / out at trigger',
        'trigger committed',
        'marker ran',
        'trigger painted',
        'FCP median ms',
        'FCP p95 ms',
      ],
      summaries.map((s) => [
        s.mode,
        s.label,
        s.navigations,
        Object.entries(s.endedOn)
          .map(([where, n]) => `${where} ×${n}`)
          .join(', '),
        s.triggerRequests,
        `${kb(s.bytesIn)} / ${kb(s.bytesOut)}`,
        s.committed,
        s.markerRan,
        s.painted,
        ms(s.fcpMedian),
        ms(s.fcpP95),
      ]),
    ),
  );
  console.log(`\n${modes.map((m) => `${m}: ${MODE_LABEL[m]}`).join('; ')}.`);
  if (skipped.length > 0)
    console.log(`Skipped (worker would not stop or start in 15 s): ${skipped.map((s) => `${s.variant} ${s.mode} round ${s.round}`).join(', ')}.`);
  console.log('FCP: from the browser sending the request for the typed address to the first contentful paint of the page the');
  console.log("tab ends on (the block page; for the floor, the trigger page itself), both on the browser's monotonic clock (CDP).");
  console.log('\nRatios, same run (FCP of the page the person ends on):\n');
  const find = (mode, key) => summaries.find((s) => s.mode === mode && s.variant === key);
  console.log(
    table(
      [
        'when',
        ...(options.also ? ['build'] : []),
        'Steadfast / bare page median',
        'p95',
        'Steadfast / webNavigation median',
        'p95',
        'Steadfast / floor median',
        'p95',
        'plan on screen / bare FCP median',
        'all there / bare FCP median',
      ],
      modes.flatMap((mode) =>
        variants
          .filter((v) => v.key.startsWith('steadfast'))
          .map((v) => {
            const [s, b, c, f] = [v.key, 'bare', 'comparison', 'floor'].map((k) => find(mode, k));
            return [
              mode,
              ...(options.also ? [v.key === 'steadfast' ? 'A' : 'B (--also)'] : []),
              ratio(s.fcpMedian, b.fcpMedian),
              ratio(s.fcpP95, b.fcpP95),
              ratio(s.fcpMedian, c.fcpMedian),
              ratio(s.fcpP95, c.fcpP95),
              ratio(s.fcpMedian, f.fcpMedian),
              ratio(s.fcpP95, f.fcpP95),
              ratio(s.planMedian, b.fcpMedian),
              ratio(s.allMedian, b.fcpMedian),
            ];
          }),
      ),
    ),
  );
  console.log('\nWhat the person came for, on the pause page (ms from the typed address, CDP clock; Element Timing):\n');
  console.log(
    table(
      [
        'when',
        'variant',
        "plan's first item painted, median",
        'p95',
        'all there (plan, prompt, support people, help, "not safe"), median',
        'p95',
        'navigations with all of them',
      ],
      summaries
        .filter((s) => s.variant.startsWith('steadfast'))
        .map((s) => [s.mode, s.label, ms(s.planMedian), ms(s.planP95), ms(s.allMedian), ms(s.allP95), `${s.marked} / ${s.navigations}`]),
    ),
  );
  console.log('\nService worker at navigation start (counts), and navigations during which it started:\n');
  console.log(
    table(
      ['when', 'variant', 'at start', 'started during navigation', 'FCP median, in-page clock ms', 'navigations where another tab opened (closed)'],
      summaries
        .filter((s) => s.variant !== 'floor' || s.mode === 'warm')
        .map((s) => [
          s.mode,
          s.label,
          JSON.stringify(s.workerAtStart),
          s.variant === 'floor' ? '—' : s.workerStarted,
          ms(s.inPageFcpMedian),
          s.mode === 'first' ? s.otherTabsClosed : '—',
        ]),
    ),
  );
  console.log(
    "\n(in-page clock: the final document's own first-contentful-paint entry, measured from its own navigation start; " +
      'it misses the time before a tabs.update navigation began, so only the CDP column above compares variants.)',
  );
  console.log(
    `\nWhole run (with one uncounted warm-up navigation each), trigger host: ${variants
      .map(
        (v) => `${v.key} ${totals[v.key].requests} requests, ${totals[v.key].connections} TCP connections (${totals[v.key].idleConnections} without a request)`,
      )
      .join('; ')}`,
  );

  const jsonPath = options.json ?? join(ROOT, 'bench/results', `intercept-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  mkdirSync(dirname(jsonPath), { recursive: true });
  writeFileSync(jsonPath, JSON.stringify({ machine, options, summaries, totals, skipped, results }, null, 2));
  console.log(`Every measurement: ${jsonPath}`);

  await Promise.all([beacon.stop(), ...variants.map((v) => v.server.stop())]);
  for (const v of variants) removeProfile(v.profile);

  // CI fails only when the benchmark cannot run or Steadfast let the trigger site through.
  const steadfast = summaries.filter((s) => s.variant === 'steadfast');
  const leaks = totals.steadfast.requests + beacon.reports('steadfast').length + steadfast.reduce((n, s) => n + s.committed, 0);
  const missed = steadfast.reduce((n, s) => n + (s.navigations - s.blocked), 0);
  if (leaks > 0) {
    console.error(`FAIL: Steadfast let the trigger site through (${totals.steadfast.requests} requests reached it).`);
    return 1;
  }
  if (missed > 0) {
    // Reported, not failed: the trigger site still did not load (checked above).
    console.error(`NOTE: the pause page did not appear in ${missed} of Steadfast's navigations (see "ended on").`);
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  // Bad options and the like: say what is wrong, without a stack.
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
}
