import { adblockReader, COSMETIC_LINE } from './adblock';
import { dnsmasqReader } from './dnsmasq';
import { hostsReader } from './hosts';
import { plainReader } from './plain';
import { t } from '../../i18n/i18n';
import { QUIET, skipLine, type FormatReader, type LineReading, type ListFormat } from './reading';

/**
 * In the order a line is offered to them: the first that recognises a line reads it. Their
 * syntaxes barely overlap, so a list that mixes them (a plain list with some hosts lines, an
 * AdGuard list with hosts lines, as AdGuard Home allows) is read line by line. The plain reader
 * takes what no other does.
 */
const READERS: readonly FormatReader[] = [adblockReader, dnsmasqReader, hostsReader, plainReader];

/** A `#` line: a comment in every format, or (in an ad-blocker list) a rule for every site. */
const HASH = READERS.length;
const BLANK = HASH + 1;

/** Far longer than any line of a list (a hosts line of 1,000 names is 20,000): read no further. */
export const MAX_LINE_LENGTH = 65_536;

export interface ListLines {
  /** The format most lines are written in (ties go to the more particular one), `plain` when none. */
  format: ListFormat;
  /** Line `index` (trimmed) as its reader reads it; `undefined` when blank. */
  read(index: number): LineReading | undefined;
}

/**
 * Sorts each line of a list to the reader of its format, in one cheap pass: each line is asked of the readers
 * once. The format with most lines wins; `!` comments count for ad-blocker lists, `#` lines for
 * nobody (every format has them).
 */
export function classifyLines(lines: readonly string[]): ListLines {
  const kinds = new Uint8Array(lines.length);
  const counts = new Array<number>(READERS.length).fill(0);
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.length > MAX_LINE_LENGTH) continue;
    const trimmed = line.trim();
    if (trimmed === '') kinds[index] = BLANK;
    else if (trimmed.startsWith('#')) kinds[index] = HASH;
    else {
      const kind = READERS.findIndex((reader) => reader.recognises(trimmed));
      kinds[index] = kind;
      counts[kind]! += 1;
    }
  }
  let best = READERS.length - 1;
  counts.forEach((count, kind) => {
    if (count > counts[best]! || (count === counts[best] && count > 0 && kind < best)) best = kind;
  });
  const format = READERS[best]!.format;
  return {
    format,
    read(index) {
      const line = lines[index]!;
      // Only its start is ever echoed: a 10 MB line is not copied, split or searched.
      if (line.length > MAX_LINE_LENGTH) return skipLine(line.slice(0, 200), () => t('triggers_siteInputTooLong'));
      const kind = kinds[index]!;
      if (kind === BLANK) return undefined;
      const trimmed = line.trim();
      if (kind === HASH) return format === 'adblock' && COSMETIC_LINE.test(trimmed) ? adblockReader.read(trimmed) : QUIET;
      return READERS[kind]!.read(trimmed);
    },
  };
}
