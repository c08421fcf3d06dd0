import directory from './directory.json';

/** One helpline or service, exactly as reviewed in ../shared/help/directory.json. */
export interface HelpService {
  id: string;
  region: string;
  name: string;
  phone: string | null;
  sms: string | null;
  url: string | null;
  hours: string;
  description: string;
  source: string;
  /** `official`: seen on the provider's or a government page; `secondary`: independent sources agree. */
  confidence: 'official' | 'secondary';
  emergency: boolean;
}

export const HELP_SERVICES = directory.services as HelpService[];
export const HELP_REVIEWED: string = directory.reviewed;

export const REGIONS = [
  { code: 'GB', name: 'United Kingdom' },
  { code: 'IE', name: 'Ireland' },
  { code: 'US', name: 'United States' },
  { code: 'CA', name: 'Canada' },
  { code: 'AU', name: 'Australia' },
  { code: 'NZ', name: 'New Zealand' },
] as const;

export type RegionCode = (typeof REGIONS)[number]['code'];

/** The region a browser locale points to (`en-US` → US); the UK when it points nowhere we cover. */
export function regionFromLocale(locale: string | undefined): RegionCode {
  const region = locale?.split(/[-_]/)[1]?.toUpperCase();
  if (region === 'UK') return 'GB';
  return REGIONS.find((r) => r.code === region)?.code ?? 'GB';
}

/** A region's services, emergency numbers first, then the region's own, then international ones. */
export function servicesFor(region: RegionCode, services: readonly HelpService[] = HELP_SERVICES): HelpService[] {
  const own = services.filter((s) => s.region === region);
  return [
    ...own.filter((s) => s.emergency),
    ...own.filter((s) => !s.emergency),
    ...services.filter((s) => s.region === 'INTL'),
  ];
}
