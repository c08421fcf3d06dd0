/*
 * One sync, decided from what is here and what is in `storage.sync` (pure): merge, what changes
 * here, what to write there, and what to tell the person. Nothing from another browser is used
 * before it passes the same schemas as a backup; a part that fails them is ignored (and written
 * over with this browser's merged copy), and nothing here changes because of it.
 */
import * as v from 'valibot';
import { applyMerged, type Applied } from './apply';
import { META_KEY, PART_NAMES, readPart, splitIntoChunks, staleChunkKeys, SYNC_FORMAT, type PartInfo, type PartName, type SyncMeta } from './chunks';
import { localDoc, type LocalConfig } from './local-doc';
import { mergeDocs } from './merge';
import { SYNC_QUOTA, totalBytes } from './quota';
import { PART_SCHEMAS, type SyncDoc } from './sync-doc';
import type { SyncReport } from './sync-state-item';

const partInfoSchema = v.object({
  hash: v.pipe(v.string(), v.regex(/^[0-9a-f]{8}$/)),
  count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(SYNC_QUOTA.items)),
});
const metaSchema = v.object({
  format: v.pipe(v.number(), v.integer(), v.minValue(1)),
  parts: v.object({ triggers: v.optional(partInfoSchema), settings: v.optional(partInfoSchema), plan: v.optional(partInfoSchema) }),
});

export interface SyncWrite {
  set: Record<string, unknown>;
  remove: string[];
}

export interface Reconciled {
  /** What this device stores (triggers, plan, settings, pending). */
  applied: Applied;
  /** The merged document: the next sync's `base`. */
  merged: SyncDoc;
  /** What to write to `storage.sync`, or null when it already holds the merge. */
  write: SyncWrite | null;
  report: SyncReport;
}

/** What another browser left in `storage.sync`, each part checked; `meta` is null when unreadable. */
export function readRemote(all: Readonly<Record<string, unknown>>): { meta: SyncMeta | null; newer: boolean; doc: Partial<SyncDoc>; ignored: PartName[] } {
  const raw = all[META_KEY];
  if (raw === undefined) return { meta: null, newer: false, doc: {}, ignored: [] };
  const format = (raw as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > SYNC_FORMAT) return { meta: null, newer: true, doc: {}, ignored: [] };
  const meta = v.safeParse(metaSchema, raw);
  if (!meta.success || meta.output.format !== SYNC_FORMAT) return { meta: null, newer: false, doc: {}, ignored: [...PART_NAMES] };
  const doc: Partial<SyncDoc> = {};
  const ignored: PartName[] = [];
  for (const part of PART_NAMES) {
    const read = readPart(meta.output.parts[part], part, all);
    if (read.status === 'unreadable') ignored.push(part);
    if (read.status !== 'ok') continue;
    const checked = v.safeParse(PART_SCHEMAS[part], read.value);
    if (checked.success) (doc as Record<PartName, unknown>)[part] = checked.output;
    else ignored.push(part);
  }
  return { meta: meta.output, newer: false, doc, ignored };
}

/**
 * The items to write for `merged`, most protective part first (triggers, then settings, then the
 * plan), each only if the whole of it fits beside everything already stored: a part that would
 * break a quota is left as it was in sync, and said to be too large. The chunks of the old
 * version of a part are removed only after the new ones and the meta that names them are stored.
 */
export function planWrite(
  merged: SyncDoc,
  remote: Readonly<Record<string, unknown>>,
  meta: SyncMeta | null,
): { write: SyncWrite | null; tooLarge: PartName[] } {
  const parts: Partial<Record<PartName, PartInfo>> = {};
  const set: Record<string, unknown> = {};
  const tooLarge: PartName[] = [];
  let changed = meta === null;
  for (const part of PART_NAMES) {
    const { info, items } = splitIntoChunks(part, JSON.stringify(merged[part]));
    const before = meta?.parts[part];
    if (before?.hash === info.hash && before.count === info.count) {
      parts[part] = before;
      continue;
    }
    const nextMeta: SyncMeta = { format: SYNC_FORMAT, parts: { ...meta?.parts, ...parts, [part]: info } };
    const projected = { ...remote, ...set, ...items, [META_KEY]: nextMeta };
    if (totalBytes(projected) <= SYNC_QUOTA.bytes && Object.keys(projected).length <= SYNC_QUOTA.items) {
      Object.assign(set, items);
      parts[part] = info;
      changed = true;
    } else {
      tooLarge.push(part);
      if (before) parts[part] = before;
    }
  }
  if (!changed) return { write: null, tooLarge };
  const nextMeta: SyncMeta = { format: SYNC_FORMAT, parts };
  set[META_KEY] = nextMeta;
  return { write: { set, remove: staleChunkKeys(nextMeta, { ...remote, ...set }) }, tooLarge };
}

export function reconcile(
  input: { local: LocalConfig; base: SyncDoc | null; remote: Readonly<Record<string, unknown>> },
  now: number,
  makeId?: () => string,
): Reconciled {
  const { local, base, remote } = input;
  const theirs = readRemote(remote);
  const mine = localDoc(local, base, now);
  const report = { checkedAt: now, tooLarge: [], ignored: theirs.ignored, newerElsewhere: theirs.newer, writeFailed: false, waiting: 0 };
  if (theirs.newer) {
    // Another browser's Steadfast is newer: leave its data alone and change nothing here.
    return { applied: { ...local, triggers: [...local.triggers], pending: [...local.pending], waiting: [] }, merged: base ?? mine, write: null, report };
  }
  const merged = mergeDocs(mine, theirs.doc, now);
  const applied = applyMerged(local, merged, now, makeId);
  const { write, tooLarge } = planWrite(merged, remote, theirs.meta);
  return { applied, merged, write, report: { ...report, tooLarge, waiting: applied.waiting.length } };
}
