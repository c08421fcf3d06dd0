import { describe, expect, test, vi } from 'vitest';
import { parseTrigger } from '../../lib/triggers/parse-trigger';
import type { Trigger } from '../../lib/triggers/trigger';

const NOW = 1_700_000_000_000;
const makeId = () => 'new-id';

const site = (host: string, display = host): Omit<Trigger, 'id' | 'addedAt'> => ({ kind: 'site', mode: 'pause', display, host });
const path = (host: string, p: string, display = host + p): Omit<Trigger, 'id' | 'addedAt'> => ({
  kind: 'path',
  mode: 'pause',
  display,
  host,
  path: p,
});

// DNS limits: 63 characters a label, 253 a name.
const label63 = 'a'.repeat(63);
const label64 = 'a'.repeat(64);
const host253 = ['b'.repeat(63), 'c'.repeat(63), 'd'.repeat(63), 'e'.repeat(61)].join('.');
const host254 = ['b'.repeat(63), 'c'.repeat(63), 'd'.repeat(63), 'e'.repeat(62)].join('.');
const longPath = `example.com/${'p'.repeat(2048 - 'example.com/'.length)}`;

const EMPTY = 'Type a site, for example example.com';
const notWeb = (text: string) => `Steadfast can pause web sites (http and https) only, and “${text}” is not one. Try a site such as example.com`;
const byNumber = (text: string) => `Steadfast pauses sites by name, for example example.com, rather than by a number such as “${text}”`;
const notAddress = (text: string) => `“${text}” doesn't look like a web address. Try example.com`;
const localhost = (text: string) => `“${text}” is this computer, not a web site. Try a site such as example.com`;

describe('parseTrigger accepts', () => {
  test.each([
    // A pasted link means the whole site.
    ['https://www.Example.com/some/page?x=1', site('example.com')],
    ['http://example.com', site('example.com')],
    ['HTTPS://EXAMPLE.COM/Forum', site('example.com')],
    ['http:example.com', site('example.com')],
    ['https://user:pass@example.com:8443/x', site('example.com')],
    // Case, trailing dot, surrounding whitespace.
    ['EXAMPLE.com.', site('example.com')],
    ['  example.com  ', site('example.com')],
    ['\texample.com\n', site('example.com')],
    ['example.co.uk', site('example.co.uk')],
    // One leading `www.` goes, and only that.
    ['www.example.com', site('example.com')],
    ['WWW.Example.com', site('example.com')],
    ['www.www.example.com', site('www.example.com')],
    ['www2.example.com', site('www2.example.com')],
    ['wwwexample.com', site('wwwexample.com')],
    ['www.com', site('www.com')],
    ['m.example.com', site('m.example.com')],
    ['a-b.example.com', site('a-b.example.com')],
    ['123.example.com', site('123.example.com')],
    // Browsers open host names with `_` in them (issue 22): they are sites like any other.
    ['exa_mple.com', site('exa_mple.com')],
    ['_dmarc.Example.com', site('_dmarc.example.com')],
    ['https://my_site.example.com/page', site('my_site.example.com')],
    ['under_score.example.com/forum', path('under_score.example.com', '/forum')],
    // Typed without a scheme, a path narrows the trigger.
    ['example.com/forum', path('example.com', '/forum')],
    ['Example.com/Forum/?x=1#y', path('example.com', '/Forum')],
    ['www.example.com/forum/', path('example.com', '/forum')],
    ['example.com/forum//', path('example.com', '/forum')],
    ['example.com/a/b/', path('example.com', '/a/b')],
    ['example.com/a/../forum', path('example.com', '/forum')],
    ['example.com\\forum', path('example.com', '/forum')],
    ['//example.com/forum', path('example.com', '/forum')],
    ['example.com/', site('example.com')],
    ['example.com//', site('example.com')],
    ['example.com/?q=1', site('example.com')],
    ['example.com#top', site('example.com')],
    // Ports and credentials: only the host counts.
    ['example.com:8080', site('example.com')],
    ['example.com:8080/forum', path('example.com', '/forum')],
    ['user:pass@example.com', site('example.com')],
    ['user@example.com/forum', path('example.com', '/forum')],
    // An e-mail address pauses the site it belongs to.
    ['mailto:help@example.com', site('example.com')],
    // Internationalised names: rules match punycode, the person sees what they typed.
    ['Bücher.de', site('xn--bcher-kva.de', 'bücher.de')],
    ['BÜCHER.DE', site('xn--bcher-kva.de', 'bücher.de')],
    ['https://www.bücher.de/x', site('xn--bcher-kva.de', 'bücher.de')],
    ['xn--bcher-kva.de', site('xn--bcher-kva.de')],
    ['пример.рф', site('xn--e1afmkfd.xn--p1ai', 'пример.рф')],
    ['bücher.de/Straße', path('xn--bcher-kva.de', '/Stra%C3%9Fe', 'bücher.de/Straße')],
    ['ｅｘａｍｐｌｅ。com', site('example.com')],
    // Paths read well, but escapes of invisible characters stay visible.
    ['example.com/caf%C3%A9', path('example.com', '/caf%C3%A9', 'example.com/café')],
    ['example.com/%E2%80%AEx', path('example.com', '/%E2%80%AEx')],
    // Limits, at the edge.
    [`${label63}.com`, site(`${label63}.com`)],
    [host253, site(host253)],
    [`${host253}.`, site(host253)],
    [longPath, path('example.com', longPath.slice('example.com'.length))],
  ])('%j', (input, expected) => {
    expect(parseTrigger(input, [], NOW, makeId)).toEqual({
      ok: true,
      trigger: { id: 'new-id', addedAt: NOW, ...expected },
    });
  });

  test('uses a fresh UUID and the current time by default', () => {
    const before = Date.now();
    const result = parseTrigger('example.com', []);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.trigger.id).toMatch(/^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/);
    expect(result.trigger.addedAt).toBeGreaterThanOrEqual(before);
    expect(result.trigger.addedAt).toBeLessThanOrEqual(Date.now());
  });
});

describe('parseTrigger explains what to change', () => {
  test.each([
    ['', EMPTY],
    ['   ', EMPTY],
    ['\n\t', EMPTY],
    ['exa mple.com', '“exa mple.com” has a space in it. Try example.com'],
    ['example.com /forum', '“example.com /forum” has a space in it. Try example.com/forum'],
    ['exa\u00a0mple.com', '“exa\u00a0mple.com” has a space in it. Try example.com'],
    ['http://', '“http://” has no site after it. Try http://example.com'],
    ['https://', '“https://” has no site after it. Try https://example.com'],
    ['HTTPS:', '“HTTPS:” has no site after it. Try https://example.com'],
    ['https:///', '“https:///” has no site after it. Try https://example.com'],
    ['localhost', localhost('localhost')],
    ['localhost:3000', localhost('localhost:3000')],
    ['http://localhost/x', localhost('http://localhost/x')],
    ['facebook', '“facebook” needs its ending, for example facebook.com'],
    ['https://Facebook/', '“https://Facebook/” needs its ending, for example facebook.com'],
    ['chrome://settings', notWeb('chrome://settings')],
    ['about:blank', notWeb('about:blank')],
    ['file:///x', notWeb('file:///x')],
    ['javascript:alert(1)', notWeb('javascript:alert(1)')],
    ['JavaScript:alert(1)', notWeb('JavaScript:alert(1)')],
    ['data:text/html,<b>hi</b>', notWeb('data:text/html,<b>hi</b>')],
    ['ftp://x.com', notWeb('ftp://x.com')],
    ['ws://example.com', notWeb('ws://example.com')],
    ['view-source:https://example.com', notWeb('view-source:https://example.com')],
    ['chrome-extension://abc/pause.html', notWeb('chrome-extension://abc/pause.html')],
    ['blob:https://example.com/1', notWeb('blob:https://example.com/1')],
    ['a..com', '“a..com” has an empty part between dots. Try a.com'],
    ['.example.com', '“.example.com” has an empty part between dots. Try example.com'],
    ['example.com..', '“example.com..” has an empty part between dots. Try example.com'],
    ['*.example.com', 'No need for “*.”: example.com already covers all of its subdomains'],
    ['exa*mple.com', '“exa*mple.com” has “*” in it. Site names use only letters, digits, hyphens and underscores'],
    ['ex!ample.com', '“ex!ample.com” has “!” in it. Site names use only letters, digits, hyphens and underscores'],
    ['-example.com', '“-example.com” has a part that starts or ends with a hyphen, which site names cannot have'],
    ['example-.com', '“example-.com” has a part that starts or ends with a hyphen, which site names cannot have'],
    ['a.-b.com', '“a.-b.com” has a part that starts or ends with a hyphen, which site names cannot have'],
    [`${label64}.com`, `“${'a'.repeat(59)}…” has a part longer than 63 characters between dots, the most a site name allows`],
    [host254, 'That site name is longer than 253 characters, the most a site name can have. Check it and try again'],
    [`${longPath}p`, 'That is longer than a web address can be. Try just the site, for example example.com'],
    ['1.2.3.4', byNumber('1.2.3.4')],
    ['http://192.168.0.1/admin', byNumber('http://192.168.0.1/admin')],
    ['0x7f.1', byNumber('0x7f.1')],
    ['1.2.3.4.5', byNumber('1.2.3.4.5')],
    ['example.123', byNumber('example.123')],
    ['[::1]', byNumber('[::1]')],
    ['https://[2001:db8::1]/', byNumber('https://[2001:db8::1]/')],
    ['xn--zz.com', notAddress('xn--zz.com')],
    // Hostile input comes back as plain, short text with invisible characters shown as �.
    ['<script>alert(1)</script>', notAddress('<script>alert(1)</script>')],
    [`${'<'.repeat(100)}.com`, notAddress(`${'<'.repeat(59)}…`)],
    ['a\u0000b.com', notAddress('a\uFFFDb.com')],
    ['\u202eevil.com', notAddress('\uFFFDevil.com')],
  ])('%j', (input, message) => {
    expect(parseTrigger(input, [], NOW, makeId)).toEqual({ ok: false, message });
  });
});

describe('parseTrigger and the existing list', () => {
  const existing: readonly Trigger[] = Object.freeze([
    { id: '1', kind: 'site', mode: 'pause', display: 'example.com', host: 'example.com', addedAt: 0 },
    { id: '2', kind: 'path', mode: 'pause', display: 'other.org/Forum', host: 'other.org', path: '/Forum', addedAt: 0 },
    { id: '3', kind: 'site', mode: 'pause', display: 'm.sample.net', host: 'm.sample.net', addedAt: 0 },
    { id: '4', kind: 'site', mode: 'pause', display: 'bücher.de', host: 'xn--bcher-kva.de', addedAt: 0 },
  ]);
  const already = (display: string) => `“${display}” is already in your list`;
  const covered = (display: string, by: string) => `“${display}” is already covered by “${by}”, which is in your list`;

  test.each([
    ['example.com', already('example.com')],
    ['https://WWW.EXAMPLE.COM/anything', already('example.com')],
    ['m.example.com', covered('m.example.com', 'example.com')],
    ['a.b.example.com/x', covered('a.b.example.com/x', 'example.com')],
    ['example.com/forum', covered('example.com/forum', 'example.com')],
    ['other.org/forum', already('other.org/Forum')],
    ['other.org/Forum/', already('other.org/Forum')],
    ['www.other.org/forum/thread', covered('other.org/forum/thread', 'other.org/Forum')],
    ['m.other.org/FORUM', covered('m.other.org/FORUM', 'other.org/Forum')],
    ['m.sample.net/x', covered('m.sample.net/x', 'm.sample.net')],
    ['xn--bcher-kva.de', already('bücher.de')],
    ['shop.Bücher.de', covered('shop.bücher.de', 'bücher.de')],
  ])('%j is refused', (input, message) => {
    const id = vi.fn(makeId);
    expect(parseTrigger(input, existing, NOW, id)).toEqual({ ok: false, message });
    expect(id).not.toHaveBeenCalled();
  });

  // Tightening (a parent site, or a wider path) and neighbours are welcome.
  test.each([
    ['sample.net', site('sample.net')],
    ['other.org', site('other.org')],
    ['other.org/forums', path('other.org', '/forums')],
    ['other.org/shop/forum', path('other.org', '/shop/forum')],
    ['notexample.com', site('notexample.com')],
    ['example.com.au', site('example.com.au')],
    ['example.co', site('example.co')],
  ])('%j is added', (input, expected) => {
    expect(parseTrigger(input, existing, NOW, makeId)).toEqual({
      ok: true,
      trigger: { id: 'new-id', addedAt: NOW, ...expected },
    });
  });

  test('names the covering site before a covering path, whatever the order', () => {
    const list: Trigger[] = [
      { id: 'p', kind: 'path', mode: 'pause', display: 'example.org/forum', host: 'example.org', path: '/forum', addedAt: 0 },
      { id: 's', kind: 'site', mode: 'pause', display: 'example.org', host: 'example.org', addedAt: 0 },
    ];
    expect(parseTrigger('example.org/forum/x', list, NOW, makeId)).toEqual({
      ok: false,
      message: covered('example.org/forum/x', 'example.org'),
    });
  });
});
