import directory from './directory.json';
import { catalogueLanguage } from '../i18n/i18n';
import { categoryOf, HELP_CATEGORIES, type HelpCategory } from './categories';
import { inRegionOrder, servesRegion, type HelpService, type RegionCode } from './regions';

export { isRegionCode, regionFromLocale, regionName, regionWhere, REGIONS, servesRegion, type HelpService, type RegionCode } from './regions';

export const HELP_SERVICES = directory.services as HelpService[];
/**
 * `YYYY-MM-DD`: the day the directory was compiled from stored copies of the providers' pages
 * (not the day anyone rang the numbers: say "compiled on", never "checked on").
 */
export const HELP_REVIEWED: string = directory.reviewed;

/**
 * A region's services in the order a person in distress needs them: emergency numbers first,
 * then drug services, then emotional support, then the rest; within each, the region's own
 * before international ones, in the directory's order.
 */
export function servicesFor(region: RegionCode, services: readonly HelpService[] = HELP_SERVICES): HelpService[] {
  return helpSectionsFor(region, services).flatMap((section) => section.services);
}

export interface HelpSection {
  category: HelpCategory;
  services: HelpService[];
}

/** `servicesFor`, one section a category, leaving out categories the region has nothing in. */
export function helpSectionsFor(region: RegionCode, services: readonly HelpService[] = HELP_SERVICES): HelpSection[] {
  const own = inRegionOrder(
    region,
    services.filter((s) => servesRegion(s, region)),
  );
  const anywhere = services.filter((s) => s.region === 'INTL');
  return HELP_CATEGORIES.map((category) => ({
    category,
    services: [...own, ...anywhere].filter((s) => categoryOf(s.id) === category),
  })).filter((section) => section.services.length > 0);
}

/**
 * `2026-11-25` → `25 November 2026` in English, in the language of the words around it (not the
 * browser's), and the same day wherever the person is.
 */
export function formatReviewed(day: string, language: string = catalogueLanguage()): string {
  const at = Date.parse(`${day}T12:00:00Z`);
  if (Number.isNaN(at)) return day;
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
}
