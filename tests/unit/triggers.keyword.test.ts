import { describe, expect, test } from 'vitest';
import { keywordPattern, urlHasKeyword } from '../../lib/triggers/keyword';
import { matchTrigger } from '../../lib/triggers/match-trigger';
import { parseKeyword } from '../../lib/triggers/parse-keyword';
import type { Trigger } from '../../lib/triggers/trigger';

describe('urlHasKeyword', () => {
  test.each([
    ['https://search.test/?q=buy+ket', 'buy ket'],
    ['https://search.test/?q=buy%20ket&x=1', 'buy ket'],
    ['https://search.test/search?q=BUY+KET', 'buy ket'],
    ['https://search.test/buy-ket/page', 'buy ket'],
    ['https://search.test/?q=where+to+buy+ket+uk', 'buy ket'],
    ['https://search.test/?q=cheap%20ketamine', 'ketamine'],
    ['https://ketamine-shop.test/', 'ketamine'],
    ['https://search.test/?q=ketamine', 'ketamine'],
    ['https://search.test/?q=buy__ket', 'buy ket'],
  ])('%s contains %j', (url, keyword) => {
    expect(urlHasKeyword(url, keyword)).toBe(true);
  });

  test.each([
    ['https://shop.test/basket', 'ket'],
    ['https://shop.test/?q=market+day', 'ket'],
    ['https://search.test/?q=buy+ketchup', 'buy ket'],
    ['https://search.test/?q=buyket', 'buy ket'],
    ['https://search.test/?q=ket+buy', 'buy ket'],
    ['chrome://settings/?q=ketamine', 'ketamine'],
    ['https://search.test/?q=ketamines', 'ketamine'],
  ])('%s does not contain %j', (url, keyword) => {
    expect(urlHasKeyword(url, keyword)).toBe(false);
  });

  test('the pattern captures the whole URL for the redirect, and uses nothing RE2 lacks', () => {
    const pattern = keywordPattern('buy ket');
    expect(new RegExp(pattern, 'i').exec('https://s.test/?q=buy+ket#x')?.[1]).toBe('https://s.test/?q=buy+ket#x');
    expect(pattern).not.toMatch(/\(\?[=!<]/); // no lookaround
    expect(pattern.length).toBeLessThan(200);
  });
});

describe('parseKeyword', () => {
  const makeId = () => 'k1';
  test('normalises case and spaces', () => {
    expect(parseKeyword('  Buy   KET ', [], 'pause', 5, makeId)).toEqual({
      ok: true,
      trigger: { id: 'k1', kind: 'keyword', mode: 'pause', display: 'buy ket', host: '', keyword: 'buy ket', addedAt: 5 },
    });
  });

  test.each([
    ['', /Type a word/],
    ['   ', /Type a word/],
    ['ab', /at least 3/],
    ['buy/ket', /letters, numbers and spaces/],
    ['<script>', /letters, numbers and spaces/],
    ['x'.repeat(61), /long phrase/],
  ])('%j is refused with a clear message', (input, message) => {
    const result = parseKeyword(input, []);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });

  test('a duplicate is refused', () => {
    const first = parseKeyword('buy ket', []);
    expect(first.ok).toBe(true);
    const existing = first.ok ? [first.trigger] : [];
    expect(parseKeyword('BUY  ket', existing)).toEqual({ ok: false, message: '“buy ket” is already in your list' });
  });
});

test('matchTrigger finds keyword triggers after sites and paths', () => {
  const keyword: Trigger = { id: 'k', kind: 'keyword', mode: 'pause', display: 'buy ket', host: '', keyword: 'buy ket', addedAt: 0 };
  const site: Trigger = { id: 's', kind: 'site', mode: 'block', display: 'search.test', host: 'search.test', addedAt: 0 };
  expect(matchTrigger('https://other.test/?q=buy+ket', [keyword, site])).toBe(keyword);
  expect(matchTrigger('https://search.test/?q=buy+ket', [keyword, site])).toBe(site);
  expect(matchTrigger('https://other.test/?q=basket', [keyword, site])).toBeUndefined();
});
