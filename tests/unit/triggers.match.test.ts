import { describe, expect, test } from 'vitest';
import { hostOf, matchTrigger } from '../../lib/triggers/match-trigger';
import { parseTrigger } from '../../lib/triggers/parse-trigger';
import type { Trigger } from '../../lib/triggers/trigger';

const site = (id: string, host: string): Trigger => ({ id, kind: 'site', mode: 'pause', display: host, host, addedAt: 0 });
const path = (id: string, host: string, p: string): Trigger => ({
  id,
  kind: 'path',
  mode: 'pause',
  display: host + p,
  host,
  path: p,
  addedAt: 0,
});

const triggers: readonly Trigger[] = [
  site('site', 'example.com'),
  path('forum', 'board.org', '/Forum'),
  site('idn', 'xn--bcher-kva.de'),
  path('deep', 'shop.net', '/a/b'),
  site('sub', 'm.social.io'),
];

describe('matchTrigger', () => {
  test.each([
    ['https://example.com', 'site'],
    ['http://example.com/', 'site'],
    ['https://EXAMPLE.COM/Anything?x=1#y', 'site'],
    ['HTTP://Example.Com', 'site'],
    ['https://www.example.com/', 'site'],
    ['https://a.b.example.com/x', 'site'],
    ['https://example.com./', 'site'],
    ['https://example.com:8443/', 'site'],
    ['https://user:pass@example.com/', 'site'],
    ['https://board.org/Forum', 'forum'],
    ['https://board.org/forum', 'forum'],
    ['https://board.org/FORUM/thread/1', 'forum'],
    ['https://www.board.org/forum/', 'forum'],
    ['https://board.org/forum?x=1', 'forum'],
    ['https://board.org/forum#top', 'forum'],
    ['https://bücher.de/', 'idn'],
    ['https://BÜCHER.de', 'idn'],
    ['https://xn--bcher-kva.de/', 'idn'],
    ['https://shop.bücher.de', 'idn'],
    ['https://shop.net/a/b', 'deep'],
    ['https://shop.net/a/b/c', 'deep'],
    ['https://m.social.io/feed', 'sub'],
    ['https://x.m.social.io', 'sub'],
  ])('%s is paused by %s', (url, id) => {
    expect(matchTrigger(url, triggers)?.id).toBe(id);
  });

  test.each([
    'https://notexample.com/',
    'https://example.com.evil.test/',
    'https://other.com/?q=example.com',
    'https://other.com/example.com',
    'https://other.com/#example.com',
    'https://user@other.com',
    'https://example.com@other.com/',
    'https://example.co/',
    'ftp://example.com/',
    'ws://example.com/',
    'file:///example.com',
    'chrome://example.com',
    'view-source:https://example.com/',
    'javascript:location="https://example.com"',
    'example.com',
    '',
    'not a url',
    'https://board.org/',
    'https://board.org/forums',
    'https://board.org/shop/forum',
    'https://board.org/?page=/forum',
    'https://shop.net/a',
    'https://shop.net/a/bc',
    'https://social.io/',
    'https://xm.social.io/',
  ])('%s is not paused', (url) => {
    expect(matchTrigger(url, triggers)).toBeUndefined();
  });

  test('prefers a site trigger to a path trigger listed before it', () => {
    const list = [path('p', 'example.com', '/forum'), site('s', 'example.com')];
    expect(matchTrigger('https://example.com/forum/x', list)?.id).toBe('s');
  });

  test('among path triggers, the first listed wins', () => {
    const list = [path('a', 'example.com', '/forum'), path('b', 'example.com', '/forum/x')];
    expect(matchTrigger('https://example.com/forum/x/y', list)?.id).toBe('a');
  });

  test.each([
    ['/', 'https://example.com/anything'],
    ['/forum/', 'https://example.com/forum/x'],
  ])('a stored path %j still covers %s', (p, url) => {
    expect(matchTrigger(url, [path('p', 'example.com', p)])?.id).toBe('p');
  });

  test('matches nothing in an empty list', () => {
    expect(matchTrigger('https://example.com/', [])).toBeUndefined();
  });
});

describe('hostOf', () => {
  test.each([
    ['https://WWW.Example.COM./x', 'www.example.com'],
    ['https://bücher.de', 'xn--bcher-kva.de'],
    ['http://user:pw@example.com:8080/', 'example.com'],
    ['https://[::1]/', '[::1]'],
    ['ftp://example.com', undefined],
    ['about:blank', undefined],
    ['nonsense', undefined],
  ])('%s → %s', (url, host) => {
    expect(hostOf(url)).toBe(host);
  });
});

// What a person adds must pause what they meant: the parser and the matcher agree.
describe('a parsed trigger pauses the pages it names', () => {
  test.each([
    ['example.com', 'https://www.example.com/page', true],
    ['https://www.Example.com/some/page?x=1', 'https://example.com/other', true],
    ['Bücher.de', 'https://www.bücher.de/', true],
    ['example.com/Forum', 'https://m.example.com/forum/1', true],
    ['example.com/Forum', 'https://example.com/shop', false],
    ['bücher.de/Straße', 'https://bücher.de/Straße/1', true],
    ['example.com/café', 'https://example.com/caf%C3%A9', true],
  ])('%s and %s', (input, url, paused) => {
    const parsed = parseTrigger(input, [], 0, () => 'id');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(matchTrigger(url, [parsed.trigger]) !== undefined).toBe(paused);
  });
});
