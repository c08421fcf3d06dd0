// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App as PauseApp } from '../../entrypoints/pause/App';
import { App as PopupApp } from '../../entrypoints/popup/App';
import { closeHistoryConnection } from '../../lib/history/db';
import { loadRecoveryState } from '../../lib/history/recovery-state';
import { streakStartItem } from '../../lib/history/streak-start-item';
import { emptyPlan, type Plan } from '../../lib/plan/plan';
import { planItem } from '../../lib/plan/plan-item';
import { triggerListItem } from '../../lib/triggers/trigger-list';

/*
 * Pages that survive failures (issue 18, part 3): each failure is injected into the real page
 * components with the browser's storage and IndexedDB made to fail as a browser's can.
 */

const PLAN: Plan = {
  ...emptyPlan(),
  reasons: ['My daughter'],
  ifThenSteps: [{ id: 'a', when: 'I feel the pull', then: 'call Sam' }],
  supportPeople: [{ id: 'p1', name: 'Sam', relationship: 'friend', phone: '07700900123', email: '', willDo: 'Listen' }],
};

const HISTORY_WORDS = /could not open your history just now/;
const STORAGE_WORDS = /could not read some of what you saved just now/;

/** indexedDB.open refuses, as with storage turned off or a broken profile. */
function breakIndexedDbOpen() {
  return vi.spyOn(indexedDB, 'open').mockImplementation(() => {
    throw new DOMException('The operation failed for reasons unrelated to the database itself.', 'UnknownError');
  });
}

/** Every read of storage.local rejects (the plan, triggers, settings). */
function breakStorageReads() {
  return vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('IO error: .../Local Extension Settings/LOCK'));
}

/** Every write to the history fails: a transaction that aborts, or a full device. */
function breakHistoryWrites(error: () => DOMException) {
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
    throw error();
  });
}

beforeEach(async () => {
  await closeHistoryConnection();
  await planItem.setValue(PLAN);
  await streakStartItem.setValue({ startedOn: '2026-11-01', substance: 'ketamine' });
  await triggerListItem.setValue([{ id: 't1', kind: 'site', mode: 'pause', display: 'trigger.test', host: 'trigger.test', addedAt: 0 }]);
});

afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await closeHistoryConnection();
});

const openPause = () => render(<PauseApp hash="#https://trigger.test/" inFrame={false} />);

describe('the pause page when things fail', () => {
  test('with everything working it shows the plan, support people and no problem', async () => {
    openPause();
    expect(await screen.findByText(/call Sam/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Reach out' })).toBeTruthy();
    expect(document.querySelector('.problem-notice')).toBeNull();
  });

  test('IndexedDB will not open: the plan and support people still show, and it says why the days are missing', async () => {
    const open = breakIndexedDbOpen();
    openPause();
    expect(await screen.findByText(HISTORY_WORDS)).toBeTruthy();
    expect(open).toHaveBeenCalled();
    expect(screen.getByText(/call Sam/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Reach out' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /Take me away/ })).toBeTruthy();
    expect(document.querySelector('.pause-streak')).toBeNull();
  });

  test('IndexedDB never answers: the plan, a coping prompt and support people show all the same (issue 19)', async () => {
    // An open request that never succeeds nor fails, as on a busy or stuck profile.
    const request = Object.assign(new EventTarget(), { error: new DOMException('gave up', 'AbortError') });
    const open = vi.spyOn(indexedDB, 'open').mockImplementation(() => request as unknown as IDBOpenDBRequest);
    openPause();
    expect(await screen.findByText(/call Sam/)).toBeTruthy();
    expect(open).toHaveBeenCalled();
    expect(screen.getByRole('heading', { name: 'Reach out' })).toBeTruthy();
    expect(document.querySelector('section.coping')).not.toBeNull();
    // The days wait for the history; nothing claims they are missing while it may still come.
    expect(document.querySelector('.pause-streak')).toBeNull();
    expect(screen.queryByText(HISTORY_WORDS)).toBeNull();
    // When it does fail at last, the page says so and keeps the plan.
    request.dispatchEvent(new Event('error'));
    expect(await screen.findByText(HISTORY_WORDS)).toBeTruthy();
    expect(screen.getByText(/call Sam/)).toBeTruthy();
  });

  test('storage.local.get rejects: the help and the way out still show, and it says plainly what is missing', async () => {
    breakStorageReads();
    openPause();
    expect(await screen.findByText(STORAGE_WORDS)).toBeTruthy();
    expect(screen.getByRole('link', { name: /Take me away/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'More ways to ride out an urge' })).toBeTruthy();
    // A coping prompt still shows (the built-in ones need no storage).
    expect(document.querySelector('.pause')!.textContent!.length).toBeGreaterThan(50);
  });

  test('a full device on writing never stops the page', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new DOMException('QUOTA_BYTES quota exceeded', 'QuotaExceededError'));
    breakHistoryWrites(() => new DOMException('quota exceeded', 'QuotaExceededError'));
    openPause();
    expect(await screen.findByText(/call Sam/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Reach out' })).toBeTruthy();
  });
});

describe('the popup when things fail', () => {
  // The popup loads its check-in with `import()` after its first paint; in the browser that is a
  // file in the extension, here Vitest compiles it on first use, which can outlast `findBy…`.
  beforeAll(() => import('../../entrypoints/popup/later'));

  async function checkIn() {
    fireEvent.click(await screen.findByText('Daily check-in'));
    // The check-in comes with the part of the popup loaded after its first paint (issue 19).
    fireEvent.click(await screen.findByLabelText('Okay'));
    fireEvent.click(screen.getByRole('button', { name: 'Save check-in' }));
  }

  test('with everything working a check-in is thanked', async () => {
    render(<PopupApp />);
    await checkIn();
    expect(await screen.findByText(/Thank you for checking in/)).toBeTruthy();
  });

  test('IndexedDB will not open: no thanks, it says it could not save and offers to try again, which works once it opens', async () => {
    const open = breakIndexedDbOpen();
    render(<PopupApp />);
    expect(await screen.findByText(HISTORY_WORDS)).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Reach out' })).toBeTruthy();
    await checkIn();
    expect(await screen.findByText('That could not be saved just now. Please try again.')).toBeTruthy();
    expect(screen.queryByText(/Thank you for checking in/)).toBeNull();
    open.mockRestore();
    fireEvent.click(screen.getByRole('button', { name: 'Try saving again' }));
    expect(await screen.findByText(/Thank you for checking in/)).toBeTruthy();
  });

  test('a transaction that aborts: no thanks, plain words, the answers kept', async () => {
    breakHistoryWrites(() => new DOMException('The transaction was aborted.', 'AbortError'));
    render(<PopupApp />);
    await checkIn();
    expect(await screen.findByText('That could not be saved just now. Please try again.')).toBeTruthy();
    expect(screen.queryByText(/Thank you for checking in/)).toBeNull();
    expect((screen.getByLabelText('Okay') as HTMLInputElement).checked).toBe(true);
  });

  test('quota exceeded on the write: no thanks, and it says the device is out of room', async () => {
    breakHistoryWrites(() => new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    render(<PopupApp />);
    await checkIn();
    expect(await screen.findByText(/run out of room/)).toBeTruthy();
    expect(screen.queryByText(/Thank you for checking in/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Try saving again' })).toBeTruthy();
  });

  test('storage.local.get rejects: it says so, and offers no start form for a streak it could not read', async () => {
    breakStorageReads();
    render(<PopupApp />);
    expect(await screen.findByText(STORAGE_WORDS)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /start/i })).toBeNull();
  });
});

describe('the recovery state reads the plan and the history apart', () => {
  test('a failing history leaves the plan; a failing plan leaves the history', async () => {
    const noHistory = await loadRecoveryState(Date.UTC(2026, 10, 20), { open: () => Promise.reject(new Error('closed')) });
    expect(noHistory.plan?.reasons).toEqual(['My daughter']);
    expect(noHistory.db).toBeUndefined();
    expect(noHistory.problems).toEqual(['history']);
    const noPlan = await loadRecoveryState(Date.UTC(2026, 10, 20), { readPlan: () => Promise.reject(new Error('IO error')) });
    expect(noPlan.plan).toBeUndefined();
    expect(noPlan.progress?.streak.daysWithout).toBeGreaterThan(0);
    expect(noPlan.problems).toEqual(['storage']);
  });
});

describe('Progress reads the start day apart from the history', () => {
  test('a start day that cannot be read leaves the history drawn, says so, and counts no streak', async () => {
    const { loadProgressView } = await import('../../lib/progress/progress-page');
    const load = await loadProgressView(Date.UTC(2026, 10, 20), 'UTC', undefined, () => Promise.reject(new Error('IO error')));
    expect(load.problems).toEqual(['storage']);
    expect(load.view.streak).toBeUndefined();
    const working = await loadProgressView(Date.UTC(2026, 10, 20), 'UTC');
    expect(working.problems).toEqual([]);
    expect(working.view.streak?.daysWithout).toBeGreaterThan(0);
  });
});
