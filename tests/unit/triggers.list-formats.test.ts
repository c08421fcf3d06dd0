import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { planImport } from '../../lib/triggers/blocklist-item';
import { MAX_LINE_LENGTH } from '../../lib/triggers/list-formats/detect';
import { readName } from '../../lib/triggers/list-formats/name';
import { parseList, type ParsedList } from '../../lib/triggers/parse-list';
import { parseTrigger } from '../../lib/triggers/parse-trigger';

// Issue 22: a list in any common blocklist format gives the same sites; what is not a whole site
// is skipped, counted and named; the summary says how the list was read.

const FIXTURES = join(import.meta.dirname, '../fixtures/lists');
const fixture = (file: string) => readFileSync(join(FIXTURES, file), 'utf8');

/** The seven sites every fixture names (tests/fixtures/lists/README.md), in their order. */
const SITES = ['k-market.test', 'party-supplies.test', 'pills_direct.test', 'vendor.test', 'late-night.test', 'gamble-now.test', 'market.dark-pharma.test'];

function parsed(text: string): ParsedList {
  const result = parseList(text);
  if (!result.ok) throw new Error(result.message);
  return result;
}

const FORMATS = [
  // file, format, [line, text, reason] of each skipped line
  ['plain.txt', 'plain', [[12, 'k-market.test/forum', /whole sites only, such as k-market\.test/]]],
  ['hosts.txt', 'hosts', [[16, 'k-market.test/forum', /whole sites only, such as k-market\.test/]]],
  [
    'adguard.txt',
    'adblock',
    [
      [12, '@@||help-line.test^', /exception: it lets sites through/],
      [13, '||k-market.test/forum^', /whole sites only, such as k-market\.test/],
      [14, '||ads.*^', /a pattern rather than a whole site/],
      [15, '/casino[0-9]+\\.test/', /a pattern rather than a whole site/],
      [16, '||tracker.test^$third-party', /only in some cases \(third-party\)/],
    ],
  ],
  [
    'ublock.txt',
    'adblock',
    [
      [10, 'k-market.test##.banner', /hides part of a page/],
      [11, '##.ad-box', /hides part of a page/],
      [12, 'k-market.test##+js(set-constant, a, b)', /hides part of a page/],
      [13, '@@||help-line.test^$document', /exception/],
      [14, '||k-market.test/forum$popup', /only in some cases \(popup\)/],
    ],
  ],
  [
    'adblockplus.txt',
    'adblock',
    [
      [11, '||k-market.test/forum/*', /whole sites only, such as k-market\.test/],
      [12, '#@#.sponsored', /hides part of a page/],
    ],
  ],
  [
    'dnsmasq.conf',
    'dnsmasq',
    [
      [8, 'server=/lookup.test/192.168.0.1', /sends a site to another name server/],
      [9, '#', /doesn't look like a web address/],
    ],
  ],
] as const;

describe('every format gives the same sites', () => {
  test.each(FORMATS)('%s is read as %s', (file, format, skipped) => {
    const result = parsed(fixture(file));
    expect(result.format).toBe(format);
    expect(result.domains).toEqual(SITES);
    expect(result.skipped.map((s) => [s.line, s.text])).toEqual(skipped.map(([line, text]) => [line, text]));
    skipped.forEach(([, , reason], i) => expect(result.skipped[i]!.reason).toMatch(reason));
    expect(result.skippedCount).toBe(skipped.length);
  });

  test.each(FORMATS)('%s: with Windows line ends and a byte-order mark, the same', (file, format) => {
    const result = parsed(`\uFEFF${fixture(file).replace(/\n/g, '\r\n')}`);
    expect([result.format, result.domains]).toEqual([format, SITES]);
  });
});

describe('hostile lines are skipped or quiet, never hang, never change the sites', () => {
  const HOSTILE = [
    ['a NUL byte inside a name', 'bad\u0000name.test', 1],
    ['a NUL byte alone', '\u0000', 1],
    ['a right-to-left override', '\u202Eevil.test\u202C', 1],
    ['right-to-left marks around a rule', '\u200F||rtl.test^\u200F', 1],
    ['a 5,000-letter name', `${'x'.repeat(5_000)}.test`, 1],
    ['a line just over the longest read', `0.0.0.0 ${'a.test '.repeat(MAX_LINE_LENGTH / 7 + 1)}`, 1],
    ['5,000 names that are not sites in one hosts line', `0.0.0.0 ${'a '.repeat(5_000)}`, 5_000],
    ['an unclosed header', '[Adblock Plus', 1],
    ['only separators', '||^$', 1],
    ['a rule that is only options', '$important', 1],
  ] as const;

  test.each(FORMATS.flatMap(([file, format]) => HOSTILE.map(([what, line, count]) => [file, format, what, line, count] as const)))(
    '%s (%s) + %s',
    (file, format, _, line, count) => {
      const text = fixture(file);
      const result = parsed(`${text}\n${line}\n`);
      expect(result.format).toBe(format);
      expect(result.domains).toEqual(SITES);
      expect(result.skippedCount - parsed(text).skippedCount).toBe(count);
      // Named lines are echoed briefly and without invisible or control characters.
      // eslint-disable-next-line no-control-regex -- finding a control character is the point
      for (const s of result.skipped) expect(s.text).not.toMatch(/[\u0000\u200B\u200F\u202C\u202E]/);
      for (const s of result.skipped) expect(Array.from(s.text).length).toBeLessThanOrEqual(60);
    },
  );

  test('an invisible character the browser drops is dropped as the browser does: the site it would open', () => {
    expect(parsed('zero\u200Bwidth.test\nsoft\u00ADhyphen.test').domains).toEqual(['zerowidth.test', 'softhyphen.test']);
  });

  test('10 MB of one line: skipped at once, named by its start, nothing else read from it', () => {
    const line = `0.0.0.0 ${'pills_direct.test '.repeat(600_000)}`;
    expect(line.length).toBeGreaterThan(10_000_000);
    const start = performance.now();
    const result = parsed(`k-market.test\n${line}\nvendor.test`);
    expect(performance.now() - start).toBeLessThan(2_000);
    expect(result.domains).toEqual(['k-market.test', 'vendor.test']);
    expect(result.skipped).toMatchObject([{ line: 2, text: expect.stringMatching(/^0\.0\.0\.0 pills_direct\.test .*…$/) }]);
    expect(result.skipped[0]!.reason).toMatch(/longer than a web address can be/);
  });

  test('10 MB of one name, no spaces: the same', () => {
    const result = parsed(`${'k'.repeat(10_000_000)}.test\nvendor.test`);
    expect(result.domains).toEqual(['vendor.test']);
    expect(result.skippedCount).toBe(1);
  });

  test('a whole list of lines that are not sites is read in time, and says so', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? `@@||ok${i}.test^` : `ok${i}.test##.ad`)).join('\n');
    const start = performance.now();
    const result = parsed(text);
    expect(performance.now() - start).toBeLessThan(5_000);
    expect([result.format, result.domains.length, result.skippedCount, result.skipped.length]).toEqual(['adblock', 0, 100_000, 20]);
  });
});

describe('which format a list is read as', () => {
  test.each([
    ['plain names', 'a.test\nb.test', 'plain'],
    ['wildcards and addresses count as plain', '*.a.test\n.b.test\nhttps://c.test/x', 'plain'],
    ['a hosts file with some plain lines', '0.0.0.0 a.test\n0.0.0.0 b.test\nc.test', 'hosts'],
    ['as many hosts as plain lines: the more particular', '0.0.0.0 a.test\nb.test', 'hosts'],
    ['an Adblock Plus header and plain names', '[Adblock Plus 2.0]\n! Title: x\na.test\nb.test', 'adblock'],
    ['AdGuard rules beside hosts lines', '||a.test^\n||b.test^\n0.0.0.0 c.test', 'adblock'],
    ['dnsmasq', '# x\nserver=/a.test/\naddress=/b.test/0.0.0.0\nc.test', 'dnsmasq'],
    ['only comments', '# a\n# b', 'plain'],
  ])('%s', (_, text, format) => {
    expect(parsed(text).format).toBe(format);
  });

  test('a `#` line is a comment in a hosts file, and a rule for every page in an ad-blocker list', () => {
    expect(parsed('## Part two ##\n##.ad\n0.0.0.0 a.test').skippedCount).toBe(0);
    const adblock = parsed('! x\n## Part two\n##.ad\n###banner\n||a.test^');
    expect(adblock.skipped.map((s) => s.text)).toEqual(['##.ad', '###banner']);
  });

  test('a trailing comment in a hosts line is not read as a rule', () => {
    expect(parsed('0.0.0.0 a.test # costs $5 ^^ ##\nb.test # $x').domains).toEqual(['a.test', 'b.test']);
  });
});

describe('the lines of each format', () => {
  test.each([
    // AdGuard, uBlock Origin, Adblock Plus
    ['||a.test^', ['a.test']],
    ['||A.Test^|', ['a.test']],
    ['||a.test', ['a.test']],
    ['||a.test/', ['a.test']],
    ['||www.a.test^$important', ['a.test']],
    ['||a.test^$all', ['a.test']],
    ['||a.test^$doc,important', ['a.test']],
    ['||*.a.test^', ['a.test']],
    ['|http://a.test^', ['a.test']],
    ['|https://a.test/|', ['a.test']],
    ['a.test^', ['a.test']],
    ['a.test$important', ['a.test']],
    ['||bücher.test^', ['xn--bcher-kva.test']],
    // dnsmasq
    ['server=/a.test/', ['a.test']],
    ['local=/a.test/', ['a.test']],
    ['address=/a.test/0.0.0.0', ['a.test']],
    ['address=/a.test/', ['a.test']],
    ['address=/a.test/#', ['a.test']],
    ['address=/a.test/b.test/c.test/::', ['a.test', 'b.test', 'c.test']],
    ['server=/a.test/b.test/', ['a.test', 'b.test']],
    ['address=/.a.test/0.0.0.0', ['a.test']],
    ['SERVER=/A.test/', ['a.test']],
    // wildcards and whole addresses, in any list
    ['*.a.test', ['a.test']],
    ['.a.test', ['a.test']],
    ['https://www.a.test/page?x=1', ['a.test']],
    // hosts, to any of the usual addresses
    ['0.0.0.0 a.test', ['a.test']],
    ['127.0.0.1 a.test', ['a.test']],
    [':: a.test', ['a.test']],
    ['::1 a.test b.test', ['a.test', 'b.test']],
    // underscores
    ['my_site.test', ['my_site.test']],
    ['||_dmarc.a_b.test^', ['_dmarc.a_b.test']],
    ['0.0.0.0 x_y.test', ['x_y.test']],
    ['server=/x_y.test/', ['x_y.test']],
  ])('%j gives %j', (line, domains) => {
    const result = parsed(line);
    expect(result.domains).toEqual(domains);
    expect(result.skippedCount).toBe(0);
  });

  test.each([
    ['@@||a.test^', /exception/],
    ['@@a.test', /exception/],
    ['a.test##.ad', /hides part of a page/],
    ['a.test#@#.ad', /hides part of a page/],
    ['a.test#?#div:has(a)', /hides part of a page/],
    ['a.test#$#body { color: red }', /hides part of a page/],
    ['a.test#%#//scriptlet("x")', /hides part of a page/],
    ['a.test$$script', /hides part of a page/],
    ['/^https?:\\/\\/a\\.test/', /pattern/],
    ['/ads/', /pattern/],
    ['||a.*^', /pattern/],
    ['||a^b.test', /pattern/],
    ['||a.test^*', /pattern/],
    ['||a.test/path^', /whole sites only, such as a\.test/],
    ['|https://a.test/path', /whole sites only, such as a\.test/],
    ['||a.test^$third-party', /\(third-party\)/],
    ['||a.test^$domain=b.test', /\(domain=b\.test\)/],
    ['||a.test^$badfilter', /\(badfilter\)/],
    ['||a.test^$important,dnsrewrite=1.2.3.4', /\(dnsrewrite=1\.2\.3\.4\)/],
    ['server=/a.test/1.1.1.1', /another name server/],
    ['server=/a.test/#', /another name server/],
    ['local=/a.test/x', /another name server/],
    ['server=a.test', /doesn't look like a web address/],
    ['address=/#/0.0.0.0', /doesn't look like a web address/],
    ['a!b.test', /“!”/],
  ])('%j is skipped: %s', (line, reason) => {
    const result = parsed(`ok.test\n${line}`);
    expect(result.domains).toEqual(['ok.test']);
    expect(result.skipped).toMatchObject([{ line: 2, text: expect.any(String) }]);
    expect(result.skipped[0]!.reason).toMatch(reason);
  });

  test.each([['! comment'], ['[Adblock Plus 2.0]'], ['[uBlock Origin]'], ['# comment'], ['address=//0.0.0.0'], ['0.0.0.0 # nothing after']])(
    '%j says nothing',
    (line) => {
      const result = parsed(`ok.test\n${line}`);
      expect([result.domains, result.skippedCount]).toEqual([['ok.test'], 0]);
    },
  );
});

describe('the summary says how the list was read', () => {
  test.each([
    ['plain.txt', 'It was read as a list of sites, one a line.'],
    ['hosts.txt', 'It was read as a hosts file.'],
    ['adguard.txt', 'It was read as an AdGuard, uBlock Origin or Adblock Plus list.'],
    ['ublock.txt', 'It was read as an AdGuard, uBlock Origin or Adblock Plus list.'],
    ['adblockplus.txt', 'It was read as an AdGuard, uBlock Origin or Adblock Plus list.'],
    ['dnsmasq.conf', 'It was read as a dnsmasq list.'],
  ])('%s', (file, sentence) => {
    const result = planImport({ text: fixture(file), name: 'Recovery', mode: 'pause' }, [], []);
    expect(result.ok && result.message).toMatch(new RegExp(`^Added 7 sites from “Recovery”\\. ${sentence.replace(/[.]/g, '\\.')} `));
    expect(result.ok && result.message).toMatch(/lines? (was|were) skipped because (it is|they are) not (a )?whole sites?: line \d+ “/);
  });

  test('an AdGuard list with only rules that are not sites changes nothing, as any such list', () => {
    const result = planImport({ text: '! Title: x\n@@||a.test^\n##.ad', name: 'x', mode: 'pause' }, [], []);
    expect(result).toEqual({
      ok: false,
      message:
        'No sites could be read from that list, so nothing was added. 2 lines were skipped because they are not whole sites: line 2 “@@||a.test^” and line 3 “##.ad”.',
    });
  });

  test('a file in none of these formats gets the same clear message, and nothing is added', () => {
    const result = planImport({ text: '{"sites": ["a.test"]}\n<html>', name: 'x', mode: 'pause' }, [], []);
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^No sites could be read from that list, so nothing was added\. 2 lines were skipped/),
    });
  });
});

describe('the quick path for plain names agrees with the single-site field', () => {
  const label63 = 'a'.repeat(63);
  const host = (length: number) => `${'b'.repeat(length - 5)}.test`;
  test.each([
    'a.test',
    'A.TEST',
    'a.test.',
    'www.a.test',
    'www.com',
    'www.www.a.test',
    'a--b.test',
    'a_b.test',
    '_.test',
    '_a_.b_',
    'a.test_',
    '-a.test',
    'a-.test',
    'a.-b.test',
    'a.1',
    'a.123',
    'a.0x1f',
    'a.0x',
    'a.0xg',
    '1.2.3.4',
    '1.2.3',
    'xn--bcher-kva.test',
    'xn--zz-.test',
    'xn--a.test',
    `${label63}.test`,
    `${label63}a.test`,
    host(253),
    host(254),
    'a..test',
    'test',
    'a.test-',
  ])('%j', (token) => {
    const field = parseTrigger(token, [], 0, () => 'id');
    const expected = field.ok && field.trigger.kind === 'site' ? field.trigger.host : undefined;
    const read = readName(token);
    expect('domain' in read ? read.domain : undefined).toBe(expected);
  });
});
