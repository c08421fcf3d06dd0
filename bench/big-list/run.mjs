// Big-list benchmark (issue 5): for imported lists of 1 / 1,000 / 10,000 / 100,000 trigger
// domains, in one run of Debian's headless Chromium with the production build:
//   - apply: from writing the list into the extension's storage (as the options page does) to the
//     dynamic rule holding its last domain, timed inside the service worker;
//   - import: from pressing "Import" with a chosen file in "My recovery" (parsing included) to the
//     summary shown and to the rule in place;
//   - navigation: from navigation start to the pause page's DOMContentLoaded and first contentful
//     paint, navigating to the LAST domain of the list (median of N), and, for comparison, to a
//     site that is not in the list while the list is in force;
//   - formats (issue 22): the largest size imported as a file in each list format (one site a
//     line, hosts, AdGuard / uBlock Origin / Adblock Plus, dnsmasq), to the summary and the rule.
//
//   npm run build && npm run bench:big-list [-- --navigations 15 --repeats 5 --smoke --json FILE]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM as executablePath, launchChromium, newProfile, removeProfile } from '../../tests/launch/chromium.mjs';

const root = resolve(import.meta.dirname, '../..');

function parseOptions(argv) {
  const options = {
    extension: process.env.STEADFAST_EXTENSION_DIR ?? join(root, '.output/chrome-mv3'),
    navigations: 15,
    repeats: 5,
    sizes: [1, 1_000, 10_000, 100_000],
    smoke: false,
    json: null,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      if (argv[i + 1] === undefined) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--smoke') options.smoke = true;
    else if (arg === '--navigations') options.navigations = Number(value());
    else if (arg === '--repeats') options.repeats = Number(value());
    else if (arg === '--extension') options.extension = resolve(value());
    else if (arg === '--json') options.json = resolve(value());
    else if (arg === '--help' || arg === '-h') {
      console.log(
        'npm run bench:big-list [-- --navigations N] [--repeats N] [--extension DIR] [--json FILE] [--smoke]\n' +
          '  --navigations N  navigations to the pause page (and to an unlisted site) per size (default 15)\n' +
          '  --repeats N      list writes and UI imports per size (default 5 writes; imports: min(N, 3))\n' +
          '  --extension DIR  the Chrome build to measure (default .output/chrome-mv3, env STEADFAST_EXTENSION_DIR)\n' +
          '  --json FILE      where to write every measurement (default bench/results/big-list-<time>.json)\n' +
          '  --smoke          1,000 domains, one of each measurement: checks the benchmark runs, for CI',
      );
      process.exit(0);
    } else throw new Error(`Unknown option ${arg} (try --help)`);
  }
  if (options.smoke) Object.assign(options, { sizes: [1_000], navigations: 1, repeats: 1 });
  for (const key of ['navigations', 'repeats']) {
    if (!Number.isInteger(options[key]) || options[key] < 1) throw new Error(`--${key} must be a whole number from 1`);
  }
  return options;
}

const options = parseOptions(process.argv.slice(2));
if (!existsSync(join(options.extension, 'manifest.json'))) {
  console.error(`No production build in ${options.extension}: run \`npm run build\` first.`);
  process.exit(1);
}
if (!existsSync(executablePath)) {
  console.error(`Chromium is not at ${executablePath}: apt-get install -y chromium`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------

/** Stands in for every *.test site and counts the requests that reach each host. */
async function startServer() {
  const counts = new Map();
  const server = createServer((request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    counts.set(host, (counts.get(host) ?? 0) + 1);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>A site</title><h1>A real page</h1>');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: server.address().port,
    requestsTo: (host) => counts.get(host) ?? 0,
    stop: () => (server.closeAllConnections(), new Promise((ok) => server.close(ok))),
  };
}

async function launch(port) {
  const profile = newProfile('steadfast-bench-big-list-');
  // Every *.test site is the local server; nothing else resolves: the run never leaves 127.0.0.1.
  const context = await launchChromium(profile, { extensions: [options.extension], hosts: { '*.test': port } });
  context.setDefaultTimeout(120_000);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  return {
    context,
    worker,
    url: (path) => `chrome-extension://${id}/${path}`,
    close: async () => (await context.close(), removeProfile(profile)),
  };
}

const domainsOf = (size) => Array.from({ length: size }, (_, i) => `n${size}-site${i}.test`);
const lastOf = (size) => `n${size}-site${size - 1}.test`;

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), min: sorted[0], n: sorted.length };
}

/**
 * Puts `__waitForSiteRule(size, last, timeoutMs)` into the service worker: it resolves with
 * performance.now() once the site rule (id 1) holds `size` domains including `last` (size 0: once
 * there is no rule 1). It polls getDynamicRules({ruleIds: [1]}) every 5 ms inside the worker, so
 * no domain list crosses the DevTools protocol. (The extension's CSP forbids building it from a
 * string with `new Function`, so it is defined by an evaluate of its own.) Idempotent.
 */
async function installHelpers(worker) {
  await worker.evaluate(() => {
    globalThis.__waitForSiteRule = async (size, last, timeoutMs) => {
      const start = performance.now();
      for (;;) {
        const [rule] = await chrome.declarativeNetRequest.getDynamicRules({ ruleIds: [1] });
        const domains = rule?.condition.requestDomains ?? [];
        if (size === 0 ? rule === undefined : domains.length === size && domains.includes(last)) return performance.now();
        if (performance.now() - start > timeoutMs) throw new Error(`The rule did not reach ${size} domains in ${timeoutMs} ms`);
        await new Promise((ok) => setTimeout(ok, 5));
      }
    };
  });
}

/** Removes every list through storage and waits until the rule is gone. */
async function clearLists(worker) {
  await installHelpers(worker);
  await worker.evaluate(async () => {
    await chrome.storage.local.set({ blocklists: [] });
    await globalThis.__waitForSiteRule(0, '', 60_000);
  });
}

/** Writes one list straight into storage (the item the options page writes) and times the rule. */
async function applyThroughStorage(worker, size) {
  await installHelpers(worker);
  return worker.evaluate(
    async ({ size, last }) => {
      const domains = Array.from({ length: size }, (_, i) => `n${size}-site${i}.test`);
      const list = { id: `bench-${size}`, name: `Bench ${size}`, mode: 'pause', addedAt: Date.now(), domains };
      const start = performance.now();
      await chrome.storage.local.set({ blocklists: [list] });
      const written = performance.now();
      const applied = await globalThis.__waitForSiteRule(size, last, 120_000);
      return { writeMs: written - start, applyMs: applied - start };
    },
    { size, last: lastOf(size) },
  );
}

/** The bench list in each format a person may have it in: header lines, then one rule a site. */
const FORMATS = {
  plain: { readAs: 'a list of sites, one a line', lines: (size) => ['# Bench list', ...domainsOf(size)] },
  hosts: { readAs: 'a hosts file', lines: (size) => ['# Bench list', '127.0.0.1 localhost', ...domainsOf(size).map((d) => `0.0.0.0 ${d}`)] },
  adblock: {
    readAs: 'an AdGuard, uBlock Origin or Adblock Plus list',
    lines: (size) => ['[Adblock Plus 2.0]', '! Title: Bench list', ...domainsOf(size).map((d, i) => (i % 2 ? `||${d}^$important` : `||${d}^`))],
  },
  dnsmasq: {
    readAs: 'a dnsmasq list',
    lines: (size) => ['# Bench list', ...domainsOf(size).map((d, i) => (i % 2 ? `address=/${d}/0.0.0.0` : `server=/${d}/`))],
  },
};
/** The list the size table imports: hosts-file and plain lines mixed, as before issue 22. */
const mixedLines = (size) => ['# Bench list', '127.0.0.1 localhost', ...domainsOf(size).map((d, i) => (i % 2 ? `0.0.0.0 ${d}` : d))];

/** Imports the list through "My recovery" with a chosen file, as a person would. */
async function importThroughOptions(app, optionsPage, size, lines = mixedLines(size), readAs = undefined) {
  const text = lines.join('\n');
  await installHelpers(app.worker);
  // A person presses "Import" in the tab they are looking at (a background tab would be throttled).
  await optionsPage.bringToFront();
  await optionsPage.getByLabel('Choose a list file').setInputFiles({ name: `Bench ${size}.txt`, mimeType: 'text/plain', buffer: Buffer.from(text) });
  const status = optionsPage.locator('#import-list [role="status"]');
  const start = performance.now();
  await optionsPage.getByRole('button', { name: 'Import', exact: true }).click();
  const [summaryAt, ruleAt] = await Promise.all([
    optionsPage
      .waitForFunction(() => document.querySelector('#import-list [role="status"]')?.textContent?.startsWith('Added'), null, { polling: 5, timeout: 120_000 })
      .then(() => performance.now()),
    app.worker.evaluate(([n, last]) => globalThis.__waitForSiteRule(n, last, 120_000), [size, lastOf(size)]).then(() => performance.now()),
  ]);
  const summary = await status.innerText();
  if (!summary.startsWith(`Added ${size.toLocaleString('en-GB')} site`)) throw new Error(`Unexpected summary: ${summary}`);
  if (readAs && !summary.includes(`It was read as ${readAs}.`)) throw new Error(`Not read as ${readAs}: ${summary}`);
  return { summaryMs: summaryAt - start, ruleMs: ruleAt - start };
}

/**
 * One navigation from about:blank to `url` in `page`. Returns the final page's navigation timing:
 * DOMContentLoaded and first contentful paint, from navigation start (the redirect included).
 */
async function navigate(page, url) {
  await page.goto('about:blank');
  const start = performance.now();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const wallMs = performance.now() - start;
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 10_000 });
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return { dclMs: nav.domContentLoadedEventEnd, fcpMs: performance.getEntriesByName('first-contentful-paint')[0].startTime };
  });
  return { ...timing, wallMs, url: page.url() };
}

// ---------------------------------------------------------------------------------------------

const chromiumVersion = execFileSync(executablePath, ['--version'], { encoding: 'utf8' }).trim();
const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, ${os.type()} ${os.release()}`;
const loadBefore = os
  .loadavg()
  .map((n) => n.toFixed(1))
  .join(' ');
const server = await startServer();
const app = await launch(server.port);
const results = [];
const formatResults = [];
try {
  // A first install opens the welcome by itself: wait for it, so no navigation of ours races it,
  // then go on in that tab to "My recovery", where lists are imported.
  const welcomeUrl = app.url('welcome.html');
  let optionsPage;
  for (const start = Date.now(); !optionsPage; await new Promise((ok) => setTimeout(ok, 25))) {
    optionsPage = app.context.pages().find((p) => p.url() === welcomeUrl);
    if (Date.now() - start > 15_000) throw new Error('The welcome page did not open on install');
  }
  await optionsPage.goto(app.url('options.html'));
  const tab = await app.context.newPage();

  for (const size of options.sizes) {
    const last = lastOf(size);
    const row = { size, apply: [], write: [], importSummary: [], importRule: [], pause: [], pauseWall: [], pauseFcp: [], other: [], otherFcp: [] };

    for (let r = 0; r < options.repeats; r += 1) {
      await clearLists(app.worker);
      const { writeMs, applyMs } = await applyThroughStorage(app.worker, size);
      row.write.push(writeMs);
      row.apply.push(applyMs);
    }
    for (let r = 0; r < Math.min(options.repeats, 3); r += 1) {
      await clearLists(app.worker);
      const { summaryMs, ruleMs } = await importThroughOptions(app, optionsPage, size);
      row.importSummary.push(summaryMs);
      row.importRule.push(ruleMs);
    }

    // The list is in force (imported through the options page, in Pause mode). Warm up, then alternate.
    await tab.bringToFront();
    await navigate(tab, `http://${last}/warm-up`);
    await navigate(tab, 'http://not-listed.test/warm-up');
    for (let n = 0; n < options.navigations; n += 1) {
      const paused = await navigate(tab, `http://${last}/page?n=${n}`);
      if (!new URL(paused.url).pathname.endsWith('/pause.html')) throw new Error(`${last} was not paused: ${paused.url}`);
      row.pause.push(paused.dclMs);
      row.pauseFcp.push(paused.fcpMs);
      row.pauseWall.push(paused.wallMs);
      const other = await navigate(tab, `http://not-listed.test/page?n=${n}`);
      row.other.push(other.dclMs);
      row.otherFcp.push(other.fcpMs);
    }
    if (server.requestsTo(last) !== 0) throw new Error(`${server.requestsTo(last)} requests reached ${last}`);
    results.push(row);
    console.log(
      `${size.toLocaleString('en-GB')} domains: apply ${stats(row.apply).median.toFixed(0)} ms, import ${stats(row.importRule).median.toFixed(0)} ms, ` +
        `pause page DCL ${stats(row.pause).median.toFixed(0)} ms (requests to ${last}: 0)`,
    );
  }

  // Each format, at the largest size: the same sites, imported as a file.
  const size = Math.max(...options.sizes);
  for (const [format, { readAs, lines }] of Object.entries(FORMATS)) {
    const row = { format, size, lines: lines(size).length, importSummary: [], importRule: [] };
    for (let r = 0; r < Math.min(options.repeats, 3); r += 1) {
      await clearLists(app.worker);
      const { summaryMs, ruleMs } = await importThroughOptions(app, optionsPage, size, lines(size), readAs);
      row.importSummary.push(summaryMs);
      row.importRule.push(ruleMs);
    }
    formatResults.push(row);
    console.log(
      `${format}, ${row.lines.toLocaleString('en-GB')} lines: ${size.toLocaleString('en-GB')} sites, import ${stats(row.importRule).median.toFixed(0)} ms`,
    );
  }
} finally {
  await app.close();
  await server.stop();
}

const loadAfter = os
  .loadavg()
  .map((n) => n.toFixed(1))
  .join(' ');
const ms = (values) => stats(values).median.toFixed(0);
const range = (values) => `${ms(values)} (p95 ${stats(values).p95.toFixed(0)})`;
console.log('');
console.log(`${chromiumVersion}; ${new Date().toISOString().slice(0, 10)}; ${machine}`);
console.log(`load average before ${loadBefore}, after ${loadAfter}`);
console.log(
  `medians in ms; apply: ${options.repeats} list writes a size; import: ${Math.min(options.repeats, 3)} imports a size; ` +
    `navigation: ${options.navigations} a size, alternating pause page and unlisted site`,
);
console.log('');
console.log(
  '| domains in the list | write to storage | write → rule in place | "Import" (file) → summary | "Import" → rule in place | navigation → pause page DCL | → pause page FCP | unlisted site DCL |',
);
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of results) {
  console.log(
    `| ${row.size.toLocaleString('en-GB')} | ${ms(row.write)} | ${range(row.apply)} | ${ms(row.importSummary)} | ${ms(row.importRule)} | ` +
      `${range(row.pause)} | ${ms(row.pauseFcp)} | ${ms(row.other)} |`,
  );
}

console.log('');
console.log('| format | lines in the file | sites read | "Import" (file) → summary | "Import" → rule in place |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const row of formatResults) {
  console.log(
    `| ${row.format} | ${row.lines.toLocaleString('en-GB')} | ${row.size.toLocaleString('en-GB')} | ${ms(row.importSummary)} | ${ms(row.importRule)} |`,
  );
}

const file = options.json ?? join(root, 'bench/results', `big-list-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
mkdirSync(resolve(file, '..'), { recursive: true });
writeFileSync(file, JSON.stringify({ chromiumVersion, machine, loadBefore, loadAfter, options, results, formats: formatResults }, null, 2));
console.log(`\nEvery measurement: ${file}`);
