import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
eval(readFileSync('/tmp/progress-work/seed.txt', 'utf8').replace('async function seedTenYears', 'globalThis.seedTenYears = async function'));
const ext = '/work/wt/progress/.output/chrome-mv3';
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'probe-')), { executablePath: '/usr/lib/chromium/chromium', headless: true, args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-sandbox'] });
const w = ctx.serviceWorkers()[0] ?? await ctx.waitForEvent('serviceworker');
const id = new URL(w.url()).host;
await new Promise((r) => setTimeout(r, 2000));
for (const p of ctx.pages()) if (p.url().includes('options')) await p.close();
const p = await ctx.newPage();
await p.goto(`chrome-extension://${id}/progress.html`);
console.log('seeded', await seedTenYears(p));
for (let i = 0; i < 3; i++) {
  await p.goto(`chrome-extension://${id}/progress.html`);
  await p.locator('main[data-ready]').waitFor({ timeout: 60000 });
  const r = await p.evaluate(async () => {
    const nav = performance.getEntriesByType('navigation')[0];
    const t0 = performance.now();
    const db = await new Promise((ok) => { const o = indexedDB.open('steadfast-history'); o.onsuccess = () => ok(o.result); });
    const t1 = performance.now();
    const counts = await Promise.all(['checkin', 'setback', 'intervention', 'urge', 'milestone'].map((type) => new Promise((ok) => {
      const rq = db.transaction('events').objectStore('events').index('by-type-time').getAll(IDBKeyRange.bound([type, -Infinity], [type, Infinity]));
      rq.onsuccess = () => ok(rq.result.length);
    })));
    const t2 = performance.now();
    db.close();
    return { open: t1 - t0, read: t2 - t1, counts, dcl: nav.domContentLoadedEventEnd, now: t0 };
  });
  console.log(JSON.stringify(r));
}
const cdp = await ctx.newCDPSession(p);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await p.reload();
await p.locator('main[data-ready]').waitFor({ timeout: 60000 });
const { profile } = await cdp.send('Profiler.stop');
// self time by function
const self = new Map();
const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map((n) => [n.id, n]));
profile.samples.forEach((s, i) => { const n = byId.get(s); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0) / 1000); });
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(1)}ms ${k}`).join('\n'));
await ctx.close();
