// @vitest-environment happy-dom
/*
 * The partner lock's panel (components/PartnerLock.tsx): hostile text in every field it shows
 * (the holder's name, phone and email, a waiting change's label, a code typed) renders as text,
 * the code is shown only after turning on and hidden for good, and the code field beside a
 * waiting change sends what was typed with that change's id.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { PartnerLockPanel, type PartnerLockProps } from '../../components/PartnerLock';
import { noAttempts, type PartnerLock } from '../../lib/partner/partner-lock';
import type { PendingChange } from '../../lib/triggers/cooling-off';

afterEach(cleanup);

const HOSTILE = '<img src=x onerror=alert(1)>';
const NOW = Date.UTC(2026, 5, 1);
const key = {
  algorithm: 'PBKDF2-SHA-256' as const,
  iterations: 600_000,
  salt: 'AAAAAAAAAAAAAAAAAAAAAA==',
  hash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
};
const lock: PartnerLock = {
  key,
  waitDays: 7,
  turnedOnAt: NOW,
  attempts: noAttempts(),
  holder: { name: `${HOSTILE}Sam`, phone: `${HOSTILE}07700 900123`, email: `${HOSTILE}@x` },
};
const change: PendingChange = {
  kind: 'remove-trigger',
  triggerId: 't',
  id: 'w1',
  label: `Remove ${HOSTILE}.test`,
  requestedAt: NOW,
  effectiveAt: NOW + 7 * 86_400_000,
};

const props = (over: Partial<PartnerLockProps> = {}): PartnerLockProps => ({
  partner: lock,
  pending: [change],
  people: [{ id: 'p1', name: `${HOSTILE}Sam`, relationship: '', phone: '07700 900123', email: '', willDo: '' }],
  now: () => NOW,
  wrongCodes: '',
  paused: '',
  onTurnOn: vi.fn(async () => ({ message: 'on', code: 'ABCD-EFGH-JKLM' })),
  onSetWait: vi.fn(async () => ({ message: 'saved' })),
  onTurnOff: vi.fn(async () => ({ message: 'waits' })),
  onReplace: vi.fn(async () => ({ message: 'waits', code: 'ZZZZ-ZZZZ-ZZZZ' })),
  onHolder: vi.fn(async () => ({ message: 'saved' })),
  onRelease: vi.fn(async () => ({ ok: false as const, error: `That code does not match. ${HOSTILE}` })),
  onCancel: vi.fn(async () => undefined),
  ...over,
});

test('hostile text in the holder and a waiting change renders as text, and the code field sends what was typed', async () => {
  const p = props();
  const { container } = render(<PartnerLockPanel {...p} />);
  expect(screen.getByText(`${HOSTILE}Sam holds your release code.`)).toBeTruthy();
  expect(screen.getByText(new RegExp(`Remove ${HOSTILE.replace(/[()]/g, '\\$&')}\\.test`))).toBeTruthy();
  const tell = screen.getByRole('link', { name: 'Send by text message' }).getAttribute('href')!;
  // Digits only reach the link (the "1" of "alert(1)" among them): never markup.
  expect(tell).toMatch(/^sms:107700900123\?body=/);
  fireEvent.input(screen.getByLabelText('Enter the release code'), { target: { value: HOSTILE } });
  fireEvent.click(screen.getByRole('button', { name: 'Use the code' }));
  await waitFor(() => expect(container.querySelector('#release-w1-error')?.textContent).toContain('does not match'));
  expect(p.onRelease).toHaveBeenCalledWith(HOSTILE, 'w1');
  expect(container.querySelector('img')).toBeNull();
});

test('the code shows only after turning on, and is gone once hidden', async () => {
  const off = props({ partner: null, pending: [] });
  const { rerender } = render(<PartnerLockPanel {...off} />);
  expect(document.querySelector('#release-code')).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: 'Turn on and make a release code' }));
  await waitFor(() => expect(off.onTurnOn).toHaveBeenCalledWith(7));
  rerender(<PartnerLockPanel {...off} partner={lock} />);
  await waitFor(() => expect(document.querySelector('#release-code')?.textContent).toBe('ABCD-EFGH-JKLM'));
  fireEvent.click(screen.getByRole('button', { name: "I've passed it on: hide the code" }));
  await waitFor(() => expect(document.querySelector('#release-code')).toBeNull());
  expect(document.body.textContent).not.toContain('ABCD-EFGH-JKLM');
});
