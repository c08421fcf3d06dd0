/**
 * Keyword triggers: words that pause any web address containing them, such as a search for
 * "buy ket". The same pattern serves the browser's rule (RE2, case-insensitive) and the pure
 * matcher, so the two cannot disagree.
 */
import { HIDDEN_LETTER } from './address-forms';

/** Longer phrases are not what a person types as a trigger, and long regexes cost the browser. */
export const MAX_KEYWORD_LENGTH = 60;

/** Between the words of a phrase in a URL: `+`, `-`, `_`, `.`, or any of them, or a space, as a %-code. */
const SEPARATOR = '(?:[-+_.]|%2[0bde]|%5f)+';
/** Before and after the phrase: not a letter or digit, or an encoded character, or the end. */
const BEFORE = '(?:[^a-z0-9]|%[0-9a-f]{2})';
const AFTER = '(?:[^a-z0-9]|%[0-9a-f]{2}|$)';

export function normaliseKeyword(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wordsOf(keyword: string): string[] {
  return normaliseKeyword(keyword)
    .split(' ')
    .map((word) => escape(encodeURIComponent(word).toLowerCase()));
}

/**
 * A word's source as it may also be written with its letters and digits hidden in %-codes
 * (`k%65t` for `ket`, `%4B%45%54`): browsers and search boxes never write them so, a person going
 * round does, and the site reads them as the word. Each letter or digit becomes `(?:k|%[46]b)`
 * (the rules are case-insensitive, so this covers both cases of the letter and of the hex); an
 * escape (`\.`) or a %-code already in the word (a letter outside ASCII) stays as it is.
 */
export function hiddenSpelling(source: string): string {
  return source.replace(/\\.|%[0-9a-f]{2}|[a-z0-9]/g, (token) => {
    if (token.length > 1) return token;
    const code = token.charCodeAt(0);
    const low = (code & 0xf).toString(16);
    if (token >= '0' && token <= '9') return `(?:${token}|%3${low})`;
    return `(?:${token}|%[${code < 0x70 ? '46' : '57'}]${low})`;
  });
}

/**
 * Phrases as one alternation, sharing their first words (`late(?:SEP(?:night|word))`), so that
 * many phrases cost little of the browser's memory for one rule.
 */
function phrasesSource(phrases: readonly string[][]): string {
  const byFirst = new Map<string, string[][]>();
  for (const [first, ...rest] of phrases) byFirst.set(first!, [...(byFirst.get(first!) ?? []), rest]);
  const sources = [...byFirst].map(([word, rests]) => {
    const longer = rests.filter((rest) => rest.length > 0);
    if (longer.length === 0) return word;
    const inner = phrasesSource(longer);
    const tail = `${SEPARATOR}${longer.length > 1 || inner.includes('|') ? `(?:${inner})` : inner}`;
    return longer.length < rests.length ? `${word}(?:${tail})?` : `${word}${tail}`;
  });
  return sources.join('|');
}

/**
 * A regex matching a whole URL that contains any of the phrases as whole words, capturing the
 * URL. Whole words, so "ket" does not catch "basket" or "market"; the person adds variants they
 * need. Several phrases share one browser rule (lib/blocking/build-rules.ts).
 */
export function keywordsPattern(keywords: readonly string[], { hidden = false } = {}): string {
  const phrases = keywords.map(wordsOf);
  const source = phrasesSource(hidden ? phrases.map((words) => words.map(hiddenSpelling)) : phrases);
  const words = keywords.length === 1 && !source.includes('|') ? source : `(?:${source})`;
  return `^(https?:.*${BEFORE}${words}${AFTER}.*)$`;
}

/** The pattern for one phrase. */
export function keywordPattern(keyword: string): string {
  return keywordsPattern([keyword]);
}

/** A %-code of a character no browser needs to encode, anywhere in an address (lib/triggers/address-forms.ts). */
const HIDES_LETTER = new RegExp(HIDDEN_LETTER, 'i');

/**
 * Whether `url` contains the phrase, as the browser's rules decide: written plainly, or with letters
 * hidden in %-codes (the rules' second keyword family, lib/blocking/build-rules.ts).
 */
export function urlHasKeyword(url: string, keyword: string): boolean {
  return (
    new RegExp(keywordPattern(keyword), 'i').test(url) || (HIDES_LETTER.test(url) && new RegExp(keywordsPattern([keyword], { hidden: true }), 'i').test(url))
  );
}
