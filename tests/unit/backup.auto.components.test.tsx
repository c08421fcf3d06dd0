// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { AutoBackup } from '../../components/AutoBackup';
import { App as Welcome } from '../../entrypoints/welcome/App';
import { streakStartItem } from '../../lib/history/streak-start-item';
import { loadPlan } from '../../lib/plan/plan-item';
import { triggerListItem } from '../../lib/triggers/trigger-list';
import { loadWelcome } from '../../lib/welcome/welcome-item';
import { AUTO_BACKUP_OFF } from '../fakes/auto-backup-apis';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  vi.restoreAllMocks();
});

const HOSTILE = '<img src=x onerror=alert(1)>';
const formatWhen = (at: number) => new Date(at).toISOString();
const toggle = () => screen.getByRole('checkbox', { name: 'Save a backup to my Downloads folder every week and after big changes' }) as HTMLInputElement;

describe('"Save a backup automatically" on My recovery', () => {
  test('the browser is asked during the click itself; refused, the switch goes back off and the page says so', async () => {
    const onToggle = vi.fn(async () => false);
    render(<AutoBackup state={AUTO_BACKUP_OFF} formatWhen={formatWhen} onToggle={onToggle} />);
    expect(screen.getByRole('status').textContent).toBe('Automatic backups are off.');
    fireEvent.click(toggle());
    // Synchronously, before anything awaited: the browser only asks during the click.
    expect(onToggle).toHaveBeenCalledWith(true);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/did not give Steadfast permission.*Nothing was changed\./));
    expect(toggle().checked).toBe(false);
  });

  test('on: when the last file was saved and where; a withdrawn permission is said plainly', () => {
    const state = { ...AUTO_BACKUP_OFF, enabled: true, lastSavedAt: Date.UTC(2026, 11, 6, 10, 40) };
    const { rerender } = render(<AutoBackup state={state} formatWhen={formatWhen} onToggle={async () => true} />);
    expect(toggle().checked).toBe(true);
    expect(screen.getByRole('status').textContent).toBe(
      'Automatic backups are on. The last one was saved on 2026-12-06T10:40:00.000Z, in Downloads › Steadfast.',
    );
    expect(screen.getByRole('alert').textContent).toBe('');
    rerender(<AutoBackup state={{ ...state, problem: 'no-permission' }} formatWhen={formatWhen} onToggle={async () => true} />);
    expect(screen.getByRole('alert').textContent).toMatch(/permission to manage downloads was taken back/);
  });

  test('off: the files stay and the page says so', async () => {
    const onToggle = vi.fn(async () => true);
    render(<AutoBackup state={{ ...AUTO_BACKUP_OFF, enabled: true, lastSavedAt: 1 }} formatWhen={formatWhen} onToggle={onToggle} />);
    fireEvent.click(toggle());
    expect(onToggle).toHaveBeenCalledWith(false);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/files already saved stay in your Downloads folder/));
  });
});

describe('the welcome\'s "Coming back?"', () => {
  const FIXTURES = join(import.meta.dirname, '../fixtures/backups');
  const NOW = Date.UTC(2026, 10, 26, 12);
  const card = () => within(document.querySelector<HTMLElement>('.coming-back')!);

  async function choose(name: string, text = readFileSync(join(FIXTURES, name), 'utf8')) {
    render(<Welcome locale="en-GB" now={NOW} timeZone="Europe/London" />);
    await screen.findByRole('heading', { name: 'Coming back? Restore from a backup' });
    const input = card().getByLabelText('Choose your backup file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'application/json' })], configurable: true });
    fireEvent.change(input);
  }

  test('a damaged file says why and changes nothing', async () => {
    await choose('reject-truncated.json');
    await waitFor(() => expect(card().getByRole('alert').textContent).toMatch(/Nothing was changed\.$/));
    expect(card().queryByRole('button', { name: 'Restore my backup' })).toBeNull();
    expect(await triggerListItem.getValue()).toEqual([]);
    expect(await streakStartItem.getValue()).toBeNull();
  });

  test('a good file: one step brings back the plan, streak and triggers; then "Show me what is set up" skips the rest', async () => {
    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload } as Location);
    const valid = JSON.parse(readFileSync(join(FIXTURES, 'accept-valid.json'), 'utf8'));
    valid.data.plan.reasons = [HOSTILE];
    await choose('accept-valid.json', JSON.stringify(valid));
    await card().findByText(/^This backup holds 3 trigger sites/);
    fireEvent.click(card().getByRole('button', { name: 'Restore my backup' }));
    await waitFor(() => expect(reload).toHaveBeenCalled());
    expect((await loadPlan()).reasons).toEqual([HOSTILE]);
    expect((await streakStartItem.getValue())?.startedOn).toBe('2025-12-01');
    expect((await triggerListItem.getValue()).map((t) => t.display)).toEqual(['trigger.example', 'forum.example/ket', 'buy ket']);

    // The page as it comes back after the reload.
    cleanup();
    render(<Welcome locale="en-GB" now={NOW} timeZone="Europe/London" />);
    await screen.findByRole('heading', { name: 'Coming back? Restore from a backup' });
    await card().findByText('Welcome back. Look over the steps below if you like, or go straight to what is set up.');
    expect(card().getByRole('status').textContent).toMatch(/restored/);
    fireEvent.click(card().getByRole('button', { name: 'Show me what is set up' }));
    await screen.findByRole('heading', { name: "You're set up" });
    await waitFor(async () => expect((await loadWelcome()).place).toBe('done'));
    expect(document.querySelector('img')).toBeNull();
  });
});
