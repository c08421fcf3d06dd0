import type { MessageKey } from '../i18n/i18n';

// The regions Steadfast has helplines for, and which directory entries serve each. Pure: the
// build reads it too (the crisis page's numbers are written into its HTML, wxt.config.ts).

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

/** The regions the help page offers, each with the key of its name in the catalogue. */
export const REGIONS = [
  { code: 'GB', name: 'help_regionGB', where: 'help_whereGB' },
  // Its own choice: Lifeline is its crisis line, and NHS 111 does not run there (../shared/CARE.md).
  { code: 'GB-NIR', name: 'help_regionGBNIR', where: 'help_whereGBNIR' },
  { code: 'IE', name: 'help_regionIE', where: 'help_whereIE' },
  { code: 'US', name: 'help_regionUS', where: 'help_whereUS' },
  { code: 'CA', name: 'help_regionCA', where: 'help_whereCA' },
  { code: 'AU', name: 'help_regionAU', where: 'help_whereAU' },
  { code: 'NZ', name: 'help_regionNZ', where: 'help_whereNZ' },
  // The directory's international entries only; the page then says to call the local emergency number.
  { code: 'INTL', name: 'help_regionINTL', where: 'help_whereINTL' },
] as const satisfies readonly { code: string; name: MessageKey; where: MessageKey }[];

export type RegionCode = (typeof REGIONS)[number]['code'];

export function isRegionCode(value: unknown): value is RegionCode {
  return REGIONS.some((r) => r.code === value);
}

/**
 * The region a browser locale points to (`en-US` → US); undefined when it points nowhere we cover
 * (`de-DE`, or plain `en`): then the page asks, it never guesses (issue 16). Northern Ireland has
 * no locale of its own, so it is only ever chosen.
 */
export function regionFromLocale(locale: string | undefined): RegionCode | undefined {
  if (!locale) return undefined;
  // The region subtag wherever it stands: after a script (`zh-Hant-US`, `sr-Latn-GB`) too.
  // Extensions (`-u-…`, `-x-…`) start at a one-letter subtag and hold no region of the language.
  const all = locale.split(/[-_]/).slice(1);
  const extension = all.findIndex((tag) => tag.length === 1);
  const subtags = extension === -1 ? all : all.slice(0, extension);
  const region = subtags.find((tag) => /^[a-z]{2}$/i.test(tag))?.toUpperCase();
  if (region === 'UK') return 'GB';
  return REGIONS.find((r) => r.code === region && r.code !== 'INTL' && r.code !== 'GB-NIR')?.code;
}

/** The key of a region's name ("United Kingdom"). */
export function regionName(region: RegionCode): MessageKey {
  return REGIONS.find((r) => r.code === region)!.name;
}

/** The key of a region as it reads after "Help in" ("the United Kingdom"). */
export function regionWhere(region: RegionCode): MessageKey {
  return REGIONS.find((r) => r.code === region)!.where;
}

/**
 * Entries of a directory region that do not serve one of our regions inside it: NHS 111 does not
 * run in Northern Ireland (the entry says so; ../shared/CARE.md).
 */
const NOT_IN: Readonly<Record<string, readonly RegionCode[]>> = {
  'uk-nhs-111': ['GB-NIR'],
};

/** Whether a directory entry is for `region` itself (not the international entries). */
export function servesRegion(service: HelpService, region: RegionCode): boolean {
  if (region === 'INTL') return false;
  const directoryRegion = region === 'GB-NIR' ? 'GB' : region;
  return service.region === directoryRegion && !NOT_IN[service.id]?.includes(region);
}

/**
 * Entries a region puts first in their section: in Northern Ireland, Lifeline is the crisis line.
 */
const FIRST_IN: Readonly<Partial<Record<RegionCode, readonly string[]>>> = {
  'GB-NIR': ['uk-ni-lifeline'],
};

/** `services` with the region's own first entries (`FIRST_IN`) moved to the front, otherwise as given. */
export function inRegionOrder<T extends { id: string }>(region: RegionCode, services: readonly T[]): T[] {
  const first = FIRST_IN[region] ?? [];
  return [...services.filter((s) => first.includes(s.id)), ...services.filter((s) => !first.includes(s.id))];
}
