import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

/**
 * Where the browsers on this machine read their managed policies (both checked with strace on
 * Debian: Chromium 156 lists `/etc/chromium/policies/managed` and `/recommended` and watches them
 * with inotify, so a running Chromium picks up a new file at once; Firefox ESR 153 tries
 * `/etc/firefox/policies/policies.json`, then `/usr/lib/firefox-esr/distribution/policies.json`).
 */
export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';
export const FIREFOX_POLICY_FILE = '/etc/firefox/policies/policies.json';
/** Every policy file these tests write is named `steadfast-test-<random>.json` (Firefox's own name aside). */
export const TEST_FILE_PREFIX = 'steadfast-test-';
/** Firefox's file has a fixed name; the ones these tests write carry this top-level key, which Firefox ignores. */
export const FIREFOX_TEST_MARKER = 'steadfastTest';

/**
 * Policy files as one browser launch sees them.
 *
 * A policy file in /etc is read by every browser on the machine, and Chromium watches the folder:
 * written there, it would reach every Chromium running beside the test (other test runs, a person's
 * browser) within seconds. So where the kernel allows it (root with CAP_SYS_ADMIN: `unshare`), the
 * browser is started in a private mount namespace in which the files are laid over the real /etc
 * (an overlay whose upper layer is a tmpfs): the browser reads them at their real paths, no other
 * process sees them, and nothing on disk in /etc changes. Where it does not, and /etc is writable,
 * the files are written to the real folders and removed by {@link PolicyFolders.remove}.
 */
export interface PolicyFolders {
  mode: 'private-namespace' | 'machine-wide';
  /** Puts `content` at `path` (an absolute path under /etc) for browsers started through {@link executable}. */
  write(path: string, content: string): void;
  /** The program to start instead of `browser`: it sees the files written here. */
  executable(browser: string): string;
  /** Removes every file and folder this wrote; safe to call twice. */
  remove(): void;
}

/** Why these tests cannot run here, or undefined when they can. */
export function cannotRunBecause(): string | undefined {
  if (process.platform !== 'linux') return `the policy tests need Linux (this is ${process.platform})`;
  if (namespaceWorks()) return undefined;
  try {
    accessSync('/etc', constants.W_OK);
    return undefined;
  } catch {
    return (
      'the policy tests write browser policy files under /etc, which needs root: they could neither make a private ' +
      'mount namespace (unshare --mount) nor write to /etc as this user. Run them as root (CI does).'
    );
  }
}

let namespaceAnswer: boolean | undefined;
/** Whether `unshare --mount` and an overlay mount work here (root with CAP_SYS_ADMIN). */
export function namespaceWorks(): boolean {
  if (process.env.STEADFAST_POLICY_MACHINE_WIDE === '1') return false;
  if (namespaceAnswer !== undefined) return namespaceAnswer;
  const probe = mkdtempSync(join(tmpdir(), 'steadfast-policy-probe-'));
  try {
    const script = `mount -t tmpfs steadfast-probe '${probe}' && mkdir '${probe}/u' '${probe}/w' && mount -t overlay steadfast-probe -o 'lowerdir=/etc,upperdir=${probe}/u,workdir=${probe}/w' /etc`;
    namespaceAnswer = spawnSync('unshare', ['--mount', '--propagation', 'private', '--', 'sh', '-c', script], { stdio: 'ignore' }).status === 0;
  } catch {
    namespaceAnswer = false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
  return namespaceAnswer;
}

export function policyFolders(): PolicyFolders {
  const why = cannotRunBecause();
  if (why) throw new Error(`Cannot run: ${why}`);
  return namespaceWorks() ? privateNamespace() : machineWide();
}

function privateNamespace(): PolicyFolders {
  const root = mkdtempSync(join(tmpdir(), 'steadfast-policy-'));
  const stage = join(root, 'stage');
  mkdirSync(stage);
  let wrapper = 0;
  return {
    mode: 'private-namespace',
    write(path, content) {
      const inStage = join(stage, relative('/etc', path));
      if (!path.startsWith('/etc/') || !inStage.startsWith(`${stage}/`)) throw new Error(`Not a path under /etc: ${path}`);
      mkdirSync(dirname(inStage), { recursive: true });
      writeFileSync(inStage, content);
    },
    executable(browser) {
      const mount = join(root, `mount-${++wrapper}`);
      mkdirSync(mount);
      const script = join(root, `browser-${wrapper}.sh`);
      // Paths from mkdtemp hold no quote; the browser's own arguments pass through untouched.
      writeFileSync(
        script,
        [
          '#!/bin/sh',
          '# Starts the browser in a mount namespace of its own, with the staged policy files laid over /etc.',
          'set -eu',
          'if [ -z "${STEADFAST_POLICY_NAMESPACE:-}" ]; then',
          `  STEADFAST_POLICY_NAMESPACE=1 exec unshare --mount --propagation private -- "$0" "$@"`,
          'fi',
          `mount -t tmpfs steadfast-policy '${mount}'`,
          `mkdir '${mount}/upper' '${mount}/work'`,
          `cp -a '${stage}/.' '${mount}/upper/'`,
          `mount -t overlay steadfast-policy -o 'lowerdir=/etc,upperdir=${mount}/upper,workdir=${mount}/work' /etc`,
          'unset STEADFAST_POLICY_NAMESPACE',
          `exec '${browser}' "$@"`,
          '',
        ].join('\n'),
      );
      chmodSync(script, 0o755);
      return script;
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function machineWide(): PolicyFolders {
  const files: string[] = [];
  const folders: string[] = [];
  return {
    mode: 'machine-wide',
    write(path, content) {
      if (existsSync(path)) throw new Error(`${path} exists and is not this test's: it is left alone, and the test cannot run beside it`);
      const missing: string[] = [];
      for (let folder = dirname(path); !existsSync(folder); folder = dirname(folder)) missing.unshift(folder);
      for (const folder of missing) {
        mkdirSync(folder);
        folders.push(folder);
      }
      writeFileSync(path, content, { flag: 'wx' });
      files.push(path);
    },
    executable: (browser) => browser,
    remove() {
      for (const file of files.splice(0)) rmSync(file, { force: true });
      for (const folder of folders.splice(0).reverse()) {
        try {
          rmdirSync(folder);
        } catch {
          // Not empty: something else put a file there meanwhile, so the folder stays.
        }
      }
    },
  };
}

/** Policy files these tests wrote that are still in the machine's real folders (a crashed earlier run). */
export function leftoverTestFiles(): string[] {
  const found: string[] = [];
  if (existsSync(CHROMIUM_POLICY_DIR)) {
    for (const name of readdirSync(CHROMIUM_POLICY_DIR)) {
      if (name.startsWith(TEST_FILE_PREFIX)) found.push(join(CHROMIUM_POLICY_DIR, name));
    }
  }
  if (existsSync(FIREFOX_POLICY_FILE)) {
    try {
      const parsed = JSON.parse(readFileSync(FIREFOX_POLICY_FILE, 'utf8')) as Record<string, unknown>;
      if (FIREFOX_TEST_MARKER in parsed) found.push(FIREFOX_POLICY_FILE);
    } catch {
      // Not JSON, so not written by these tests: left alone.
    }
  }
  return found;
}
