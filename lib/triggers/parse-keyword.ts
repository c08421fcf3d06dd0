import { MAX_KEYWORD_LENGTH, normaliseKeyword } from './keyword';
import type { ParseTriggerResult } from './parse-trigger';
import type { Trigger, TriggerMode } from './trigger';

/** Shorter words would pause half the web ("a", "uk"); a person can use a phrase instead. */
const MIN_KEYWORD_LENGTH = 3;

/** Turns typed words into a keyword trigger, or a message the person can act on. */
export function parseKeyword(
  input: string,
  existing: readonly Trigger[],
  mode: TriggerMode = 'pause',
  now = Date.now(),
  makeId: () => string = () => crypto.randomUUID(),
): ParseTriggerResult {
  const keyword = normaliseKeyword(input);
  if (keyword === '') return { ok: false, message: 'Type a word or phrase, for example buy ket' };
  if (keyword.length > MAX_KEYWORD_LENGTH) {
    return { ok: false, message: `That is a long phrase. Try the few words that matter, up to ${MAX_KEYWORD_LENGTH} letters` };
  }
  if (!/^[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*$/u.test(keyword)) {
    return { ok: false, message: 'Use letters, numbers and spaces only, for example buy ket' };
  }
  if (keyword.replace(/ /g, '').length < MIN_KEYWORD_LENGTH) {
    return { ok: false, message: `Use at least ${MIN_KEYWORD_LENGTH} letters, or a phrase, so ordinary pages stay open` };
  }
  if (existing.some((t) => t.kind === 'keyword' && t.keyword === keyword)) {
    return { ok: false, message: `“${keyword}” is already in your list` };
  }
  return { ok: true, trigger: { id: makeId(), kind: 'keyword', mode, display: keyword, host: '', keyword, addedAt: now } };
}
