import { expect, test } from 'vitest';
import { REGIONS } from '../../lib/help/directory';
import { uninstallHelpUrl } from '../../lib/help/uninstall-url';

test('removing Steadfast in the UK ends on FRANK', () => {
  expect(uninstallHelpUrl('GB')).toBe('https://www.talktofrank.com/contact-frank');
});

test.each(REGIONS.map((r) => [r.code]))('%s has an https help page to end on', (region) => {
  expect(uninstallHelpUrl(region)).toMatch(/^https:\/\//);
});

test('in Northern Ireland too: FRANK, a UK drug service', () => {
  expect(uninstallHelpUrl('GB-NIR')).toBe('https://www.talktofrank.com/contact-frank');
});
