import { storage } from 'wxt/utils/storage';
import { isRegionCode, regionFromLocale, type RegionCode } from './directory';

/**
 * The region the person chose on the help page, version 1. Empty (`null`) until they choose:
 * the browser's locale decides until then, so a later change of locale still counts.
 */
export const helpRegionItem = storage.defineItem<RegionCode>('local:helpRegion', { version: 1 });

/** The chosen region; else the locale's; else the UK. A stored value we don't know is ignored. */
export async function loadHelpRegion(locale: string | undefined = globalThis.navigator?.language): Promise<RegionCode> {
  const chosen = await helpRegionItem.getValue();
  return isRegionCode(chosen) ? chosen : regionFromLocale(locale);
}

export async function saveHelpRegion(region: RegionCode): Promise<void> {
  if (!isRegionCode(region)) throw new Error(`Unknown help region: ${String(region)}`);
  await helpRegionItem.setValue(region);
}
