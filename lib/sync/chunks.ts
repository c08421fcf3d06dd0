/*
 * How synced values are laid out in `storage.sync`. One small item, `steadfast`, names each part
 * (triggers, plan, settings) by a hash of its JSON and its number of chunks; each part's JSON is
 * cut into string chunks `<part>.<hash>.<n>` that each fit the 8 KB an item. Chunks are named by
 * their content, so a part that did not change is not written again, and another browser that has
 * received only some chunks of a new version sees that they are incomplete (the keys it needs are
 * missing) rather than gluing old and new halves together: the browser's sync delivers items one
 * by one, in no promised order.
 */
import { SYNC_QUOTA, utf8Bytes } from './quota';

export const META_KEY = 'steadfast';
/** The layout's version; a browser with a newer Steadfast may write a newer one. */
export const SYNC_FORMAT = 1;
export const PART_NAMES = ['triggers', 'settings', 'plan'] as const;
export type PartName = (typeof PART_NAMES)[number];

export interface PartInfo {
  hash: string;
  count: number;
}
export interface SyncMeta {
  format: number;
  parts: Partial<Record<PartName, PartInfo>>;
}

/** FNV-1a, 32 bits: names a chunk set, not a security check (the values are validated). */
export function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export const chunkKey = (part: PartName, hash: string, index: number): string => `${part}.${hash}.${index}`;

/**
 * Cuts `json` into strings whose items (key plus the string's own JSON, escapes included) stay
 * within the per-item quota. Never splits a character.
 */
export function splitIntoChunks(part: PartName, json: string, perItem: number = SYNC_QUOTA.bytesPerItem): { info: PartInfo; items: Record<string, string> } {
  const hash = hashOf(json);
  const chunks: string[] = [];
  let current = '';
  let used = 0;
  // The key grows with the index; reserve the longest it can be plus the value's two quotes.
  const budget = perItem - utf8Bytes(chunkKey(part, hash, SYNC_QUOTA.items)) - 2;
  for (const char of json) {
    const code = char.codePointAt(0)!;
    // Printable ASCII other than " and \ is one byte in JSON; anything else is measured.
    const cost = code >= 0x20 && code < 0x7f && char !== '"' && char !== '\\' ? 1 : utf8Bytes(JSON.stringify(char)) - 2;
    if (used + cost > budget) {
      chunks.push(current);
      current = '';
      used = 0;
    }
    current += char;
    used += cost;
  }
  chunks.push(current);
  const items: Record<string, string> = {};
  chunks.forEach((chunk, index) => (items[chunkKey(part, hash, index)] = chunk));
  return { info: { hash, count: chunks.length }, items };
}

export type ReadPart = { status: 'ok'; value: unknown } | { status: 'absent' | 'incomplete' | 'unreadable' };

/** Keys that could reach an object's prototype if anything ever merged a parsed value naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Parses JSON from another browser; a prototype key makes the whole value unreadable. */
export function parseRemoteJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    const value: unknown = JSON.parse(text, (key, inner: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new Error('forbidden key');
      return inner;
    });
    return { ok: true, value };
  } catch {
    return { ok: false };
  }
}

/** Puts a part's chunks back together, if every one named by `info` has arrived and is a string. */
export function readPart(info: PartInfo | undefined, part: PartName, all: Readonly<Record<string, unknown>>): ReadPart {
  if (!info) return { status: 'absent' };
  if (!Number.isInteger(info.count) || info.count < 1 || info.count > SYNC_QUOTA.items) return { status: 'unreadable' };
  let json = '';
  for (let index = 0; index < info.count; index++) {
    const chunk = all[chunkKey(part, info.hash, index)];
    if (chunk === undefined) return { status: 'incomplete' };
    if (typeof chunk !== 'string') return { status: 'unreadable' };
    json += chunk;
  }
  // Chunks are named by their content: the same keys with other content were not written by Steadfast.
  if (hashOf(json) !== info.hash) return { status: 'unreadable' };
  const parsed = parseRemoteJson(json);
  return parsed.ok ? { status: 'ok', value: parsed.value } : { status: 'unreadable' };
}

/** Keys of chunks no part of `meta` names any more: left over from older versions. */
export function staleChunkKeys(meta: SyncMeta | undefined, all: Readonly<Record<string, unknown>>): string[] {
  const wanted = new Set<string>();
  for (const part of PART_NAMES) {
    const info = meta?.parts[part];
    if (info) for (let index = 0; index < info.count; index++) wanted.add(chunkKey(part, info.hash, index));
  }
  return Object.keys(all).filter((key) => key !== META_KEY && !wanted.has(key) && /^(triggers|settings|plan)\.[0-9a-f]{8}\.\d+$/.test(key));
}
