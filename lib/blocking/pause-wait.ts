/*
 * The pause wait belongs to the background (issue 15, item 7; DESIGN.md "The wait belongs to the
 * background"). The pause page tells the background when it is shown; the background notes the
 * moment with its own clocks, per tab and frame, in `storage.session` (gone when the browser
 * closes, never written to disk, out of reach of web pages). "Continue anyway" is granted only
 * once the background itself has seen the whole wait pass there. A page whose script was edited,
 * or a message sent early, cannot skip it; the page's countdown is only for the person.
 */
import { elapsedBetween, type Reading } from '../time/clock-watch';

const KEY = 'pauseShown';

/** A wait is seen to pass with this much grace for the message's own way to the background. */
export const WAIT_GRACE_MS = 1_000;

/** How long after its wait a shown pause page is still watched (its "Continue" may come later). */
const KEEP_MS = 10 * 60_000;

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export type ShownAt = Record<string, Reading>;

/** Which pause page: the tab and, inside it, the frame (a paused frame is its own wait). */
export const placeOf = (tabId: number, frameId = 0): string => `${tabId}:${frameId}`;

const isReading = (value: unknown): value is Reading => {
  const r = value as Partial<Reading> | null;
  return typeof r === 'object' && r !== null && Number.isFinite(r.wall) && Number.isFinite(r.mono) && typeof r.instance === 'string';
};

export async function readShownAt(area: SessionArea): Promise<ShownAt> {
  const stored = (await area.get(KEY))[KEY];
  if (typeof stored !== 'object' || stored === null) return {};
  return Object.fromEntries(Object.entries(stored).filter(([, reading]) => isReading(reading))) as ShownAt;
}

/** The pause page was shown at `place`: its wait starts now, again if it was shown before. */
export async function recordShown(area: SessionArea, place: string, now: Reading): Promise<void> {
  const all = await readShownAt(area);
  // Forget pages shown long ago, so the record stays small.
  const kept = Object.entries(all).filter(([, at]) => elapsedBetween(at, now) < KEEP_MS);
  await area.set({ [KEY]: { ...Object.fromEntries(kept), [place]: now } });
}

/** Whether the background saw `waitSeconds` pass since the pause page at `place` was shown. */
export function waitHasPassed(shown: Reading | undefined, now: Reading, waitSeconds: number): boolean {
  if (!shown) return false;
  return elapsedBetween(shown, now) + WAIT_GRACE_MS >= waitSeconds * 1000;
}

/** Whether any pause page is still waiting or may still ask to continue (so the background watches). */
export function anyWaiting(shownAt: ShownAt, now: Reading): boolean {
  return Object.values(shownAt).some((at) => elapsedBetween(at, now) < KEEP_MS);
}
