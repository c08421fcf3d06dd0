/** The formats a list of sites may come in; each has its reader in this folder. */
export type ListFormat = 'plain' | 'hosts' | 'adblock' | 'dnsmasq';

/**
 * What one line of a list says: names to read as sites, nothing at all (a comment, a header, a
 * blank), or something other than a whole site. `why` is only asked for the few lines a summary
 * names, so a list of 100,000 rules that are not sites costs no 100,000 messages.
 */
export type LineReading = { names: readonly string[] } | { quiet: true } | { skip: string; why: () => string };

/** One format's reader: pure, given lines already trimmed, never blank. */
export interface FormatReader {
  format: ListFormat;
  /**
   * Whether the line is written in this format's own syntax. Asked of every line, once, to
   * decide both the list's format and which reader reads the line: keep it to one cheap test.
   */
  recognises(line: string): boolean;
  /** What a line it recognises says. */
  read(line: string): LineReading;
}

export const QUIET: LineReading = { quiet: true };

export const skipLine = (text: string, why: () => string): LineReading => ({ skip: text, why });
