// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { SyncPanel } from '../../components/SyncPanel';
import type { SyncReport } from '../../lib/sync/sync-state-item';

afterEach(cleanup);

const report = (over: Partial<SyncReport> = {}): SyncReport => ({
  checkedAt: 0,
  tooLarge: [],
  ignored: [],
  newerElsewhere: false,
  writeFailed: false,
  waiting: 0,
  ...over,
});
const props = { listSites: 0, formatTime: () => '14:05', onToggle: async () => {} };
const status = () => screen.getByRole('status').textContent;

test('off by default: says what would sync, who carries it, and what stays here', () => {
  render(<SyncPanel enabled={false} report={null} {...props} />);
  const toggle = screen.getByRole('checkbox', { name: 'Sync my trigger sites, plan and settings across my browsers' }) as HTMLInputElement;
  expect(toggle.checked).toBe(false);
  expect(screen.getByText(/Steadfast itself sends nothing anywhere/)).toBeTruthy();
  expect(screen.getByText(/These stay on this device: your history/)).toBeTruthy();
  expect(status()).toBe('Sync is off. Everything stays on this device.');
});

test('turning it on or off goes through the callback and the status follows', async () => {
  const onToggle = vi.fn(async () => {});
  const { rerender } = render(<SyncPanel enabled={false} report={null} {...props} onToggle={onToggle} />);
  fireEvent.click(screen.getByRole('checkbox'));
  await waitFor(() => expect(onToggle).toHaveBeenCalledWith(true));
  expect(status()).toContain('Sync is on');
  rerender(<SyncPanel enabled report={report()} {...props} onToggle={onToggle} />);
  expect(status()).toBe('Sync is on. Last synced at 14:05.');
  fireEvent.click(screen.getByRole('checkbox'));
  await waitFor(() => expect(onToggle).toHaveBeenCalledWith(false));
  await waitFor(() => expect(status()).toMatch(/^Sync is off\. Steadfast's copy was taken out of your browser account/));
});

test.each<[string, Partial<SyncReport>, number, RegExp]>([
  ['an imported list', {}, 100_000, /Your imported lists \(100,000 sites\) stay on this device/],
  ['one imported site', {}, 1, /Your imported lists \(1 site\) stay on this device/],
  ['a plan too large', { tooLarge: ['plan'] }, 0, /Your plan is too large for the browser's sync/],
  ['a trigger list too large', { tooLarge: ['triggers'] }, 0, /Your trigger list is too large/],
  ['data that failed the checks', { ignored: ['triggers'] }, 0, /could not be read safely, so Steadfast ignored it\. Nothing here changed\./],
  ['a newer Steadfast elsewhere', { newerElsewhere: true }, 0, /Update Steadfast here to sync again/],
  ['a refused write', { writeFailed: true }, 0, /Steadfast will try again; everything here is kept/],
  ['two loosening changes waiting', { waiting: 2 }, 0, /2 changes from another browser loosen your protection, so they wait out your cooling-off here/],
])('tells the person about %s', (_name, over, listSites, text) => {
  render(<SyncPanel enabled report={report(over)} {...props} listSites={listSites} />);
  expect(status()).toMatch(text);
});
