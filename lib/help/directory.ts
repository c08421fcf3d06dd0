import directory from './directory.json';
import { catalogueLanguage, type MessageKey } from '../i18n/i18n';
import { categoryOf, HELP_CATEGORIES, type HelpCategory } from './categories';

/** One helpline or service, exactly as reviewed in ../shared/help/directory.json. */
export interface HelpService {
  id: string;
  /** A region code from `REGIONS`, or `INTL` for services that help anywhere. */
  region: string;
  name: string;
  /** The official written form ("0300 123 6600", "1-800-662-HELP (4357)"); links use `dialable`. */
  phone: string | null;
  sms: string | null;
  url: string | null;
  /** Null where the entry is a web page, not a line with opening hours. */
  hours: string | null;
  description: string;
  /** Where the entry was checked: one or more addresses, sometimes with words around them. */
  source: string;
  /** `official`: seen on the provider's or a government page; `secondary`: independent sources agree. */
  confidence: 'official' | 'secondary';
  emergency: boolean;
}

export const HELP_SERVICES = directory.services as HelpService[];
/** `YYYY-MM-DD`: the day every entry was last checked. */
export const HELP_REVIEWED: string = directory.reviewed;

/** The regions the help page offers, each with the key of its name in the catalogue. */
export const REGIONS = [
  { code: 'GB', name: 'help_regionGB' },
  { code: 'IE', name: 'help_regionIE' },
  { code: 'US', name: 'help_regionUS' },
  { code: 'CA', name: 'help_regionCA' },
  { code: 'AU', name: 'help_regionAU' },
  { code: 'NZ', name: 'help_regionNZ' },
  // The directory's international entries only; the page then says to call the local emergency number.
  { code: 'INTL', name: 'help_regionINTL' },
] as const satisfies readonly { code: string; name: MessageKey }[];

export type RegionCode = (typeof REGIONS)[number]['code'];

export function isRegionCode(value: unknown): value is RegionCode {
  return REGIONS.some((r) => r.code === value);
}

/** The region a browser locale points to (`en-US` → US); the UK when it points nowhere we cover. */
export function regionFromLocale(locale: string | undefined): RegionCode {
  const region = locale?.split(/[-_]/)[1]?.toUpperCase();
  if (region === 'UK') return 'GB';
  return REGIONS.find((r) => r.code === region && r.code !== 'INTL')?.code ?? 'GB';
}

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
  const own = services.filter((s) => s.region === region && region !== 'INTL');
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
