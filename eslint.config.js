// ESLint for Steadfast: `npm run lint` (with `prettier --check`), run first by `npm test`.
// tests/unit/lint.config.test.ts proves that the project's own rules below fire.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers (DESIGN.md): `lib/` decides and never imports what draws or wires; `components/` never
 * import what wires. An import path up to the top (`../../components/x`) or through WXT's aliases
 * (`@/components/x`, `~~/entrypoints`): `import`, `export … from`, and `import()` too.
 */
const layerPath = (layers) => `^(?:(?:\\.\\./)+|[@~]{1,2}/)(?:${layers.join('|')})(?:/|$)`;
const layerRules = (layers, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ regex: layerPath(layers), message }] }],
  'no-restricted-syntax': ['error', ...shippedSyntax, { selector: `ImportExpression[source.value=/${layerPath(layers).replaceAll('/', '\\/')}/]`, message }],
});

/** What ships builds no markup from strings (properties are in the shipped block below). */
const shippedSyntax = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Render text as children: markup from strings can run what it holds.',
  },
];

/** A wait for a fixed time: `new Promise((r) => setTimeout(r, n))`, or a call to such a helper. */
const timerSleep = "NewExpression[callee.name='Promise'] CallExpression[callee.name='setTimeout'][arguments.0.type='Identifier']";
const sleepCall = 'CallExpression[callee.name=/^(sleep|delay|pause|wait)$/]';
const inLoop = ':matches(ForStatement, ForOfStatement, ForInStatement, WhileStatement, DoWhileStatement)';

export default tseslint.config(
  {
    ignores: ['.output/', '.wxt/', 'node_modules/', 'test-output/', 'bench/results/', 'tests/fixtures/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node, ...globals.webextensions },
    },
    rules: {
      // `_name` is how the tree marks a parameter a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The two hook rules work on Preact's hooks by their names (use…). The plugin's React
      // Compiler rules are left off: they check React's compiler semantics, which Preact has not.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // What ships: no markup from strings, no code from strings.
    files: ['lib/**', 'components/**', 'entrypoints/**'],
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        ...['innerHTML', 'outerHTML', 'insertAdjacentHTML'].map((property) => ({
          property,
          message: 'Build elements (Preact or createElement) and set textContent: markup from strings can run what it holds.',
        })),
        { object: 'document', property: 'write', message: 'Build elements and set textContent instead.' },
        { object: 'document', property: 'writeln', message: 'Build elements and set textContent instead.' },
      ],
      'no-restricted-syntax': ['error', ...shippedSyntax],
    },
  },
  {
    files: ['lib/**'],
    rules: layerRules(['components', 'entrypoints'], 'lib/ decides and never imports components/ or entrypoints/: pass what it needs in.'),
  },
  {
    files: ['components/**'],
    rules: layerRules(['entrypoints'], 'components/ draw and never import entrypoints/: move what both need into lib/ or components/.'),
  },
  {
    // Tests and benchmarks wait for a condition, never for a fixed time: a sleep is too short on a
    // busy machine and wasted on a quiet one. A timer in a loop is the interval of a poll, allowed.
    files: ['tests/**', 'bench/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'waitForTimeout', message: 'Wait for the condition (a locator, expect.poll, waitForFunction), not for a time.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: `${timerSleep}:not(${inLoop} *)`, message: 'A fixed sleep: wait for the condition instead (or poll it in a loop).' },
        { selector: `${sleepCall}:not(${inLoop} *)`, message: 'A fixed sleep: wait for the condition instead (or poll it in a loop).' },
      ],
      'no-restricted-imports': ['error', { paths: [{ name: 'node:timers/promises', message: 'A fixed sleep: wait for the condition instead.' }] }],
    },
  },
);
