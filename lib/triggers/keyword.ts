/**
 * Keyword triggers: words that pause any web address containing them, such as a search for
 * "buy ket". The same pattern serves the browser's rule (RE2, case-insensitive) and the pure
 * matcher, so the two cannot disagree.
 */

/** Longer phrases are not what a person types as a trigger, and long regexes cost the browser. */
export const MAX_KEYWORD_LENGTH = 60;

/** Between the words of a phrase in a URL: `+`, `-`, `_`, `.`, an encoded space or plus. */
const SEPARATOR = '(?:[-+_.]|%20|%2b)+';
/** Before and after the phrase: not a letter or digit, or an encoded character, or the end. */
const BEFORE = '(?:[^a-z0-9]|%[0-9a-f]{2})';
const AFTER = '(?:[^a-z0-9]|%[0-9a-f]{2}|$)';

export function normaliseKeyword(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A regex matching a whole URL that contains the phrase as whole words, capturing the URL.
 * Whole words, so "ket" does not catch "basket" or "market"; the person adds variants they need.
 */
export function keywordPattern(keyword: string): string {
  const words = normaliseKeyword(keyword).split(' ').map((word) => escape(encodeURIComponent(word).toLowerCase()));
  return `^(https?:.*${BEFORE}${words.join(SEPARATOR)}${AFTER}.*)$`;
}

/** Whether `url` contains the phrase, as the browser's rule would decide. */
export function urlHasKeyword(url: string, keyword: string): boolean {
  return new RegExp(keywordPattern(keyword), 'i').test(url);
}
