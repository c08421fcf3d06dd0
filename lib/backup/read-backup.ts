import * as v from 'valibot';
import { t, type MessageKey } from '../i18n/i18n';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupSchema,
  backupSchemaV1,
  backupSchemaV2,
  backupSchemaV3,
  backupV2FromV1,
  backupV3FromV2,
  backupV4FromV3,
  type Backup,
} from './schema';

/** Far beyond years of history (a year of daily check-ins is about 100 KB); refused before reading a byte. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

/** Keys that could reach an object's prototype if anything ever merged a parsed value naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type ReadResult = { ok: true; backup: Backup } | { ok: false; message: string };

/** Each message says, in its own words, that nothing was changed. */
const fail = (key: MessageKey, substitutions: readonly string[] = []): ReadResult => ({ ok: false, message: t(key, substitutions) });

class ForbiddenKey extends Error {}

/** Checked before reading: a file's size is known without loading it. */
export function sizeProblem(bytes: number): string | undefined {
  return bytes > MAX_BACKUP_BYTES ? t('backup_fileTooLarge') : undefined;
}

/** Parses and checks a backup's text. Pure: nothing is read or written. */
export function readBackup(text: string): ReadResult {
  if (text.length > MAX_BACKUP_BYTES) return fail('backup_fileTooLarge');
  let raw: unknown;
  try {
    raw = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKey(key);
      return value;
    });
  } catch (error) {
    if (error instanceof ForbiddenKey) return fail('backup_forbiddenKey', [error.message]);
    return fail('backup_notJson');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    return fail('backup_notABackup');
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    return fail('backup_newerVersion');
  }
  if (version === 1) {
    // A file from before the safety plan: checked as it was written, then brought up to today's shape.
    const old = v.safeParse(backupSchemaV1, raw);
    if (!old.success) return fail('backup_somethingWrong', [issueText(old.issues[0])]);
    return { ok: true, backup: backupV4FromV3(backupV3FromV2(backupV2FromV1(old.output))) };
  }
  if (version === 2) {
    // A file from before the partner lock: it holds no key.
    const old = v.safeParse(backupSchemaV2, raw);
    if (!old.success) return fail('backup_somethingWrong', [issueText(old.issues[0])]);
    return { ok: true, backup: backupV4FromV3(backupV3FromV2(old.output)) };
  }
  if (version === 3) {
    // A file from before staying vigilant: no reviews or cost-benefit boxes in it.
    const old = v.safeParse(backupSchemaV3, raw);
    if (!old.success) return fail('backup_somethingWrong', [issueText(old.issues[0])]);
    return { ok: true, backup: backupV4FromV3(old.output) };
  }
  if (version !== BACKUP_VERSION) return fail('backup_unknownVersion');
  const checked = v.safeParse(backupSchema, raw);
  if (!checked.success) {
    return fail('backup_somethingWrong', [issueText(checked.issues[0])]);
  }
  return { ok: true, backup: checked.output };
}

/** Our own messages read well; valibot's defaults ("Invalid type: Expected …") are for developers. */
export function issueText(issue: v.BaseIssue<unknown>): string {
  // A dotted path into the file (data.triggers.0.host): the same in every language.
  const where = v.getDotPath(issue) ?? t('backup_issueTop');
  if (issue.input === undefined) return t('backup_issueMissing', [where]);
  // Every check in schema.ts has its own message; valibot's own start "Invalid type: Expected …".
  if (/^Invalid\b/.test(issue.message)) return t('backup_issueWrongValue', [where]);
  return t('backup_issueAt', [issue.message, where]);
}
