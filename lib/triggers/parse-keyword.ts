import { t } from '../i18n/i18n';
import { MAX_KEYWORD_LENGTH, normaliseKeyword } from './keyword';
import type { ParseTriggerResult } from './parse-trigger';
import { quote } from './site-name';
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
  if (keyword === '') return { ok: false, message: t('triggers_wordsEmpty') };
  if (keyword.length > MAX_KEYWORD_LENGTH) {
    return { ok: false, message: t('triggers_wordsTooLong', [MAX_KEYWORD_LENGTH]) };
  }
  if (!/^[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*$/u.test(keyword)) {
    return { ok: false, message: t('triggers_wordsCharacters') };
  }
  if (keyword.replace(/ /g, '').length < MIN_KEYWORD_LENGTH) {
    return { ok: false, message: t('triggers_wordsTooShort', [MIN_KEYWORD_LENGTH]) };
  }
  if (existing.some((t) => t.kind === 'keyword' && t.keyword === keyword)) {
    return { ok: false, message: t('triggers_alreadyInList', [quote(keyword)]) };
  }
  return { ok: true, trigger: { id: makeId(), kind: 'keyword', mode, display: keyword, host: '', keyword, addedAt: now } };
}
