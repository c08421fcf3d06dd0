// Launches Debian's Chromium headless with the same switches the e2e tests use
// (tests/e2e/browser.ts) and a CDP pipe, and gives small helpers on top of it.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cdp } from './cdp.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

/** A fresh profile with network prediction off, so the request counts are exact. */
export function newProfile() {
  const profile = mkdtempSync(join(tmpdir(), 'steadfast-bench-'));
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ net: { network_prediction_options: 2 } }));
  return profile;
}

export function removeProfile(profile) {
  rmSync(profile, { recursive: true, force: true });
}

/**
 * Starts Chromium. `extensionDir` may be null (no extension). `hostRules` is the value of
 * --host-resolver-rules. Returns { cdp, process, close }.
 */
export async function launch({ profile, extensionDir, hostRules }) {
  const args = [
    '--headless',
    `--user-data-dir=${profile}`,
    '--remote-debugging-pipe',
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    `--host-resolver-rules=${hostRules}`,
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Playwright (and so the e2e tests) passes these too; a headless tab must never be throttled.
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
    '--disable-renderer-backgrounding',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    'about:blank',
  ];
  const child = spawn(CHROMIUM, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text) => {
    stderr = (stderr + text).slice(-4000);
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const cdp = new Cdp(child.stdio[3], child.stdio[4]);
  try {
    await Promise.race([
      cdp.send('Browser.getVersion'),
      exited.then((code) => {
        throw new Error(`Chromium exited (${code}) before it answered:\n${stderr}`);
      }),
    ]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const close = async () => {
    if (child.exitCode === null) {
      cdp.send('Browser.close').catch(() => {});
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
  };
  return { cdp, process: child, close, stderr: () => stderr };
}

/** Attaches to a target (flat sessions) and returns its sessionId. */
export async function attach(cdp, targetId) {
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
  return sessionId;
}

/** Waits until a target matching `test` exists; returns its info. */
export async function waitForTarget(cdp, test, timeoutMs = 15_000) {
  const start = Date.now();
  for (;;) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const found = targetInfos.find(test);
    if (found) return found;
    if (Date.now() - start > timeoutMs) throw new Error('Target did not appear in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Evaluates an expression (awaiting a promise) in a session; returns its value. */
export async function evaluate(cdp, sessionId, expression) {
  const { result, exceptionDetails } = await cdp.send(
    'Runtime.evaluate',
    { expression, awaitPromise: true, returnByValue: true },
    sessionId,
  );
  if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value;
}
