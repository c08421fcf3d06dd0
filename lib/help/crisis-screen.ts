import { inRegionOrder, servesRegion, type HelpService, type RegionCode } from './regions';

// What the crisis screen ("I'm not safe") shows for a region, in the order ../shared/CARE.md asks
// for: the emergency number, then the 24/7 crisis lines, then the 24/7 drug lines. Pure, with the
// directory passed in: the build writes these numbers into the page's HTML (wxt.config.ts), so
// they show even when storage fails or no script runs.

/**
 * Lines that answer a person in crisis right now, any hour, reviewed from each entry's
 * description and hours. NHS 111 is the urgent line (its mental health option), after the
 * crisis lines; it does not run in Northern Ireland (`servesRegion`). Information lines,
 * office-hours lines and meeting finders are left for the help page.
 */
export const CRISIS_LINE_IDS: readonly string[] = [
  'uk-samaritans',
  'uk-shout',
  'uk-ni-lifeline',
  'uk-nhs-111',
  'ie-samaritans',
  'ie-50808',
  'us-988',
  'ca-988',
  'au-lifeline',
  'nz-1737',
];

/**
 * Drug lines open 24 hours a day, by their directory hours: FRANK (UK), SAMHSA's helpline (US),
 * the National Alcohol and Other Drug Hotline (Australia), the Alcohol Drug Helpline (New
 * Zealand). Lines with office hours or hours not verified stay on the help page.
 */
export const DRUG_LINE_IDS: readonly string[] = ['uk-frank', 'us-samhsa-helpline', 'au-naod-hotline', 'nz-alcohol-drug-helpline'];

export interface CrisisScreen {
  emergency: HelpService[];
  crisis: HelpService[];
  drugs: HelpService[];
}

/** Only entries a person can call or text in one click, in the order of `ids`. */
function pick(ids: readonly string[], own: readonly HelpService[]): HelpService[] {
  return ids.flatMap((id) => own.filter((s) => s.id === id && (s.phone || s.sms)));
}

/** The crisis screen's lines for `region`; all empty for "somewhere else", where we know no number. */
export function crisisScreenFor(region: RegionCode, services: readonly HelpService[]): CrisisScreen {
  const own = services.filter((s) => servesRegion(s, region));
  return {
    emergency: own.filter((s) => s.emergency && (s.phone || s.sms)),
    crisis: inRegionOrder(region, pick(CRISIS_LINE_IDS, own)),
    drugs: pick(DRUG_LINE_IDS, own),
  };
}

/** The international directory (Find A Helpline): where "somewhere else" is sent. */
export function findAHelpline(services: readonly HelpService[]): HelpService | undefined {
  return services.find((s) => s.id === 'intl-findahelpline');
}
