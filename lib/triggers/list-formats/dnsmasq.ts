import { t } from '../../i18n/i18n';
import { quote } from '../site-name';
import { skipLine, type FormatReader } from './reading';

/** `server=/a.com/b.com/`, `local=/a.com/`, `address=/a.com/0.0.0.0`: names between slashes, then a target. */
const LINE = /^(server|address|local)=\/(.*)\/([^/]*)$/i;

/**
 * A dnsmasq list. `address=` answers for the names with another address (a block, whatever the
 * address); `server=` and `local=` with nothing after the last slash answer nothing (a block too).
 * `server=` with a name server after it only sends the question elsewhere: skipped. Several
 * names in one line are each read. `#` only starts a comment at the start of a line: `#` in a
 * line is part of it (`address=/#/…` means every site, which is not a site).
 */
export const dnsmasqReader: FormatReader = {
  format: 'dnsmasq',
  recognises: (line) => /^(?:server|address|local)=/i.test(line),
  read(line) {
    const match = LINE.exec(line);
    if (!match) return skipLine(line, () => t('triggers_siteNotAnAddress', [quote(line)]));
    const [, key, names, target] = match as unknown as [string, string, string, string];
    if (key.toLowerCase() !== 'address' && target.trim() !== '') {
      return skipLine(line, () => t('list_skipForward', [quote(line)]));
    }
    return { names: names.split('/').filter((name) => name !== '') };
  },
};
