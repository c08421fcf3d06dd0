import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { categoryOf, HELP_CATEGORIES, helpCategoryTitle, SERVICE_CATEGORIES } from '../../lib/help/categories';
import { CRISIS_LINE_IDS, crisisLinesFor, loadCrisisLines } from '../../lib/help/crisis-lines';
import {
  formatReviewed,
  HELP_REVIEWED,
  HELP_SERVICES,
  helpSectionsFor,
  REGIONS,
  regionFromLocale,
  servicesFor,
  type HelpService,
} from '../../lib/help/directory';
import { helpRegionItem, loadHelpRegion, saveHelpRegion } from '../../lib/help/help-region-item';
import { serviceLinks, SMS_FIRST_WORDS, textWithLinks, webAddress } from '../../lib/help/links';
import { t } from '../../lib/i18n/i18n';

const byId = (id: string) => HELP_SERVICES.find((s) => s.id === id)!;
const REGION_CODES = REGIONS.map((r) => r.code);

describe('the directory, as shipped', () => {
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
      expect(HELP_SERVICES.some((s) => s.region === code && s.emergency), code).toBe(true);
    }
  });

  test('every entry belongs to a region we offer, has a source and a confidence', () => {
    for (const s of HELP_SERVICES) {
      expect(REGION_CODES, s.id).toContain(s.region);
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
    ['de-DE', 'GB'],
    ['en', 'GB'],
    [undefined, 'GB'],
  ])('locale %s defaults to %s', (locale, region) => {
    expect(regionFromLocale(locale)).toBe(region);
  });

  test.each(REGION_CODES.filter((c) => c !== 'INTL'))('%s: emergency first, then drugs, then emotional support', (region) => {
    const list = servicesFor(region);
    expect(list[0]!.emergency).toBe(true);
    const order = list.map((s) => HELP_CATEGORIES.indexOf(categoryOf(s.id)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(list.every((s) => s.region === region || s.region === 'INTL')).toBe(true);
  });

  test('the UK page, section by section', () => {
    expect(helpSectionsFor('GB').map((s) => [s.category, s.services.map((x) => x.id)])).toEqual([
      ['emergency', ['uk-emergency-999', 'uk-nhs-111']],
      ['drugs', ['uk-frank', 'uk-frank-ketamine', 'uk-narcotics-anonymous', 'uk-smart-recovery', 'intl-na-meeting-search']],
      ['emotional', ['uk-samaritans', 'uk-shout', 'uk-mind-infoline']],
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
    ['GB', ['uk-emergency-999', 'uk-nhs-111', 'uk-samaritans', 'uk-shout']],
    ['IE', ['ie-emergency-112-999', 'ie-samaritans']],
    ['US', ['us-emergency-911', 'us-988']],
    ['CA', ['ca-emergency-911', 'ca-988']],
    ['AU', ['au-emergency-000', 'au-lifeline']],
    ['NZ', ['nz-emergency-111', 'nz-1737']],
    ['INTL', []],
  ] as const)('%s', (region, ids) => {
    expect(crisisLinesFor(region).map((s) => s.id)).toEqual(ids);
  });

  test('every crisis line is a real entry that can be called or texted', () => {
    for (const id of CRISIS_LINE_IDS) {
      const service = byId(id);
      expect(service, id).toBeDefined();
      expect(service.phone || service.sms, id).toBeTruthy();
    }
  });

  test('follow the region the person chose', async () => {
    expect((await loadCrisisLines('en-GB'))[0]!.id).toBe('uk-emergency-999');
    await saveHelpRegion('NZ');
    expect((await loadCrisisLines('en-GB'))[0]!.id).toBe('nz-emergency-111');
  });
});

describe('the remembered region', () => {
  test('the locale decides until the person chooses', async () => {
    expect(await loadHelpRegion('en-AU')).toBe('AU');
    await saveHelpRegion('IE');
    expect(await loadHelpRegion('en-AU')).toBe('IE');
    expect(await fakeBrowser.storage.local.get('helpRegion')).toEqual({ helpRegion: 'IE' });
  });

  test('a stored value we do not know falls back to the locale', async () => {
    await fakeBrowser.storage.local.set({ helpRegion: 'XX' });
    expect(await loadHelpRegion('en-US')).toBe('US');
    await expect(saveHelpRegion('XX' as never)).rejects.toThrow();
    expect(await helpRegionItem.getValue()).toBe('XX');
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
