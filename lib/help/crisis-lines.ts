import { categoryOf } from './categories';
import { HELP_SERVICES, type HelpService, type RegionCode } from './directory';
import { loadHelpRegion } from './help-region-item';

/**
 * Lines that answer a person in crisis right now, any hour, beside the emergency numbers: what a
 * check-in or an urge at the top of the scale offers first (issue 4, item 5). Reviewed from each
 * entry's description and hours; information lines, office-hours lines and meeting finders are
 * left for the help page.
 */
export const CRISIS_LINE_IDS: readonly string[] = [
  'uk-samaritans',
  'uk-shout',
  'ie-samaritans',
  'us-988',
  'ca-988',
  'au-lifeline',
  'nz-1737',
];

/**
 * A region's emergency and urgent numbers, then its crisis lines: only entries a person can call
 * or text in one click. Empty for "somewhere else", where we know no number.
 */
export function crisisLinesFor(region: RegionCode, services: readonly HelpService[] = HELP_SERVICES): HelpService[] {
  const own = services.filter((s) => s.region === region && (s.phone || s.sms));
  return [
    ...own.filter((s) => categoryOf(s.id) === 'emergency'),
    ...own.filter((s) => CRISIS_LINE_IDS.includes(s.id) && categoryOf(s.id) !== 'emergency'),
  ];
}

/** The crisis lines for the region the person chose on the help page (or their locale's). */
export async function loadCrisisLines(locale?: string): Promise<HelpService[]> {
  return crisisLinesFor(await loadHelpRegion(locale));
}
