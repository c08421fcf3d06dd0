/*
 * The opt-in ketamine health card on the help page (issue 16, item 7): whether the person opened
 * it (remembered), and which of the region's services it names. Every sentence it shows is listed
 * with its source in ./HEALTH-SOURCES.md (tests/unit/help.health-card.test.ts checks the list).
 */
import { storage } from 'wxt/utils/storage';
import { categoryOf } from './categories';
import { HELP_SERVICES, type HelpService, type RegionCode } from './directory';

/** Whether the card is open, version 1. Closed until the person opens it: health facts are never pushed on anyone. */
export const healthCardItem = storage.defineItem<boolean>('local:healthCardOpen', {
  version: 1,
  fallback: false,
});

export interface HealthCardPlaces {
  /** The number to call when someone can't be woken; undefined where we know none. */
  emergency?: HelpService;
  /** Urgent medical help that is not an emergency (NHS 111) and the drug line (FRANK), each with a number. */
  lines: HelpService[];
  /** The region's information page on ketamine, when the directory has one. */
  ketaminePage?: HelpService;
}

/** The region's own services the card points to; the international entries are left to the help page. */
export function healthCardPlaces(region: RegionCode, services: readonly HelpService[] = HELP_SERVICES): HealthCardPlaces {
  const own = services.filter((s) => s.region === region && region !== 'INTL');
  const callable = own.filter((s) => s.phone);
  const urgent = callable.filter((s) => categoryOf(s.id) === 'emergency' && !s.emergency);
  const drugLine = callable.find((s) => categoryOf(s.id) === 'drugs');
  return {
    emergency: callable.find((s) => s.emergency),
    lines: [...urgent, ...(drugLine ? [drugLine] : [])],
    ketaminePage: own.find((s) => /ketamine/.test(s.id) && s.url),
  };
}
