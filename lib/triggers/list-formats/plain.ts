import { t } from '../../i18n/i18n';
import { parseTrigger } from '../parse-trigger';
import { quote } from '../site-name';
import { QUIET, skipLine, type FormatReader } from './reading';

/**
 * One site a line: a name (`example.com`), a wildcard (`*.example.com`, `.example.com`) or a
 * whole address (`https://example.com/page`, read as its site); `#` starts a comment. Reads any
 * line no other format claims, so it comes last.
 */
export const plainReader: FormatReader = {
  format: 'plain',
  recognises: () => true,
  read(line) {
    const content = line.replace(/#.*/, '').trim();
    if (content === '') return QUIET;
    if (/\s/.test(content)) {
      return skipLine(content, () => {
        const whole = parseTrigger(content, [], 0, () => '');
        return whole.ok ? t('list_lineHasSpace', [quote(content)]) : whole.message;
      });
    }
    return { names: [content] };
  },
};
