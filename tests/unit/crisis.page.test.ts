// @vitest-environment happy-dom
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { crisisNumbersHtml, escapeHtml, showCrisisRegion } from '../../components/crisis-numbers';
import { PAGE_SHELL_MARKER, pageShellHtml, pageShellOption } from '../../components/page-shell';
import { HELP_SERVICES, type HelpService } from '../../lib/help/directory';
import { catalogueGetMessage, type Catalogue } from '../../lib/i18n/catalogue-format';
import catalogue from '../../public/_locales/en/messages.json';

// Issue 16: "I'm not safe" one click from every page, and a crisis screen whose numbers are in its
// static HTML (written at build time from lib/help/directory.json), so they show without script.

const root = join(import.meta.dirname, '../..');
const english = catalogueGetMessage(catalogue as Catalogue);
const words = (key: string, args: readonly string[] = []) => english(key, [...args]);

function drawNumbers(services: readonly HelpService[] = HELP_SERVICES) {
  document.body.innerHTML = crisisNumbersHtml(services, words);
}

/** A region's section as a person reads it: headings and each line's first words, in order. */
function read(region: string): string[] {
  const section = document.querySelector(`[data-region="${region}"]`)!;
  return [...section.querySelectorAll('h3, li')].map((el) =>
    el.tagName === 'H3' ? `# ${el.textContent}` : [...el.querySelectorAll('a')].map((a) => `${a.textContent} → ${a.getAttribute('href')}`).join(' | '),
  );
}

describe('the crisis numbers, as static HTML', () => {
  test.each([
    [
      'GB',
      [
        '# In an emergency',
        'Call 999 → tel:999',
        '# Someone to talk to now, day or night',
        'Call 116 123 → tel:116123',
        'Text 85258 → sms:85258?body=SHOUT',
        'Call 0808 808 8000 → tel:08088088000',
        'Call 111 → tel:111',
        '# Drug and alcohol lines, day or night',
        'Call 0300 123 6600 → tel:03001236600 | Text 82111 → sms:82111',
      ],
    ],
    [
      'GB-NIR',
      [
        '# In an emergency',
        'Call 999 → tel:999',
        '# Someone to talk to now, day or night',
        'Call 0808 808 8000 → tel:08088088000',
        'Call 116 123 → tel:116123',
        'Text 85258 → sms:85258?body=SHOUT',
        '# Drug and alcohol lines, day or night',
        'Call 0300 123 6600 → tel:03001236600 | Text 82111 → sms:82111',
      ],
    ],
    [
      'IE',
      ['# In an emergency', 'Call 112 → tel:112', '# Someone to talk to now, day or night', 'Call 116 123 → tel:116123', 'Text 50808 → sms:50808?body=TALK'],
    ],
    [
      'US',
      [
        '# In an emergency',
        'Call 911 → tel:911',
        '# Someone to talk to now, day or night',
        'Call 988 → tel:988 | Text 988 → sms:988',
        '# Drug and alcohol lines, day or night',
        'Call 1-800-662-HELP (4357) → tel:18006624357 | Text 435748 → sms:435748',
      ],
    ],
    ['CA', ['# In an emergency', 'Call 911 → tel:911', '# Someone to talk to now, day or night', 'Call 9-8-8 → tel:988 | Text 9-8-8 → sms:988']],
    [
      'AU',
      [
        '# In an emergency',
        'Call 000 → tel:000',
        '# Someone to talk to now, day or night',
        'Call 13 11 14 → tel:131114 | Text 0477 13 11 14 → sms:0477131114',
        '# Drug and alcohol lines, day or night',
        'Call 1800 250 015 → tel:1800250015',
      ],
    ],
    [
      'NZ',
      [
        '# In an emergency',
        'Call 111 → tel:111',
        '# Someone to talk to now, day or night',
        'Call 1737 → tel:1737 | Text 1737 → sms:1737',
        '# Drug and alcohol lines, day or night',
        'Call 0800 787 797 → tel:0800787797 | Text 8681 → sms:8681',
      ],
    ],
  ])('%s: the emergency number, then the 24/7 crisis lines, then the 24/7 drug lines', (region, expected) => {
    drawNumbers();
    expect(read(region)).toEqual(expected);
  });

  test('"somewhere else": call the local emergency number, and Find A Helpline from the directory', () => {
    drawNumbers();
    const section = document.querySelector('[data-region="INTL"]')!;
    expect(section.textContent).toContain('If you are in danger, call your local emergency number now.');
    expect(section.querySelector('a')!.getAttribute('href')).toBe('https://findahelpline.com/');
    expect(section.querySelectorAll('a[href^="tel:"]').length).toBe(0);
  });

  test('every region is there without script, the UK first, "somewhere else" last', () => {
    drawNumbers();
    expect([...document.querySelectorAll<HTMLElement>('[data-region]')].map((s) => s.dataset.region)).toEqual([
      'GB',
      'GB-NIR',
      'IE',
      'US',
      'CA',
      'AU',
      'NZ',
      'INTL',
    ]);
    expect(document.querySelectorAll('[hidden]').length).toBe(0);
  });

  test('lines seen only on independent pages say so', () => {
    drawNumbers();
    const line = document.querySelector('[data-region="NZ"] [data-service="nz-1737"]')!;
    expect(line.textContent).toContain('independent pages only');
    expect(document.querySelector('[data-region="US"] [data-service="us-988"]')!.textContent).not.toContain('independent');
  });

  test('directory text is written as text, never as markup', () => {
    const hostile: HelpService = {
      ...HELP_SERVICES.find((s) => s.id === 'uk-samaritans')!,
      name: '<img src=x onerror=alert(1)>',
      hours: '"><script>alert(1)</script>',
    };
    drawNumbers([hostile, ...HELP_SERVICES.filter((s) => s.id !== 'uk-samaritans')]);
    expect(document.querySelector('img, script')).toBeNull();
    expect(document.querySelector('[data-service="uk-samaritans"] .crisis-name')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(escapeHtml(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
  });

  test('each button carries its key and words, so the script can put the person’s language in', () => {
    drawNumbers();
    const call = document.querySelector('[data-service="uk-samaritans"] a')!;
    expect(call.getAttribute('data-msg')).toBe('help_call');
    expect(JSON.parse(call.getAttribute('data-msg-args')!)).toEqual(['116 123']);
  });
});

describe('with script, the person’s region comes first', () => {
  test('a known region comes first and the others are hidden', () => {
    drawNumbers();
    showCrisisRegion(document, 'IE');
    const sections = [...document.querySelectorAll<HTMLElement>('[data-region]')];
    expect(sections[0]!.dataset.region).toBe('IE');
    expect(sections.filter((s) => !s.hidden).map((s) => s.dataset.region)).toEqual(['IE']);
    showCrisisRegion(document, 'GB-NIR');
    expect([...document.querySelectorAll<HTMLElement>('[data-region]')].filter((s) => !s.hidden).map((s) => s.dataset.region)).toEqual(['GB-NIR']);
  });

  test('an unknown region: "somewhere else" first, and every region still shown, nothing guessed', () => {
    drawNumbers();
    showCrisisRegion(document, undefined);
    const sections = [...document.querySelectorAll<HTMLElement>('[data-region]')];
    expect(sections[0]!.dataset.region).toBe('INTL');
    expect(sections.filter((s) => s.hidden)).toEqual([]);
  });
});

describe('the page shell: "Get help now" and "I’m not safe" on every page', () => {
  const pages = readdirSync(join(root, 'entrypoints'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, 'entrypoints', entry.name, 'index.html')))
    .map((entry) => entry.name);

  test('the pages are the ones a person can open', () => {
    expect(pages.sort()).toEqual(['coping', 'crisis', 'help', 'lockin', 'options', 'pause', 'popup', 'privacy', 'progress', 'review', 'summary', 'welcome']);
  });

  test.each(pages)('%s has the shell in its static HTML', (page) => {
    const html = readFileSync(join(root, 'entrypoints', page, 'index.html'), 'utf8');
    expect(pageShellOption(html), page).toBeDefined();
    // Written once, by the shell: no page writes its own help link beside it.
    expect(html.match(/help\.html/g) ?? []).toEqual([]);
  });

  test('links to help and to the crisis screen, the popup’s in a new tab, the current page marked', () => {
    document.body.innerHTML = pageShellHtml().replace(/__MSG_(\w+)__/g, (_, key: string) => words(key));
    const links = [...document.querySelectorAll('nav a')].map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('target')]);
    expect(links).toEqual([
      ['Get help now', '/help.html', null],
      ["I'm not safe", '/crisis.html', null],
    ]);
    expect(document.querySelector('nav')!.getAttribute('aria-label')).toBe('Help now');
    expect(pageShellHtml('new-tab').match(/target="_blank"/g)).toHaveLength(2);
    expect(pageShellHtml('crisis')).toMatch(/href="\/crisis\.html"[^>]*aria-current="page"/);
    expect(pageShellHtml('help')).toMatch(/href="\/help\.html"[^>]*aria-current="page"/);
    expect(() => pageShellOption('<!-- page shell: sideways -->')).toThrow();
    expect(PAGE_SHELL_MARKER.test('<!-- page shell -->')).toBe(true);
  });
});
