import { categoryOf } from './categories';
import { HELP_SERVICES, servesRegion, servicesFor, type HelpService, type RegionCode } from './directory';

/**
 * Where the browser goes when Steadfast is removed: the region's drug service (FRANK in the UK),
 * so that removing it in a weak moment still ends next to help. Only http(s) addresses from the
 * reviewed directory; the international fallback when a region has none.
 */
export function uninstallHelpUrl(region: RegionCode, services: readonly HelpService[] = HELP_SERVICES): string | undefined {
  const withSite = servicesFor(region, services).filter((s) => s.url && /^https?:\/\//.test(s.url));
  const own = withSite.filter((s) => servesRegion(s, region));
  return (own.find((s) => categoryOf(s.id) === 'drugs') ?? own.find((s) => categoryOf(s.id) !== 'emergency') ?? withSite[0])?.url ?? undefined;
}
