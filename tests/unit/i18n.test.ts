import { describe, expect, it } from 'vitest';
import { catalogueLanguage, t, tCount } from '../../lib/i18n/i18n';
import { catalogueGetMessage, type Catalogue } from '../fakes/i18n';

const sample: Catalogue = {
  greeting: { message: 'Hello, $NAME$!', placeholders: { name: { content: '$1' } } },
  price: { message: 'It costs $$$AMOUNT$', placeholders: { amount: { content: '$1' } } },
  days_one: { message: '$COUNT$ day', placeholders: { count: { content: '$1' } } },
  days_other: { message: '$COUNT$ days', placeholders: { count: { content: '$1' } } },
  daysAt_one: { message: '$COUNT$ day at $SITE$', placeholders: { count: { content: '$1' }, site: { content: '$2' } } },
  daysAt_other: { message: '$COUNT$ days at $SITE$', placeholders: { count: { content: '$1' }, site: { content: '$2' } } },
};
const getMessage = catalogueGetMessage(sample);

describe('t', () => {
  it('reads the message for a key, with substitutions for its placeholders', () => {
    // The unit tests' browser speaks English from the real catalogue.
    expect(t('extName')).toBe('Steadfast');
    expect(t('greeting' as never, ['Sam'], getMessage)).toBe('Hello, Sam!');
    expect(t('price' as never, [5], getMessage)).toBe('It costs $5');
  });

  it('shows the key, not an empty space, when a message is missing everywhere', () => {
    expect(t('nowhere_toBeFound' as never, [], getMessage)).toBe('nowhere_toBeFound');
  });
});

describe('catalogueLanguage', () => {
  it('is the language of the words shown, from the catalogue', () => {
    expect(catalogueLanguage()).toBe('en-GB');
    expect(catalogueLanguage(() => '')).toBe('en');
  });
});

describe('tCount', () => {
  it.each([
    [0, '0 days'],
    [1, '1 day'],
    [2, '2 days'],
    [365, '365 days'],
  ])('chooses the English form for %i', (count, expected) => {
    expect(tCount('days' as never, count, [], getMessage, 'en-GB')).toBe(expected);
  });

  it('passes the count first, then the other substitutions', () => {
    expect(tCount('daysAt' as never, 1, ['home'], getMessage, 'en')).toBe('1 day at home');
    expect(tCount('daysAt' as never, 4, ['home'], getMessage, 'en')).toBe('4 days at home');
  });

  it('falls back to the `other` form when a language has a form the catalogue lacks', () => {
    // Welsh has a "two" form; this catalogue has only English's two.
    expect(tCount('days' as never, 2, [], getMessage, 'cy')).toBe('2 days');
  });
});
