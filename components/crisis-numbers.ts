import { crisisScreenFor, findAHelpline } from '../lib/help/crisis-screen';
import { serviceLinks } from '../lib/help/links';
import { REGIONS, type HelpService, type RegionCode } from '../lib/help/regions';

/**
 * The crisis screen's numbers as static HTML, for every region: written into
 * entrypoints/crisis/index.html at build time (the `crisisNumbersInHtml` plugin in wxt.config.ts,
 * where the page says `<!-- crisis numbers -->`), from lib/help/directory.json. So the emergency
 * number and the 24/7 lines show even when storage or IndexedDB fail or no script runs. With
 * script, `showCrisisRegion` puts the person's region first and hides the others.
 *
 * Words a person reads are in English from the catalogue, each element marked `data-msg` (and
 * `data-msg-args`) so `localisePage` puts the person's language in. Directory text (names,
 * hours, numbers) is data, shown as the providers publish it, escaped.
 */

/** `(key, substitutions)` → the English message (the build passes the catalogue's). */
export type Words = (key: string, substitutions?: readonly string[]) => string;

/** Where the page marks the numbers. */
export const CRISIS_NUMBERS_MARKER = '<!-- crisis numbers -->';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** An element with catalogue words: English now, the person's language once the script runs. */
function said(tag: string, attributes: string, words: Words, key: string, substitutions: readonly string[] = []): string {
  const args = substitutions.length > 0 ? ` data-msg-args="${escapeHtml(JSON.stringify(substitutions))}"` : '';
  return `<${tag}${attributes} data-msg="${key}"${args}>${escapeHtml(words(key, substitutions))}</${tag}>`;
}

/** One line: its name and hours, then a call and a text button where the entry has them. */
function line(service: HelpService, words: Words, big = false): string {
  const links = serviceLinks(service);
  const buttons = [
    links.call && said('a', ` class="button${big ? ' emergency-call' : ''}" href="${escapeHtml(links.call)}"`, words, 'help_call', [service.phone ?? '']),
    links.text && said('a', ` class="button quiet" href="${escapeHtml(links.text)}"`, words, 'help_text', [service.sms ?? '']),
  ].filter(Boolean);
  const hours = service.hours ? ` <span class="muted">· ${escapeHtml(service.hours)}</span>` : '';
  // Entries seen only on independent pages say so (../shared/CARE.md, "Help data").
  const secondary = service.confidence === 'secondary' ? ` ${said('span', ' class="muted secondary"', words, 'crisis_secondary')}` : '';
  return [
    `<li class="crisis-number${service.emergency ? ' emergency' : ''}" data-service="${escapeHtml(service.id)}">`,
    `<span class="crisis-name">${escapeHtml(service.name)}</span>${hours}${secondary}`,
    `<span class="crisis-actions">${buttons.join(' ')}</span>`,
    '</li>',
  ].join('');
}

function list(heading: string, services: readonly HelpService[], words: Words, big = false): string {
  if (services.length === 0) return '';
  return `${said('h3', '', words, heading)}<ul class="crisis-numbers">${services.map((s) => line(s, words, big)).join('')}</ul>`;
}

/** One region's section: the emergency number, the 24/7 crisis lines, the 24/7 drug lines. */
function regionSection(region: RegionCode, name: string, services: readonly HelpService[], words: Words): string {
  const id = `crisis-${region}`;
  const open = `<section class="crisis-region" id="${id}" data-region="${region}" aria-labelledby="${id}-name">${said('h2', ` id="${id}-name"`, words, name)}`;
  if (region === 'INTL') {
    const finder = findAHelpline(services);
    const site = finder && serviceLinks(finder).site;
    return [
      open,
      `<p class="crisis-elsewhere">${said('strong', '', words, 'help_crisisNone')}</p>`,
      site ? `<p>${said('a', ` href="${escapeHtml(site)}" target="_blank" rel="noreferrer"`, words, 'crisis_findAHelpline')}</p>` : '',
      '</section>',
    ].join('');
  }
  const screen = crisisScreenFor(region, services);
  return [
    open,
    list('crisis_emergencyHeading', screen.emergency, words, true),
    list('crisis_linesHeading', screen.crisis, words),
    list('crisis_drugsHeading', screen.drugs, words),
    '</section>',
  ].join('');
}

/** Every region's section, in the order of the region list, "somewhere else" last. */
export function crisisNumbersHtml(services: readonly HelpService[], words: Words): string {
  return `<div class="crisis-regions">${REGIONS.map((r) => regionSection(r.code, r.name, services, words)).join('\n')}</div>`;
}

/**
 * With script: the person's region first and the others hidden, or, when the region is not known,
 * "somewhere else" first and every region still shown, so nothing is ever guessed.
 */
export function showCrisisRegion(root: ParentNode, region: RegionCode | undefined): void {
  const container = root.querySelector('.crisis-regions');
  if (!container) return;
  const first = container.querySelector<HTMLElement>(`[data-region="${region ?? 'INTL'}"]`);
  if (first) container.prepend(first);
  for (const section of container.querySelectorAll<HTMLElement>('[data-region]')) {
    section.hidden = region !== undefined && section !== first;
  }
}
