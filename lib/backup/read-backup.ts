import * as v from 'valibot';
import { BACKUP_FORMAT, BACKUP_VERSION, backupSchema, type Backup } from './schema';

/** Far beyond years of history (a year of daily check-ins is about 100 KB); refused before reading a byte. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

/** Keys that could reach an object's prototype if anything ever merged a parsed value naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type ReadResult = { ok: true; backup: Backup } | { ok: false; message: string };

const NOTHING_CHANGED = 'Nothing was changed.';
const fail = (why: string): ReadResult => ({ ok: false, message: `${why} ${NOTHING_CHANGED}` });

class ForbiddenKey extends Error {}

/** Checked before reading: a file's size is known without loading it. */
export function sizeProblem(bytes: number): string | undefined {
  return bytes > MAX_BACKUP_BYTES ? `That file is larger than 50 MB, so it is not a Steadfast backup. ${NOTHING_CHANGED}` : undefined;
}

/** Parses and checks a backup's text. Pure: nothing is read or written. */
export function readBackup(text: string): ReadResult {
  if (text.length > MAX_BACKUP_BYTES) return fail('That file is larger than 50 MB, so it is not a Steadfast backup.');
  let raw: unknown;
  try {
    raw = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKey(key);
      return value;
    });
  } catch (error) {
    if (error instanceof ForbiddenKey) return fail(`That file holds a key named “${error.message}”, which a Steadfast backup never has.`);
    return fail('That file is not a Steadfast backup: it is not JSON, or it was cut off.');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    return fail('That file is not a Steadfast backup.');
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    return fail('That backup was made by a newer version of Steadfast. Update Steadfast, then try again.');
  }
  if (version !== BACKUP_VERSION) return fail('That backup has a format version Steadfast does not know.');
  const checked = v.safeParse(backupSchema, raw);
  if (!checked.success) {
    return fail(`That backup has something wrong in it: ${issueText(checked.issues[0])}.`);
  }
  return { ok: true, backup: checked.output };
}

/** Our own messages read well; valibot's defaults ("Invalid type: Expected …") are for developers. */
export function issueText(issue: v.BaseIssue<unknown>): string {
  const where = v.getDotPath(issue) ?? 'the top';
  if (issue.input === undefined) return `${where} is missing`;
  if (issue.message.startsWith('Invalid')) return `${where} is the wrong kind of value or out of range`;
  return `${issue.message} (at ${where})`;
}
