/*
 * "Someone I trust holds the key" (issue 21, part 3; DESIGN.md "Commitment integrity"). With the
 * partner lock on, every loosening change waits the long wait the person chose (default 7 days)
 * instead of the cooling-off, or takes effect at once when the release code their trusted person
 * holds is entered. Turning the lock off, shortening its long wait and replacing the code are
 * loosening changes too, so a hard moment cannot swap in a code the person knows. The long wait
 * always ends: no one is ever locked out. Pure: time comes in as `now`.
 */
import { storage } from 'wxt/utils/storage';
import type { CodeHash } from './code';

export const PARTNER_WAIT_DAYS = { min: 2, max: 30, default: 7 } as const;
export const DAY_MS = 86_400_000;

/** Wrong codes, for the rate limit and for the person to see. */
export interface Attempts {
  /** Wrong codes in a row (the pause grows with them); a right code sets it back to 0. */
  inARow: number;
  /** No code is checked before this (trusted time, ms). */
  notBefore: number;
  /** Every wrong code since `since` (kept while the lock is on): "3 wrong codes since 4 Dec". */
  total: number;
  since: number | null;
}

/** Who holds the code, as the person chose or typed them: only to prefill a message to them. */
export interface Holder {
  name: string;
  phone: string;
  email: string;
}

export const HOLDER_LIMIT = 200;

export interface PartnerLock {
  key: CodeHash;
  waitDays: number;
  turnedOnAt: number;
  attempts: Attempts;
  holder?: Holder;
}

/** A holder as typed, each part trimmed to a sane length; undefined when every part is empty. */
export function cleanHolder(holder: Partial<Holder> | undefined): Holder | undefined {
  const part = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, HOLDER_LIMIT) : '');
  const clean = { name: part(holder?.name), phone: part(holder?.phone), email: part(holder?.email) };
  return clean.name || clean.phone || clean.email ? clean : undefined;
}

export const noAttempts = (): Attempts => ({ inARow: 0, notBefore: 0, total: 0, since: null });

/** The partner lock in `storage.local`, version 1: null when off. The code itself is never here. */
export const partnerLockItem = storage.defineItem<PartnerLock | null>('local:partnerLock', { version: 1, fallback: null });

/** A stored lock that is not whole (an edited storage) reads as the safest thing it can: on, with what it has. */
export async function loadPartnerLock(): Promise<PartnerLock | null> {
  const lock = await partnerLockItem.getValue();
  if (!lock || typeof lock !== 'object' || !lock.key) return null;
  const { holder, ...rest } = lock;
  const clean = cleanHolder(holder);
  return { ...rest, waitDays: clampWaitDays(lock.waitDays), attempts: { ...noAttempts(), ...lock.attempts }, ...(clean ? { holder: clean } : {}) };
}

export function clampWaitDays(days: unknown): number {
  const n = typeof days === 'number' && Number.isFinite(days) ? Math.round(days) : PARTNER_WAIT_DAYS.default;
  return Math.min(PARTNER_WAIT_DAYS.max, Math.max(PARTNER_WAIT_DAYS.min, n));
}

/** Free tries before the first pause. */
export const FREE_TRIES = 3;
const FIRST_PAUSE_MS = 60_000;
const LONGEST_PAUSE_MS = DAY_MS;

/** The pause after `inARow` wrong codes: none for the first two, then 1 min, 2, 4, … up to a day. */
export function pauseAfter(inARow: number): number {
  if (inARow < FREE_TRIES) return 0;
  return Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** Math.min(20, inARow - FREE_TRIES));
}

/** Whether a code may be checked now; if not, how long until it may (trusted time, so a clock set back never shortens it). */
export function canTry(attempts: Attempts, now: number): { ok: true } | { ok: false; waitMs: number } {
  return now >= attempts.notBefore ? { ok: true } : { ok: false, waitMs: attempts.notBefore - now };
}

export function afterWrong(attempts: Attempts, now: number): Attempts {
  const inARow = attempts.inARow + 1;
  return { inARow, notBefore: now + pauseAfter(inARow), total: attempts.total + 1, since: attempts.since ?? now };
}

/** A right code ends the run of wrong ones; the count the person sees stays. */
export const afterRight = (attempts: Attempts): Attempts => ({ ...attempts, inARow: 0, notBefore: 0 });

/** The partner lock's long wait, never shorter than the cooling-off it stands in for. */
export function longWaitMs(lock: Pick<PartnerLock, 'waitDays'>, coolingOffMs: number): number {
  return Math.max(clampWaitDays(lock.waitDays) * DAY_MS, coolingOffMs);
}

/** What a backup carries of the lock, only when the person ticks the box: the key and the long wait. */
export interface PartnerKeyCopy {
  key: CodeHash;
  waitDays: number;
}

export const keyCopyOf = (lock: PartnerLock): PartnerKeyCopy => ({ key: lock.key, waitDays: lock.waitDays });

/**
 * The lock after a restore (pure). A backup's lock turns the lock on when none is on (tightening),
 * and a longer long wait from it applies; a backup never turns a lock off, shortens its wait or
 * replaces its code (each of those is loosening, and waits only through lib/partner/commands.ts).
 */
export function restoredPartner(current: PartnerLock | null, copy: PartnerKeyCopy | null | undefined, now: number): PartnerLock | null {
  if (!copy) return current;
  if (!current) return { key: copy.key, waitDays: clampWaitDays(copy.waitDays), turnedOnAt: now, attempts: noAttempts() };
  return copy.waitDays > current.waitDays ? { ...current, waitDays: clampWaitDays(copy.waitDays) } : current;
}
