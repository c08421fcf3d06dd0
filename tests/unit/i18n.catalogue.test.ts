import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';
import catalogue from '../../public/_locales/en/messages.json';
import type { Catalogue } from '../../lib/i18n/catalogue';

// The English catalogue is the source every translation copies: these are the conventions that
// keep it one a translator (and Chrome and Firefox) can read.

const root = join(import.meta.dirname, '../..');
const messages = catalogue as Catalogue;
const keys = Object.keys(messages);

function sourceFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

describe('the English catalogue', () => {
  it('is sorted by key, so two changes to it merge cleanly', () => {
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('has no key twice, even in letter case (the browser ignores case)', () => {
    const raw = readFileSync(join(root, 'public/_locales/en/messages.json'), 'utf8');
    const written = [...raw.matchAll(/^ {2}"([^"]+)": \{/gm)].map((match) => match[1]!.toLowerCase());
    expect(written.length).toBe(keys.length);
    expect(new Set(written).size).toBe(written.length);
  });

  it.each(keys)('%s: a valid name, a message and a note for the translator', (key) => {
    const entry = messages[key]!;
    expect(key).toMatch(/^(ext[A-Z][A-Za-z]*|[a-z][a-zA-Z0-9]*_[A-Za-z0-9_]+)$/);
    expect(entry.message.trim()).not.toBe('');
    expect(entry.description?.trim() ?? '').not.toBe('');
  });

  it.each(keys)('%s: every placeholder used is defined, every one defined is used', (key) => {
    const entry = messages[key]!;
    const used = new Set([...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) => match[1]!.toLowerCase()));
    const defined = new Set(Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase()));
    expect([...used].sort()).toEqual([...defined].sort());
    // Numbered substitutions go through named placeholders, which translators can move.
    expect(entry.message.replace(/\$\$/g, '')).not.toMatch(/\$[1-9]/);
    for (const placeholder of Object.values(entry.placeholders ?? {})) expect(placeholder.content).toMatch(/^\$[1-9]$/);
  });

  it('pairs every "_one" form with an "_other" form', () => {
    for (const key of keys.filter((name) => name.endsWith('_one'))) expect(keys).toContain(key.replace(/_one$/, '_other'));
  });

  it('fits the stores: a name of at most 45 characters, a description of at most 132', () => {
    expect(messages.extName!.message.length).toBeLessThanOrEqual(45);
    expect(messages.extDescription!.message.length).toBeLessThanOrEqual(132);
  });

  it('speaks without shame or promises', () => {
    // "Setback", never "failure"; no labels for people; no promise of a cure.
    const unkind = /\b(fail(ure|ures|ed|ing)?|addicts?|junkies?|clean|dirty|cured?|abuser?s?|weak)\b/i;
    const found = keys.filter((key) => unkind.test(messages[key]!.message)).map((key) => `${key}: ${messages[key]!.message}`);
    expect(found).toEqual([]);
  });

  it('holds no message that nothing shows', () => {
    const sources = [...sourceFiles('entrypoints', /\.(tsx?|html)$/), ...sourceFiles('components', /\.tsx?$/), ...sourceFiles('lib', /\.ts$/), 'wxt.config.ts']
      .map((file) => readFileSync(join(root, file), 'utf8'))
      .join('\n');
    const unused = keys.filter((key) => {
      const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
      return !sources.includes(`'${key}'`) && !sources.includes(`__MSG_${key}__`) && !sources.includes(`'${base}'`);
    });
    expect(unused).toEqual([]);
  });
});

// Words written straight into a page or a message-making function are words no translation can
// reach. This finds them: text between tags, text in the attributes a person reads or hears, and
// string or template literals that read like a sentence. Class names, ids, URLs and keys do not.
const spokenAttributes = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'title', 'placeholder', 'alt', 'label', 'value']);
const sentence = /^[A-Z][a-z']*\s+\S|^[A-Z][a-z]+$|\s.*\p{L}{2,}[.!?:…]$|\p{L}+\s+\p{L}+\s+\p{L}+/u;

interface Node {
  type: string;
  [field: string]: unknown;
}

function hardCodedText(file: string): string[] {
  const source = readFileSync(join(root, file), 'utf8');
  const ast = parseAst(source, { lang: file.endsWith('.tsx') ? 'tsx' : 'ts' }, file) as unknown as Node;
  const found: string[] = [];
  const visit = (node: unknown, parent?: Node): void => {
    if (Array.isArray(node)) return node.forEach((child) => visit(child, parent));
    if (!node || typeof node !== 'object' || typeof (node as Node).type !== 'string') return;
    const current = node as Node;
    if (current.type === 'ImportDeclaration' || current.type === 'ExportAllDeclaration' || current.type === 'TSLiteralType') return;
    // An Error's message is for developers, who read English in the console.
    if (current.type === 'NewExpression' && /Error$/.test(String((current.callee as Node).name))) return;
    if (current.type === 'JSXText' && /\p{L}/u.test(String(current.value))) found.push(String(current.value).trim());
    if (current.type === 'JSXAttribute') {
      const name = (current.name as Node).name as string;
      const value = current.value as Node | null;
      if (value?.type === 'Literal' && spokenAttributes.has(name) && /\p{L}{2,}/u.test(String(value.value))) found.push(String(value.value));
      if (!spokenAttributes.has(name) && value?.type === 'Literal') return;
    }
    if (current.type === 'Literal' && typeof current.value === 'string' && sentence.test(current.value.trim())) {
      // Keys for the catalogue and messages a test reads are not prose.
      if (!(parent?.type === 'CallExpression' && /^(t|tCount)$/.test(String(((parent.callee as Node) ?? {}).name)))) found.push(current.value);
    }
    if (current.type === 'TemplateElement') {
      const text = String((current.value as { cooked: string }).cooked);
      if (sentence.test(text.trim())) found.push(text);
    }
    for (const [field, child] of Object.entries(current)) if (field !== 'type') visit(child, current);
  };
  visit(ast);
  return found.filter((text) => !/^(Steadfast)$/.test(text));
}

describe('words on screen come from the catalogue', () => {
  const files = [...sourceFiles('entrypoints', /\.tsx?$/), ...sourceFiles('components', /\.tsx$/), ...sourceFiles('lib', /\.ts$/)];
  it.each(files)('%s', (file) => {
    expect(hardCodedText(file)).toEqual([]);
  });
});
