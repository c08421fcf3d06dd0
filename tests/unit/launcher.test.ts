import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumCommandLine, chromiumFlags, hostRules } from '../launch/chromium.mjs';

// One launcher (issue 18, "Tests to trust"; issue 19): the end-to-end tests and every benchmark
// start Chromium through tests/launch/chromium.mjs, with one set of switches.

const root = join(import.meta.dirname, '../..');
function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'results') return [];
    return statSync(join(root, path)).isDirectory() ? filesUnder(path) : /\.(m?js|ts)$/.test(name) ? [path] : [];
  });
}

describe('the Chromium launcher', () => {
  it('gives every launch the same switches, whatever extensions and names it is given', () => {
    const bare = chromiumFlags();
    const full = chromiumFlags({ extensions: ['/a', '/b'], hosts: { '*.test': 8080 } });
    const common = (flags: string[]) => flags.filter((flag) => !/^--(load-extension|disable-extensions-except|host-resolver-rules)=/.test(flag));
    expect(common(full)).toEqual(common(bare));
    for (const flag of [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-renderer-backgrounding',
    ]) {
      expect(bare).toContain(flag);
    }
    expect(full).toContain('--load-extension=/a,/b');
    expect(full).toContain('--disable-extensions-except=/a,/b');
  });

  it('sends the names given to 127.0.0.1 and every other name nowhere', () => {
    expect(hostRules({ 'trigger.test': 1234, '*.trigger.test': 1234 })).toBe(
      'MAP trigger.test 127.0.0.1:1234, MAP *.trigger.test 127.0.0.1:1234, MAP * ~NOTFOUND',
    );
    expect(chromiumFlags()).toContain('--host-resolver-rules=MAP * ~NOTFOUND');
  });

  it('starts a Chromium without Playwright with the same switches, headless, on the profile given', () => {
    const line = chromiumCommandLine('/tmp/profile', { extensions: ['/x'], args: ['--remote-debugging-pipe'] });
    expect(line.slice(0, 2)).toEqual(['--headless', '--user-data-dir=/tmp/profile']);
    expect(line.slice(2, -1)).toEqual(chromiumFlags({ extensions: ['/x'] }));
    expect(line.at(-1)).toBe('--remote-debugging-pipe');
  });

  // The policy test installs Steadfast the way an administrator's policy does: Chromium must fetch
  // the update manifest, so it cannot take the launcher's --disable-background-networking.
  const OWN_SWITCHES_BY_NEED = [join('tests', 'e2e-policy', 'chromium-lockin.test.ts')];

  it('is the only place that starts Chromium or writes its switches, in the tests and the benchmarks', () => {
    const elsewhere = [...filesUnder('tests'), ...filesUnder('bench')].filter((file) => {
      if (file.startsWith(join('tests', 'launch')) || file === join('tests', 'unit', 'launcher.test.ts')) return false;
      if (OWN_SWITCHES_BY_NEED.includes(file)) return false;
      const text = readFileSync(join(root, file), 'utf8');
      return /launchPersistentContext|chromium\.launch\(|'--disable-gpu'|'--disable-background-networking'/.test(text);
    });
    expect(elsewhere).toEqual([]);
  });
});
