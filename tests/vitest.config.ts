import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Projects: `unit` (lib/ and components/ against WXT's fake browser and fake-indexeddb) and `e2e`
// (the built extension in Debian's Chromium), which `npm test` runs, building in between; and
// `firefox` (the Firefox MV3 build in Debian's Firefox ESR), which `npm run test:firefox` runs; and
// `policy` (Steadfast locked in by browser policy files, in both browsers), which `npm run
// test:policy` runs last, on its own: it needs root (tests/e2e-policy/policy-folders.ts).
export default defineConfig({
  // Kept under tests/ so the top level holds only what DEVELOPERS.md lists; paths are from the repo root.
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}', 'lib/**/*.test.ts'],
          setupFiles: ['tests/unit/setup.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser at a time: these machines have two cores.
          fileParallelism: false,
          // What a person would see may take seconds to appear on a busy two-core machine; a
          // poll still fails as soon as its time is up.
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        test: {
          name: 'firefox',
          include: ['tests/e2e-firefox/**/*.test.ts'],
          globalSetup: ['tests/e2e-firefox/global-setup.ts'],
          // Firefox takes seconds to start, more on a busy machine.
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'policy',
          include: ['tests/e2e-policy/**/*.test.ts'],
          globalSetup: ['tests/e2e-policy/global-setup.ts'],
          // Packing, a policy install and a browser start each take seconds, more on a busy machine.
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // One browser at a time, each with its own policy files.
          fileParallelism: false,
        },
      },
    ],
  },
});
