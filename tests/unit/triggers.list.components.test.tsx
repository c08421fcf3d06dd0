// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { ImportList } from '../../components/ImportList';
import type { Blocklist } from '../../lib/triggers/blocklist';

afterEach(cleanup);

const big: Blocklist = {
  id: 'g',
  name: 'Gambling list',
  mode: 'block',
  addedAt: 1,
  domains: Array.from({ length: 100_000 }, (_, i) => `site${i}.test`),
};

function setup(lists: Blocklist[] = [], reply = { ok: true, message: 'Added 2 sites from “Mine”.' }) {
  const onImport = vi.fn(async () => reply);
  const onRemove = vi.fn(async () => undefined);
  const onModeChange = vi.fn(async () => undefined);
  render(<ImportList lists={lists} onImport={onImport} onRemove={onRemove} onModeChange={onModeChange} />);
  return { onImport, onRemove, onModeChange };
}

test('a pasted list is imported with its name and mode, and the summary is announced', async () => {
  const { onImport } = setup();
  const status = screen.getByRole('status');
  expect(status.textContent).toBe('');
  fireEvent.input(screen.getByRole('textbox', { name: 'Paste a list of sites' }), { target: { value: 'a.com\nb.com' } });
  fireEvent.input(screen.getByRole('textbox', { name: 'List name' }), { target: { value: 'Mine' } });
  fireEvent.change(screen.getByRole('combobox', { name: 'When a site from it opens' }), { target: { value: 'block' } });
  fireEvent.click(screen.getByRole('button', { name: 'Import' }));
  await waitFor(() => expect(status.textContent).toBe('Added 2 sites from “Mine”.'));
  expect(onImport).toHaveBeenCalledWith({ text: 'a.com\nb.com', name: 'Mine', mode: 'block' });
  expect((screen.getByRole('textbox', { name: 'Paste a list of sites' }) as HTMLTextAreaElement).value).toBe('');
  expect(screen.getByRole('alert').textContent).toBe('');
});

test('a refused list keeps what was pasted and says why, as an alert', async () => {
  setup([], { ok: false, message: 'That list has 100,001 sites' });
  fireEvent.input(screen.getByRole('textbox', { name: 'Paste a list of sites' }), { target: { value: 'a.com' } });
  fireEvent.click(screen.getByRole('button', { name: 'Import' }));
  await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('That list has 100,001 sites'));
  expect(screen.getByRole('status').textContent).toBe('');
  expect((screen.getByRole('textbox', { name: 'Paste a list of sites' }) as HTMLTextAreaElement).value).toBe('a.com');
});

test('nothing pasted or chosen: a hint, and no import', async () => {
  const { onImport } = setup();
  fireEvent.click(screen.getByRole('button', { name: 'Import' }));
  await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Paste a list of sites, or choose a file, first'));
  expect(onImport).not.toHaveBeenCalled();
});

test('a chosen file is imported, named after the file unless named', async () => {
  const { onImport } = setup();
  const input = screen.getByLabelText('Choose a list file') as HTMLInputElement;
  expect(input.type).toBe('file');
  const file = new File(['0.0.0.0 a.com\n'], 'Drug markets.txt', { type: 'text/plain' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
  await waitFor(() => expect((screen.getByRole('textbox', { name: 'List name' }) as HTMLInputElement).value).toBe('Drug markets'));
  expect(screen.getByText(/Import will read the file Drug markets\.txt/)).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Import' }));
  await waitFor(() => expect(onImport).toHaveBeenCalledWith({ text: '0.0.0.0 a.com\n', name: 'Drug markets', mode: 'pause' }));
});

test('a list of 100,000 sites is one row: name, count, mode, remove', async () => {
  const { onRemove, onModeChange } = setup([big]);
  const rows = screen.getByRole('list', { name: 'Imported lists' }).querySelectorAll('li');
  expect(rows).toHaveLength(1);
  expect(rows[0]!.textContent).toContain('Gambling list · 100,000 sites');
  const mode = screen.getByRole('combobox', { name: 'When a site from Gambling list opens' }) as HTMLSelectElement;
  expect(mode.value).toBe('block');
  fireEvent.change(mode, { target: { value: 'pause' } });
  expect(onModeChange).toHaveBeenCalledWith(big, 'pause');
  fireEvent.click(screen.getByRole('button', { name: 'Remove Gambling list' }));
  expect(onRemove).toHaveBeenCalledWith(big);
});
