import { isAddress } from './name';
import { type FormatReader } from './reading';

/** An address, then at least one more word: `0.0.0.0 example.com`, `127.0.0.1`, `::`, `::1`. */
const ADDRESS_FIRST = /^(\S+)\s+\S/;

/**
 * A hosts file: an address and the names it stands for (`0.0.0.0 example.com other.example`),
 * `#` comments, whole-line and trailing. Every name after the address is read, whatever the
 * address: a line to any address in a list means "not this site". An address alone is left to
 * the plain reader, which names it as an address rather than a site.
 */
export const hostsReader: FormatReader = {
  format: 'hosts',
  recognises(line) {
    const first = ADDRESS_FIRST.exec(line)?.[1];
    return first !== undefined && isAddress(first);
  },
  read(line) {
    return { names: line.replace(/#.*/, '').trim().split(/\s+/).slice(1) };
  },
};
