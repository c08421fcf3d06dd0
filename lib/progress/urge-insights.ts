/**
 * What the urge log has learnt: what helped most, how long urges last, what sets them off. Pure
 * functions over the person's urges (lib/history/event.ts `UrgeEvent`), worked out on the device.
 * Progress, the weekly review and the print view all ask these, so the rules live in one place:
 *
 * - What helped: each thing they did, ranked by the average drop in strength from start to end.
 *   Only urges with an action and both strengths count. Something tried fewer than
 *   `MIN_TRIES_TO_RANK` times is listed after everything tried more often (`fewTries`), whatever
 *   its average: one good evening is not a pattern. Averages equal to one decimal share a `rank`.
 * - Fade time: the median of the minutes the urges lasted, only once `MIN_URGES_FOR_FADE` urges
 *   have a duration; fewer say nothing rather than something wrong. A duration of 0 (urge surfing
 *   rated again at once) says nothing of how long the urge lasted and is left out.
 * - What set them off: each kind counted once an urge, most first; their own words are counted
 *   together when they match ignoring case and spaces at the ends.
 */

import { URGE_ACTIONS, URGE_SET_OFFS, type UrgeAction, type UrgeEvent, type UrgeSetOff } from '../history/event';

/** A span of time in ms since the epoch: `from` included, `to` left out. Either end may be open. */
export interface UrgeWindow {
  from?: number;
  to?: number;
}

/** Fewer tries than this and an action is listed after the rest, as too early to tell. */
export const MIN_TRIES_TO_RANK = 3;
/** Fewer urges with a duration than this and no fade time is given. */
export const MIN_URGES_FOR_FADE = 3;

export interface HelpedEntry {
  action: UrgeAction;
  /** Their own words when `action` is `own` and they named it; otherwise absent. */
  ownAction?: string;
  /** How many urges with both strengths this was done for. */
  count: number;
  /** Average of start minus end strength, to one decimal. Negative when the urge grew. */
  averageDrop: number;
  /** 1 for the most helpful; entries with the same average (and the same `fewTries`) share a rank. */
  rank: number;
  /** Tried fewer than `MIN_TRIES_TO_RANK` times: shown, but after the rest and as too early to tell. */
  fewTries: boolean;
}

export interface FadeTime {
  /** The median, in whole minutes, at least 1. */
  minutes: number;
  /** How many urges had a duration. */
  count: number;
}

export type SetOffEntry = { setOff: UrgeSetOff; count: number } | { setOff: 'own'; text: string; count: number };

export interface UrgeInsights {
  /** Urges in the window, with or without the optional fields. */
  urges: number;
  helped: HelpedEntry[];
  fade: FadeTime | null;
  setOffs: SetOffEntry[];
}

function inWindow(urges: readonly UrgeEvent[], { from = -Infinity, to = Infinity }: UrgeWindow = {}): readonly UrgeEvent[] {
  return from === -Infinity && to === Infinity ? urges : urges.filter((u) => u.at >= from && u.at < to);
}

/** Own words as they are compared: trimmed, inner spaces single, lower case. */
const normalise = (text: string): string => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
const roundToTenth = (n: number): number => Math.round(n * 10) / 10;
const isRating = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** What helped most: each action with its average drop, best first, the rarely tried after the rest. */
export function whatHelped(urges: readonly UrgeEvent[], window?: UrgeWindow): HelpedEntry[] {
  const groups = new Map<string, { action: UrgeAction; ownAction?: string; count: number; drop: number }>();
  for (const u of inWindow(urges, window)) {
    if (!u.action || !URGE_ACTIONS.includes(u.action) || !isRating(u.before) || !isRating(u.after)) continue;
    const own = u.action === 'own' ? u.ownAction?.trim().replace(/\s+/g, ' ') || undefined : undefined;
    const key = own === undefined ? u.action : `own:${normalise(own)}`;
    const group = groups.get(key) ?? { action: u.action, ...(own === undefined ? {} : { ownAction: own }), count: 0, drop: 0 };
    group.count++;
    group.drop += u.before - u.after;
    groups.set(key, group);
  }
  const entries = [...groups.values()].map(({ drop, ...g }) => ({ ...g, averageDrop: roundToTenth(drop / g.count), fewTries: g.count < MIN_TRIES_TO_RANK }));
  const order = (a: (typeof entries)[number]) => URGE_ACTIONS.indexOf(a.action);
  entries.sort(
    (a, b) =>
      Number(a.fewTries) - Number(b.fewTries) ||
      b.averageDrop - a.averageDrop ||
      b.count - a.count ||
      order(a) - order(b) ||
      Number(a.ownAction === undefined) - Number(b.ownAction === undefined) ||
      (a.ownAction ?? '').localeCompare(b.ownAction ?? ''),
  );
  return entries.map((entry, i) => {
    let rank = i + 1;
    for (let j = i - 1; j >= 0 && entries[j]!.averageDrop === entry.averageDrop && entries[j]!.fewTries === entry.fewTries; j--) rank = j + 1;
    return { ...entry, rank };
  });
}

/** "Your urges fade after about N minutes": the median duration, or null while too few urges have one. */
export function fadeMinutes(urges: readonly UrgeEvent[], window?: UrgeWindow, minUrges = MIN_URGES_FOR_FADE): FadeTime | null {
  const minutes = inWindow(urges, window)
    .map((u) => u.minutes)
    .filter((m): m is number => isRating(m) && m > 0)
    .sort((a, b) => a - b);
  if (minutes.length === 0 || minutes.length < minUrges) return null;
  const mid = minutes.length >> 1;
  const median = minutes.length % 2 === 1 ? minutes[mid]! : (minutes[mid - 1]! + minutes[mid]!) / 2;
  return { minutes: Math.max(1, Math.round(median)), count: minutes.length };
}

/** What set the urges off, most common first (ties in the order of `URGE_SET_OFFS`, then own words A to Z). */
export function commonSetOffs(urges: readonly UrgeEvent[], window?: UrgeWindow): SetOffEntry[] {
  const kinds = new Map<UrgeSetOff, number>();
  const own = new Map<string, { text: string; count: number }>();
  for (const u of inWindow(urges, window)) {
    for (const kind of new Set(u.setOffBy ?? [])) if (URGE_SET_OFFS.includes(kind)) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    const text = u.setOffOwn?.trim().replace(/\s+/g, ' ');
    if (text) {
      const key = normalise(text);
      const entry = own.get(key) ?? { text, count: 0 };
      entry.count++;
      own.set(key, entry);
    }
  }
  const entries: SetOffEntry[] = [
    ...URGE_SET_OFFS.filter((k) => kinds.has(k)).map((setOff) => ({ setOff, count: kinds.get(setOff)! })),
    ...[...own.values()].sort((a, b) => a.text.localeCompare(b.text)).map(({ text, count }) => ({ setOff: 'own' as const, text, count })),
  ];
  // A stable sort keeps the kinds in their order, then the own words, among equal counts.
  return entries.sort((a, b) => b.count - a.count);
}

/** All three at once, over the same window. */
export function urgeInsights(urges: readonly UrgeEvent[], window?: UrgeWindow): UrgeInsights {
  const within = inWindow(urges, window);
  return { urges: within.length, helped: whatHelped(within), fade: fadeMinutes(within), setOffs: commonSetOffs(within) };
}
