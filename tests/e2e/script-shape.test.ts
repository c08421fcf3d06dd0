import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './paths';

// Reads the production build (no browser): the pause page and the popup each fetch at most two
// script files before their script runs (issue 19), and their first screen is in the HTML itself.
// Here and not in tests/unit because it needs the build, which `npm test` makes before the e2e run.

const read = (file: string) => readFileSync(join(EXTENSION_DIR, file), 'utf8');
const scriptsOf = (html: string) => [...html.matchAll(/<script\b[^>]*\bsrc="\/?([^"]+)"/g)].map((m) => m[1]!);
const preloadsOf = (html: string) => [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/?([^"]+)"/g)].map((m) => m[1]!);
/** The files a chunk imports statically (`import … from"./x.js"`, `import"./x.js"`); `import()` is not counted. */
const staticImportsOf = (dir: string, code: string) =>
  [...code.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{][^"'`]*?from\s*)?["']\.\/([^"']+)["']/g)].map((m) => `${dir}/${m[1]}`);

describe.each(['pause.html', 'popup.html'])('%s', (page) => {
  const html = read(page);
  const [entry, ...otherScripts] = scriptsOf(html);
  const preloads = preloadsOf(html);

  it('names one entry script and at most one shared chunk', () => {
    expect(entry).toMatch(/^chunks\/.+\.js$/);
    expect(otherScripts).toEqual([]);
    expect(preloads.length).toBeLessThanOrEqual(1);
  });

  it('fetches no other script before its script runs: the entry imports only the shared chunk, which imports nothing', () => {
    const imports = new Set(staticImportsOf('chunks', read(entry!)));
    expect([...imports]).toEqual(preloads);
    for (const chunk of preloads) expect(staticImportsOf('chunks', read(chunk))).toEqual([]);
  });

  it('holds its first screen and the ways to help in the HTML, before any script', () => {
    const body = html.slice(html.indexOf('<body'), html.indexOf('<div id="app">'));
    expect(body).toContain('class="help-link"');
    expect(body).toContain('class="crisis-link"');
    if (page === 'pause.html') expect(body).toMatch(/<h1[^>]*>[^<]+<\/h1>/);
  });
});

it('counts a static import the way the browser fetches it, and leaves import() out', () => {
  const code = 'const a=1;import{x as y}from"./first.js";import"./side.js";import("./later.js").then(()=>{})';
  expect(staticImportsOf('chunks', code)).toEqual(['chunks/first.js', 'chunks/side.js']);
});
