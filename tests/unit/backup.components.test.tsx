// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { Backup, type BackupPreview } from '../../components/Backup';

afterEach(cleanup);

const HOSTILE = '<img src=x onerror=alert(1)>';
const preview: BackupPreview = {
  ok: true,
  contents: `3 trigger sites, a plan ${HOSTILE}`,
  effects: { replace: 'Replace everything: …', merge: 'Merge: adds 2 trigger sites …' },
};

function choose(file = new File(['{}'], 'backup.json', { type: 'application/json' })) {
  const input = screen.getByLabelText('Choose a backup file') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

test('a chosen file shows its summary as text, then restores with the mode chosen', async () => {
  const onRestore = vi.fn(async () => ({ ok: true, message: 'Your backup is restored.' }));
  const { container } = render(<Backup onExport={async () => ''} onChoose={async () => preview} onRestore={onRestore} />);
  choose();
  await screen.findByText(/This backup holds 3 trigger sites/);
  expect(container.querySelector('img')).toBeNull();
  expect(screen.getByText(/This backup holds/).textContent).toContain(HOSTILE);
  fireEvent.click(screen.getByRole('button', { name: 'Merge' }));
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Your backup is restored.'));
  expect(onRestore).toHaveBeenCalledWith('merge');
  expect(screen.queryByRole('button', { name: 'Replace everything' })).toBeNull();
});

test('a refused file shows why, offers no restore, and Cancel changes nothing', async () => {
  const onRestore = vi.fn();
  const onChoose = vi
    .fn<() => Promise<BackupPreview>>()
    .mockResolvedValueOnce({ ok: false, message: 'That file is not a Steadfast backup. Nothing was changed.' });
  onChoose.mockResolvedValueOnce(preview);
  render(<Backup onExport={async () => ''} onChoose={onChoose} onRestore={onRestore} />);
  choose();
  await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Nothing was changed/));
  expect(screen.queryByRole('button', { name: 'Replace everything' })).toBeNull();
  choose();
  fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
  expect(screen.queryByRole('button', { name: 'Merge' })).toBeNull();
  expect(onRestore).not.toHaveBeenCalled();
});

test('Download a backup reports in the live region', async () => {
  render(<Backup onExport={async () => 'Your backup is downloading.'} onChoose={async () => preview} onRestore={vi.fn()} />);
  fireEvent.click(screen.getByRole('button', { name: 'Download a backup' }));
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Your backup is downloading.'));
});
