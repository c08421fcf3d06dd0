import { storage } from 'wxt/utils/storage';
import { isRegionCode, regionFromLocale, type RegionCode } from './regions';

/**
 * The region the person chose for helplines, version 1. Empty (`null`) until they choose: the
 * browser's locale decides until then, so a later change of locale still counts.
 */
export const helpRegionItem = storage.defineItem<RegionCode>('local:helpRegion', { version: 1 });

/**
 * The chosen region; else the locale's; undefined when neither says, and the page asks (it never
 * guesses). A stored value we don't know is ignored, and storage that fails reads as not chosen:
 * help never waits on storage.
 */
export async function loadHelpRegion(locale: string | undefined = globalThis.navigator?.language): Promise<RegionCode | undefined> {
  const chosen = await helpRegionItem.getValue().catch(() => null);
  return isRegionCode(chosen) ? chosen : regionFromLocale(locale);
}

export async function saveHelpRegion(region: RegionCode): Promise<void> {
  if (!isRegionCode(region)) throw new Error(`Unknown help region: ${String(region)}`);
  await helpRegionItem.setValue(region);
}
