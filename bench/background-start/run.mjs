// Background start benchmark (issue 19): what each task the background runs at its start costs
// (its `steadfast:start:<name>` measures, lib/background/start-tasks.ts), over N starts of the
// browser with the same profile (Chromium reinstalls a --load-extension extension at each start).
//
//   npm run build && npm run bench:start [-- --starts 10 | --smoke]
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium, newProfile, removeProfile } from '../../tests/launch/chromium.mjs';
import { opensFromArgs, requireBuildAndBrowser, stats } from '../extension-page.mjs';

const at = process.argv.indexOf('--starts');
const starts = at > 0 ? Number(process.argv[at + 1]) : opensFromArgs(10);
requireBuildAndBrowser();
const extension = join(resolve(import.meta.dirname, '../..'), '.output/chrome-mv3');
const profile = newProfile('steadfast-bench-start-');
const byTask = new Map();
try {
  for (let i = 0; i < starts; i += 1) {
    const context = await launchChromium(profile, { extensions: [extension] });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // Every task has run once the wait (1 s, no pause page here) is over and the later ones are done.
    const measures = await worker.evaluate(async () => {
      const names = ['rules-check', 'protection-badge', 'uninstall-page', 'sync', 'cooling-off', 'allowances', 'second-net-sweep'];
      for (let waited = 0; waited < 15_000; waited += 50) {
        const done = performance.getEntriesByType('measure').map((m) => m.name.replace('steadfast:start:', ''));
        if (names.every((name) => done.includes(name))) break;
        await new Promise((ok) => setTimeout(ok, 50));
      }
      return performance.getEntriesByType('measure').map((m) => ({ name: m.name.replace('steadfast:start:', ''), start: m.startTime, ms: m.duration }));
    });
    for (const { name, ms } of measures) byTask.set(name, [...(byTask.get(name) ?? []), ms]);
    await context.close();
  }
} finally {
  removeProfile(profile);
}
console.log(
  `${starts} browser starts; load average at the end: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log("| task at the background's start | runs | median ms | p95 ms |");
console.log('| --- | --- | --- | --- |');
for (const [name, values] of byTask) {
  const s = stats(values);
  console.log(`| ${name} | ${s.n} | ${s.median.toFixed(1)} | ${s.p95.toFixed(1)} |`);
}
