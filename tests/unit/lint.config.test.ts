import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';

// The project's own rules in eslint.config.js, each shown to fire on a file of ours that breaks it
// and to stay quiet on one that does not. The files are linted as text; none is written.
const root = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  // The first file loads the configuration and its plugins: seconds on a busy machine.
  await eslint.lintText('', { filePath: 'lib/fixture.ts' });
}, 60_000);

async function rulesBroken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('the layers: lib/ decides, components/ draw, entrypoints/ wire', () => {
  test.each([
    ['lib/history/fixture.ts', "import { CheckIn } from '../../components/CheckIn';"],
    ['lib/history/fixture.ts', "import { App } from '../../entrypoints/popup/App';"],
    ['lib/fixture.ts', "import '../components/base.css';"],
    ['lib/history/fixture.ts', "import { CheckIn } from '@/components/CheckIn';"],
    ['lib/history/fixture.ts', "export const page = () => import('~~/entrypoints/pause/App');"],
    ['components/fixture.ts', "export const page = () => import('../entrypoints/pause/App');"],
    ['components/fixture.ts', "import { App } from '../entrypoints/popup/App';"],
    ['components/exercises/fixture.tsx', "export { App } from '../../entrypoints/coping/App';"],
  ])('%s may not say %s', async (file, code) => {
    expect((await rulesBroken(file, code)).filter((rule) => rule.startsWith('no-restricted'))).toHaveLength(1);
  });

  test.each([
    ['lib/history/fixture.ts', "export { dayOf } from '../time/day';"],
    ['lib/history/fixture.ts', "export { components } from './components';"],
    ['components/fixture.ts', "export { t } from '../lib/i18n/i18n';"],
    ['components/exercises/fixture.tsx', "export const load = () => import('../CrisisLines');"],
    ['entrypoints/popup/fixture.tsx', "export { CheckIn } from '../../components/CheckIn';"],
  ])('%s may say %s', async (file, code) => {
    expect(await rulesBroken(file, code)).toEqual([]);
  });
});

describe('the rules of hooks, on Preact hooks in our .tsx files', () => {
  test('a hook called in a condition', async () => {
    const code = [
      "import { useState } from 'preact/hooks';",
      'export function Fixture({ open }: { open: boolean }) {',
      '  if (open) {',
      '    const [n] = useState(0);',
      '    return <p>{n}</p>;',
      '  }',
      '  return null;',
      '}',
    ].join('\n');
    expect(await rulesBroken('components/Fixture.tsx', code)).toEqual(['react-hooks/rules-of-hooks']);
  });

  test('an effect that reads a prop it does not list', async () => {
    const code = [
      "import { useEffect } from 'preact/hooks';",
      'export function Fixture({ locale }: { locale: string }) {',
      '  useEffect(() => console.log(locale), []);',
      '  return null;',
      '}',
    ].join('\n');
    expect(await rulesBroken('entrypoints/help/Fixture.tsx', code)).toEqual(['react-hooks/exhaustive-deps']);
  });
});

describe('what ships builds no markup or code from strings', () => {
  test.each([
    ['components/Fixture.tsx', 'export const Fixture = ({ s }: { s: string }) => <p dangerouslySetInnerHTML={{ __html: s }} />;', 'no-restricted-syntax'],
    ['lib/fixture.ts', 'export const put = (el: Element, s: string) => { el.innerHTML = s; };', 'no-restricted-properties'],
    ['entrypoints/pause/fixture.ts', "document.body.insertAdjacentHTML('beforeend', location.hash);", 'no-restricted-properties'],
    ['lib/fixture.ts', 'export const read = (el: Element) => el.outerHTML;', 'no-restricted-properties'],
    ['lib/fixture.ts', 'export const run = (s: string) => eval(s);', 'no-eval'],
    ['components/fixture.ts', "export const run = new Function('return 1');", 'no-new-func'],
    ['lib/fixture.ts', "setTimeout('alert(1)', 0);", 'no-implied-eval'],
  ])('%s: %s', async (file, code, rule) => {
    expect(await rulesBroken(file, code)).toContain(rule);
  });

  test('a test may still set up a page from markup', async () => {
    expect(await rulesBroken('tests/unit/fixture.test.ts', "document.body.innerHTML = '<p>Hi</p>';")).toEqual([]);
  });
});

describe('tests and benchmarks wait for a condition, never a fixed time', () => {
  test.each([
    ['tests/e2e/fixture.test.ts', 'await new Promise((resolve) => setTimeout(resolve, 500));'],
    ['tests/unit/fixture.test.ts', 'export const settle = () => new Promise((done) => setTimeout(done, 0));'],
    ['tests/e2e/fixture.test.ts', 'declare const page: { waitForTimeout(ms: number): Promise<void> };\nawait page.waitForTimeout(500);'],
    ['bench/fixture.mjs', 'const sleep = () => 0;\nawait sleep(500);'],
    ['tests/e2e/fixture.test.ts', "import { setTimeout as wait } from 'node:timers/promises';\nawait wait(500);"],
  ])('%s: %s', async (file, code) => {
    expect((await rulesBroken(file, code)).filter((rule) => rule.startsWith('no-restricted'))).not.toEqual([]);
  });

  test.each([
    // The interval of a poll that checks its condition each time round.
    ['tests/e2e/fixture.test.ts', 'declare const ready: () => boolean;\nwhile (!ready()) await new Promise((resolve) => setTimeout(resolve, 25));'],
    // A deadline that rejects: the wait ends when what it waits for comes.
    ['tests/e2e/fixture.test.ts', "await new Promise((_, reject) => setTimeout(() => reject(new Error('late')), 1_000));"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await rulesBroken(file, code)).toEqual([]);
  });
});
