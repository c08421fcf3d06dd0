import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { pngSize } from '../e2e/png';

const root = join(import.meta.dirname, '../..');

// Chrome: 16 and 32 (toolbar), 48 (extensions page), 128 (install dialog, Web Store).
// Firefox AMO: 48 and 96. WXT lists public/icon/<size>.png in the manifest by their names, so a
// wrong size inside a file would show blurred or cropped without any build error.
test.each([16, 32, 48, 96, 128])('public/icon/%i.png is a %i-pixel square PNG', (size) => {
  expect(pngSize(join(root, `public/icon/${size}.png`))).toEqual({ width: size, height: size });
});

test('the icons have their SVG source and the script that draws them', () => {
  expect(existsSync(join(root, '.ci/icon/icon.svg'))).toBe(true);
  expect(existsSync(join(root, '.ci/icon/render.mjs'))).toBe(true);
});

// `web-ext lint` warns of `innerHTML` in Preact's runtime, which only `dangerouslySetInnerHTML`
// reaches (RELEASING.md tells AMO's reviewers so). That stays true only while no code of ours uses either.
test('no page, component or lib file writes HTML from a string', () => {
  const files = ['entrypoints', 'components', 'lib'].flatMap((dir) =>
    readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name)),
  );
  expect(files.length).toBeGreaterThan(50);
  const writing = files.filter((file) => /dangerouslySetInnerHTML|\.(inner|outer)HTML\s*=|insertAdjacentHTML/.test(readFileSync(file, 'utf8')));
  expect(writing).toEqual([]);
});
