import { crisisScreenFor, findAHelpline } from './crisis-screen';
import { HELP_SERVICES, type HelpService, type RegionCode } from './directory';
import { loadHelpRegion } from './help-region-item';

/**
 * A region's emergency numbers, then its 24/7 crisis lines: what a check-in or an urge at the
 * crisis threshold (`CRISIS_RATING`) offers first. Empty for "somewhere else", where we know no
 * number. The crisis screen adds the 24/7 drug lines (`crisisScreenFor`).
 */
export function crisisLinesFor(region: RegionCode, services: readonly HelpService[] = HELP_SERVICES): HelpService[] {
  const screen = crisisScreenFor(region, services);
  return [...screen.emergency, ...screen.crisis];
}

/** What a crisis card shows: where its numbers are for, and the lines; unknown region asks first. */
export interface CrisisCard {
  /** Undefined when neither the person nor their browser language says: the card asks. */
  region: RegionCode | undefined;
  lines: HelpService[];
  /** Find A Helpline, for "somewhere else" and before the person has said where they are. */
  elsewhere: HelpService | undefined;
}

export function crisisCardFor(region: RegionCode | undefined, services: readonly HelpService[] = HELP_SERVICES): CrisisCard {
  return { region, lines: region ? crisisLinesFor(region, services) : [], elsewhere: findAHelpline(services) };
}

/** The card for the region the person chose, else their browser language's; never fails on storage. */
export async function loadCrisisCard(locale?: string): Promise<CrisisCard> {
  return crisisCardFor(await loadHelpRegion(locale));
}
