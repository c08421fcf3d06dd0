/*
 * Pages and the welcome only call the command layer: none decides what counts as loosening, what
 * is fresh, or how long a change waits, and none writes what protects the person (or the plan)
 * itself. A page that did would be a way round the cooling-off, so this reads the source.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

const PAGES = [...sources('entrypoints'), ...sources('components')].filter((file) => file !== join('entrypoints', 'background.ts'));

test.each([
  ['decides loosening or freshness itself', /UNDO_WINDOW_MS|isFreshAddition|requestChange\(|coolingOffMs\(|applyDue\(/],
  [
    'writes triggers, lists, settings, waiting changes or the plan itself',
    /(triggerListItem|blocklistsItem|settingsItem|pendingItem|planItem)\.setValue|storage\.setItems|saveStoredConfig/,
  ],
])('no page or component %s', (_what, pattern) => {
  const found = PAGES.filter((file) => pattern.test(readFileSync(join(ROOT, file), 'utf8')));
  expect(found).toEqual([]);
});

test('the scan reads the pages it guards', () => {
  expect(PAGES).toEqual(expect.arrayContaining([join('entrypoints', 'options', 'TriggersSection.tsx'), join('entrypoints', 'welcome', 'TriggersStep.tsx')]));
});
