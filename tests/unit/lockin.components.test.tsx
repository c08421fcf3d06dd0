// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { LockInLine } from '../../components/LockInLine';
import { LockInSteps } from '../../components/LockInSteps';
import { WaysOut } from '../../components/WaysOut';
import { lockInFile } from '../../lib/lockin/lockin-file';
import { lockInStatus } from '../../lib/lockin/status';

afterEach(cleanup);

test('the popup line says "Locked in by your browser\'s settings" only when a policy installed Steadfast', () => {
  const { rerender } = render(<LockInLine status={lockInStatus({ installType: 'admin', privateWindows: false, family: 'chrome' })} />);
  expect(screen.getByText("Locked in by your browser's settings")).toBeTruthy();
  rerender(<LockInLine status={lockInStatus({ installType: 'development', privateWindows: true, family: 'chrome' })} />);
  expect(document.body.textContent).toBe('');
  rerender(<LockInLine status={undefined} />);
  expect(document.body.textContent).toBe('');
});

test('not locked in: the open ways out are listed, none said to be closed', () => {
  render(<WaysOut status={lockInStatus({ installType: 'normal', privateWindows: false, family: 'chrome' })} />);
  expect(document.body.textContent).not.toContain('Locked in by');
  expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
    "Turning Steadfast off or removing it on the browser's extensions page.",
    'Opening a private window, where Steadfast is not allowed to run.',
    'Opening a guest window, which starts without any extensions.',
    'Adding a new browser profile, which starts without Steadfast.',
  ]);
});

test('locked in: says so, and marks what it cannot check instead of claiming it', () => {
  render(<WaysOut status={lockInStatus({ installType: 'admin', privateWindows: true, family: 'chrome' })} />);
  expect(screen.getByText("Locked in by your browser's settings")).toBeTruthy();
  const items = screen.getAllByRole('listitem');
  expect(items.map((li) => li.dataset.way)).toEqual(['guest-windows', 'new-profiles']);
  for (const li of items) expect(li.textContent).toContain('(Steadfast cannot check this one.)');
});

test('Firefox on Linux: the warning about an existing policies.json comes before the command that would replace it', () => {
  const outcome = lockInFile({
    browser: 'firefox',
    system: 'linux',
    protections: new Set(['force-install']),
    extensionId: 'steadfast@steadfast.invalid',
    installUrl: '',
  });
  if (!outcome.ok) throw new Error(outcome.message);
  render(<LockInSteps browser="firefox" system="linux" file={outcome.file} />);
  const steps = [...document.querySelectorAll('ol.lockin-steps > li')].map((li) => li.textContent ?? '');
  const merge = steps.findIndex((text) => text.startsWith('If a policies.json is already there'));
  const copy = steps.findIndex((text) => text.includes('sudo cp ~/Downloads/policies.json /etc/firefox/policies/'));
  expect(merge).toBeGreaterThanOrEqual(0);
  expect(copy).toBeGreaterThan(merge);
  expect(screen.getByText('about:policies', { exact: false })).toBeTruthy();
});

test('Windows: says which registry key it writes, and undoing names the same key', () => {
  const outcome = lockInFile({
    browser: 'edge',
    system: 'windows',
    protections: new Set(['force-install']),
    extensionId: 'abcdefghijklmnopabcdefghijklmnop',
    installUrl: '',
  });
  if (!outcome.ok) throw new Error(outcome.message);
  render(<LockInSteps browser="edge" system="windows" file={outcome.file} />);
  expect(document.querySelector('[data-place]')?.textContent).toBe('HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge');
  expect(screen.getByRole('region', { name: 'How to undo it later' }).textContent).toContain(
    'go to HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge and delete',
  );
  expect(screen.getByRole('region', { name: 'What it needs' }).textContent).toContain(
    'Microsoft Edge on a home Windows or Mac computer keeps an extension in only when it comes from its own store.',
  );
});
