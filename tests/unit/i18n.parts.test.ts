import { describe, expect, it } from 'vitest';
import { t } from '../../lib/i18n/i18n';
import { part, withParts } from '../../lib/i18n/with-parts';
import { catalogueGetMessage } from '../../lib/i18n/catalogue';

const getMessage = catalogueGetMessage({
  paused: { message: 'Paused $SITE$ for you.', placeholders: { site: { content: '$1' } } },
  // A translation may put the parts in another order.
  both: {
    message: '$SECOND$ then $FIRST$',
    placeholders: { first: { content: '$1' }, second: { content: '$2' } },
  },
});

describe('withParts', () => {
  it('puts each part where its placeholder is, keeping the words around it', () => {
    const text = t('paused' as never, [part(0)], getMessage);
    expect(withParts(text, [{ bold: 'example.com' }])).toEqual(['Paused ', { bold: 'example.com' }, ' for you.']);
  });

  it('follows the order the message gives, not the order of the parts', () => {
    const text = t('both' as never, [part(0), part(1)], getMessage);
    expect(withParts(text, ['A', 'B'])).toEqual(['B', ' then ', 'A']);
  });

  it('leaves plain text alone and drops a marker with no part', () => {
    expect(withParts('No parts here.', [])).toEqual(['No parts here.']);
    expect(withParts(`Before ${part(3)} after`, ['only one'])).toEqual(['Before ', ' after']);
  });
});
