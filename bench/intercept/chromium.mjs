// Launches Debian's Chromium headless with the switches every test and benchmark uses
// (tests/launch/chromium.mjs) and a CDP pipe, and gives small helpers on top of it.
import { spawn } from 'node:child_process';
import { CHROMIUM, chromiumCommandLine, newProfile as newChromiumProfile, removeProfile } from '../../tests/launch/chromium.mjs';
import { Cdp } from './cdp.mjs';

export { CHROMIUM, removeProfile };

export const newProfile = () => newChromiumProfile('steadfast-bench-');

/**
 * Starts Chromium. `extensionDir` may be null (no extension). `hosts` maps name patterns to local
 * ports (every other name resolves nowhere). Returns { cdp, process, close }.
 */
export async function launch({ profile, extensionDir, hosts }) {
  const args = chromiumCommandLine(profile, {
    extensions: extensionDir ? [extensionDir] : [],
    hosts,
    args: ['--remote-debugging-pipe', 'about:blank'],
  });
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
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
  if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value;
}
