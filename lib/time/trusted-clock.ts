/*
 * Time that cannot be bent back (issue 15, item 2; DESIGN.md "Commitment integrity"). The wall
 * clock is the person's to set, so no decision trusts it alone: Steadfast keeps the latest time it
 * has ever seen, and `trustedNow()` never answers earlier than that. A clock moved back 30 days
 * therefore makes nothing fresher, lengthens nothing and moves no streak back; Steadfast simply
 * reads the time it last saw until the wall clock passes it again.
 */
import { storage } from 'wxt/utils/storage';

/**
 * The latest time (ms since 1970) Steadfast has seen, in `storage.local`, version 1. Only ever
 * raised. 0 until the first reading.
 */
export const latestSeenItem = storage.defineItem<number>('local:latestTimeSeen', { version: 1, fallback: 0 });

/** A stored latest time that is not a usable number counts as none (the wall clock decides). */
const usable = (ms: number): number => (Number.isFinite(ms) && ms > 0 ? ms : 0);

/**
 * The time to decide with, given the wall clock and the latest time seen: never earlier than the
 * latest, and the new latest to keep. A wall clock that is not a finite number is ignored. Pure.
 */
export function trustedTime(wall: number, latestSeen: number): { now: number; latestSeen: number } {
  const latest = usable(latestSeen);
  const now = Number.isFinite(wall) ? Math.max(wall, latest) : latest;
  return { now, latestSeen: now };
}

export interface LatestStore {
  getValue(): Promise<number>;
  setValue(value: number): Promise<void>;
}

/**
 * The trusted time now: the wall clock, or the latest time seen if the wall clock is behind it.
 * Records a newer time. Two pages reading at once can only ever raise the stored time.
 */
export async function trustedNow(wall: number = Date.now(), store: LatestStore = latestSeenItem): Promise<number> {
  return (await readTrusted(wall, store)).recorded;
}

/**
 * The trusted time after one read, for a page that only shows something with it (the popup's
 * streak): the newer time is still recorded, but nothing waits for the second read and the write.
 * Never earlier than the latest time seen when it was read.
 */
export async function trustedNowUnrecorded(wall: number = Date.now(), store: LatestStore = latestSeenItem): Promise<number> {
  const { now, recorded } = await readTrusted(wall, store);
  recorded.catch(() => undefined);
  return now;
}

async function readTrusted(wall: number, store: LatestStore): Promise<{ now: number; recorded: Promise<number> }> {
  const stored = await store.getValue();
  const { now, latestSeen } = trustedTime(wall, stored);
  return { now, recorded: latestSeen > usable(stored) ? remember(now, latestSeen, store) : Promise.resolve(now) };
}

async function remember(now: number, latestSeen: number, store: LatestStore): Promise<number> {
  // Another page may have raised it meanwhile: read again just before writing, never lower it.
  const again = usable(await store.getValue());
  // A failed write (storage full, a closed context) still answers: the time read is no less
  // trustworthy, it is only not remembered for next time.
  if (latestSeen > again) await store.setValue(latestSeen).catch(() => undefined);
  return Math.max(now, again);
}
