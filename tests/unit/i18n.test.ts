import { describe, expect, it } from 'vitest';
import { catalogueLanguage, ensureWords, t, tCount } from '../../lib/i18n/i18n';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { catalogueGetMessage, localeFolders, type Catalogue } from '../../lib/i18n/catalogue';

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

describe('ensureWords', () => {
  it('leaves the browser to give the words when it has them', async () => {
    let read = 0;
    await ensureWords(
      () => 'Steadfast',
      async () => {
        read += 1;
        return {};
      },
    );
    expect(read).toBe(0);
  });

  it('reads the packaged catalogue when the browser gives no words, and t then uses it', async () => {
    // The state Chromium sometimes starts in: getMessage returns "" for every key.
    fakeBrowser.i18n.getMessage = (() => '') as typeof fakeBrowser.i18n.getMessage;
    expect(t('options_heading')).toBe('options_heading');
    await ensureWords(
      () => '',
      async () => ({
        options_heading: { message: 'My recovery' },
        greeting: { message: 'Hello, $NAME$!', placeholders: { name: { content: '$1' } } },
      }),
    );
    expect(t('options_heading')).toBe('My recovery');
    expect(t('greeting' as never, ['Sam'])).toBe('Hello, Sam!');
  });
});

describe('localeFolders', () => {
  it.each([
    ['en-GB', ['en_GB', 'en']],
    ['pt-BR', ['pt_BR', 'pt', 'en']],
    ['fr', ['fr', 'en']],
    ['en', ['en']],
  ])('%s → %j', (language, folders) => {
    expect(localeFolders(language)).toEqual(folders);
  });
});
