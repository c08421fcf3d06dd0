import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { categoryOf, HELP_CATEGORIES, helpCategoryTitle, SERVICE_CATEGORIES } from '../../lib/help/categories';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { crisisLinesFor, loadCrisisCard } from '../../lib/help/crisis-lines';
import { CRISIS_LINE_IDS, crisisScreenFor, DRUG_LINE_IDS } from '../../lib/help/crisis-screen';
import {
  formatReviewed,
  HELP_REVIEWED,
  HELP_SERVICES,
  helpSectionsFor,
  REGIONS,
  regionFromLocale,
  servesRegion,
  servicesFor,
  type HelpService,
} from '../../lib/help/directory';
import { helpRegionItem, loadHelpRegion, saveHelpRegion } from '../../lib/help/help-region-item';
import { serviceLinks, SMS_FIRST_WORDS, textWithLinks, webAddress } from '../../lib/help/links';
import { t } from '../../lib/i18n/i18n';

const byId = (id: string) => HELP_SERVICES.find((s) => s.id === id)!;
const REGION_CODES = REGIONS.map((r) => r.code);

// The team's reviewed directory; absent on a clone outside the team's workspace.
const SHARED_DIRECTORY = join(import.meta.dirname, '../../../shared/help/directory.json');

describe('the directory, as shipped', () => {
  test.skipIf(!existsSync(SHARED_DIRECTORY))('is an exact copy of ../shared/help/directory.json, byte for byte', () => {
    expect(readFileSync(join(import.meta.dirname, '../../lib/help/directory.json'), 'utf8')).toBe(readFileSync(SHARED_DIRECTORY, 'utf8'));
  });

  test('holds Lifeline for Northern Ireland and the 50808 text line for Ireland, compiled on 3 December 2026', () => {
    expect(byId('uk-ni-lifeline').phone).toBe('0808 808 8000');
    expect(byId('ie-50808').sms).toBe('50808');
    expect(HELP_REVIEWED).toBe('2026-12-03');
    expect(t('help_numbersCompiled', [formatReviewed(HELP_REVIEWED)])).toMatch(/^Numbers compiled on 3 December 2026 /);
  });

  test('every entry has a category, and every category entry names a real service', () => {
    const ids = HELP_SERVICES.map((s) => s.id);
    expect(ids.filter((id) => !(id in SERVICE_CATEGORIES))).toEqual([]);
    expect(Object.keys(SERVICE_CATEGORIES).filter((id) => !ids.includes(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('emergency numbers are in the emergency category', () => {
    for (const service of HELP_SERVICES.filter((s) => s.emergency)) expect(categoryOf(service.id)).toBe('emergency');
  });

  test('every region we offer has an emergency number, except "somewhere else"', () => {
    for (const code of REGION_CODES.filter((c) => c !== 'INTL')) {
      expect(
        HELP_SERVICES.some((s) => servesRegion(s, code) && s.emergency),
        code,
      ).toBe(true);
    }
  });

  test('every entry belongs to a region we offer, has a source and a confidence', () => {
    for (const s of HELP_SERVICES) {
      expect([...REGION_CODES, 'GB'], s.id).toContain(s.region);
      expect(s.source.trim(), s.id).not.toBe('');
      expect(['official', 'secondary'], s.id).toContain(s.confidence);
    }
    expect(HELP_REVIEWED).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test.each(HELP_SERVICES.map((s) => [s.id, s] as const))('%s makes only well-formed links', (_id, service) => {
    const links = serviceLinks(service);
    if (service.phone) expect(links.call).toMatch(/^tel:\+?\d+$/);
    else expect(links.call).toBeUndefined();
    if (service.sms) expect(links.text).toMatch(/^sms:\+?\d+(\?body=[A-Za-z0-9%]+)?$/);
    else expect(links.text).toBeUndefined();
    if (service.url) expect(links.site).toMatch(/^https?:\/\/[^\s]+$/);
    else expect(links.site).toBeUndefined();
    // The written form is what the person reads: it stays as the provider publishes it.
    for (const part of textWithLinks(service.source)) {
      if ('href' in part) expect(new URL(part.href).protocol).toMatch(/^https?:$/);
    }
  });

  test('a written number dials its digits', () => {
    expect(serviceLinks(byId('us-samhsa-helpline')).call).toBe('tel:18006624357');
    expect(serviceLinks(byId('ca-988')).call).toBe('tel:988');
    expect(serviceLinks(byId('uk-frank')).call).toBe('tel:03001236600');
    expect(serviceLinks(byId('au-lifeline')).text).toBe('sms:0477131114');
  });

  test('a text line that asks for a word gets it ready written', () => {
    expect(serviceLinks(byId('uk-shout')).text).toBe('sms:85258?body=SHOUT');
    for (const [id, words] of Object.entries(SMS_FIRST_WORDS)) expect(byId(id).description).toContain(`Text ${words} to`);
  });
});

describe('choosing and ordering', () => {
  test.each([
    ['en-GB', 'GB'],
    ['en-UK', 'GB'],
    ['en_IE', 'IE'],
    ['en-US', 'US'],
    ['fr-CA', 'CA'],
    ['en-AU', 'AU'],
    ['mi-NZ', 'NZ'],
    // The region after a script subtag, or before a variant.
    ['zh-Hant-US', 'US'],
    ['sr-Latn-GB', 'GB'],
    ['pa-Guru-CA', 'CA'],
    ['en-GB-oxendict', 'GB'],
    ['EN-au', 'AU'],
    ['en-US-u-ca-gregory', 'US'],
    ['de-u-ca-buddhist', undefined],
    // Outside the six, or no place at all: asked, never guessed.
    ['de-DE', undefined],
    ['fr-FR', undefined],
    ['en', undefined],
    ['zh-Hant-TW', undefined],
    [undefined, undefined],
  ])('locale %s defaults to %s', (locale, region) => {
    expect(regionFromLocale(locale)).toBe(region);
  });

  test.each(REGION_CODES.filter((c) => c !== 'INTL'))('%s: emergency first, then drugs, then emotional support', (region) => {
    const list = servicesFor(region);
    expect(list[0]!.emergency).toBe(true);
    const order = list.map((s) => HELP_CATEGORIES.indexOf(categoryOf(s.id)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(list.every((s) => servesRegion(s, region) || s.region === 'INTL')).toBe(true);
  });

  test('Northern Ireland: Lifeline first to talk to, and no NHS 111, which does not run there', () => {
    expect(helpSectionsFor('GB-NIR').map((s) => [s.category, s.services.map((x) => x.id)])).toEqual([
      ['emergency', ['uk-emergency-999']],
      ['drugs', ['uk-frank', 'uk-frank-ketamine', 'uk-narcotics-anonymous', 'uk-smart-recovery', 'intl-na-meeting-search']],
      ['emotional', ['uk-ni-lifeline', 'uk-samaritans', 'uk-shout', 'uk-mind-infoline']],
      ['other', ['intl-findahelpline']],
    ]);
  });

  test('the UK page, section by section', () => {
    expect(helpSectionsFor('GB').map((s) => [s.category, s.services.map((x) => x.id)])).toEqual([
      ['emergency', ['uk-emergency-999', 'uk-nhs-111']],
      ['drugs', ['uk-frank', 'uk-frank-ketamine', 'uk-narcotics-anonymous', 'uk-smart-recovery', 'intl-na-meeting-search']],
      ['emotional', ['uk-samaritans', 'uk-shout', 'uk-ni-lifeline', 'uk-mind-infoline']],
      ['other', ['intl-findahelpline']],
    ]);
  });

  test('"somewhere else" shows only what helps anywhere', () => {
    expect(servicesFor('INTL').every((s) => s.region === 'INTL')).toBe(true);
    expect(servicesFor('INTL').length).toBeGreaterThan(0);
  });

  test('an entry nobody has categorised yet goes last, not first', () => {
    const stray: HelpService = { ...byId('uk-samaritans'), id: 'uk-new-line' };
    const sections = helpSectionsFor('GB', [stray, ...HELP_SERVICES]);
    expect(sections.at(-1)!.category).toBe('other');
    expect(sections.at(-1)!.services.map((s) => s.id)).toContain('uk-new-line');
  });

  test('the review date reads the same everywhere, in the language of the words around it', () => {
    expect(formatReviewed('2026-11-25')).toBe('25 November 2026');
    expect(formatReviewed('2026-11-25', 'fr')).toBe('25 novembre 2026');
    expect(formatReviewed('not a day')).toBe('not a day');
  });

  test('every region has a name to show', () => {
    expect(REGIONS.map((r) => t(r.name))).toEqual([
      'United Kingdom',
      'Northern Ireland',
      'Ireland',
      'United States',
      'Canada',
      'Australia',
      'New Zealand',
      'Somewhere else',
    ]);
  });

  test('every section has a heading', () => {
    expect(HELP_CATEGORIES.map(helpCategoryTitle)).toEqual([
      'Emergency and urgent help',
      'Drug and alcohol services',
      'Someone to talk to',
      'More places to look',
    ]);
  });
});

describe('crisis lines', () => {
  test.each([
    ['GB', ['uk-emergency-999', 'uk-samaritans', 'uk-shout', 'uk-ni-lifeline', 'uk-nhs-111']],
    ['GB-NIR', ['uk-emergency-999', 'uk-ni-lifeline', 'uk-samaritans', 'uk-shout']],
    ['IE', ['ie-emergency-112-999', 'ie-samaritans', 'ie-50808']],
    ['US', ['us-emergency-911', 'us-988']],
    ['CA', ['ca-emergency-911', 'ca-988']],
    ['AU', ['au-emergency-000', 'au-lifeline']],
    ['NZ', ['nz-emergency-111', 'nz-1737']],
    ['INTL', []],
  ] as const)('%s: the emergency number, then the 24/7 crisis lines', (region, ids) => {
    expect(crisisLinesFor(region).map((s) => s.id)).toEqual(ids);
  });

  test.each([
    ['GB', ['uk-frank']],
    ['GB-NIR', ['uk-frank']],
    ['IE', []],
    ['US', ['us-samhsa-helpline']],
    ['CA', []],
    ['AU', ['au-naod-hotline']],
    ['NZ', ['nz-alcohol-drug-helpline']],
  ] as const)('%s: the 24/7 drug lines on the crisis screen', (region, ids) => {
    expect(crisisScreenFor(region, HELP_SERVICES).drugs.map((s) => s.id)).toEqual(ids);
  });

  test('every crisis and drug line is a real entry that can be called or texted', () => {
    for (const id of [...CRISIS_LINE_IDS, ...DRUG_LINE_IDS]) {
      const service = byId(id);
      expect(service, id).toBeDefined();
      expect(service.phone || service.sms, id).toBeTruthy();
    }
  });

  test('the 50808 text line gets its first word ready written', () => {
    expect(serviceLinks(byId('ie-50808')).text).toBe('sms:50808?body=TALK');
  });

  test('follow the region the person chose', async () => {
    expect((await loadCrisisCard('en-GB')).lines[0]!.id).toBe('uk-emergency-999');
    await saveHelpRegion('NZ');
    expect((await loadCrisisCard('en-GB')).lines[0]!.id).toBe('nz-emergency-111');
  });

  test('a browser language outside the six regions gives no lines, but asks, with Find A Helpline', async () => {
    const card = await loadCrisisCard('de-DE');
    expect(card.region).toBeUndefined();
    expect(card.lines).toEqual([]);
    expect(card.elsewhere?.url).toBe('https://findahelpline.com');
  });
});

describe('the remembered region', () => {
  test('the locale decides until the person chooses', async () => {
    expect(await loadHelpRegion('en-AU')).toBe('AU');
    await saveHelpRegion('IE');
    expect(await loadHelpRegion('en-AU')).toBe('IE');
    expect(await fakeBrowser.storage.local.get('helpRegion')).toEqual({ helpRegion: 'IE' });
  });

  test('Northern Ireland is only ever chosen, and then kept', async () => {
    expect(await loadHelpRegion('en-GB')).toBe('GB');
    await saveHelpRegion('GB-NIR');
    expect(await loadHelpRegion('en-GB')).toBe('GB-NIR');
  });

  test('an unknown locale with nothing chosen is undefined: the page asks', async () => {
    expect(await loadHelpRegion('fr-FR')).toBeUndefined();
    await saveHelpRegion('INTL');
    expect(await loadHelpRegion('fr-FR')).toBe('INTL');
  });

  test('a stored value we do not know falls back to the locale', async () => {
    await fakeBrowser.storage.local.set({ helpRegion: 'XX' });
    expect(await loadHelpRegion('en-US')).toBe('US');
    await expect(saveHelpRegion('XX' as never)).rejects.toThrow();
    expect(await helpRegionItem.getValue()).toBe('XX');
  });

  test('storage that fails reads as not chosen: the locale still gives help', async () => {
    const spy = vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('storage is broken'));
    try {
      expect(await loadHelpRegion('en-IE')).toBe('IE');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('text with links', () => {
  test.each([
    ['https://a.example/x ; https://b.example/y', ['https://a.example/x', ' ; ', 'https://b.example/y']],
    ['Find local treatment: https://f.example/near-you', ['Find local treatment: ', 'https://f.example/near-you']],
    ['Secondary: https://h.example/p (office hours) plus', ['Secondary: ', 'https://h.example/p', ' (office hours) plus']],
    ['See https://s.example/page.', ['See ', 'https://s.example/page', '.']],
    ['e.g. lowears.co.uk help page', ['e.g. lowears.co.uk help page']],
    ['javascript:alert(1) and data:text/html,x', ['javascript:alert(1) and data:text/html,x']],
  ])('%s', (text, pieces) => {
    const parts = textWithLinks(text);
    expect(parts.map((p) => p.text)).toEqual(pieces);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    for (const part of parts) if ('href' in part) expect(part.href).toMatch(/^https:\/\//);
  });

  test.each(['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'ftp://x.example', '', null])('%s is not a web address', (text) => {
    expect(webAddress(text)).toBeUndefined();
  });
});
