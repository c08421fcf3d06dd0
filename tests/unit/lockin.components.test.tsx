// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { LockInLine } from '../../components/LockInLine';
import { WaysOut } from '../../components/WaysOut';
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
