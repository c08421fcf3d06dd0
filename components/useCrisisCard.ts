import { useEffect, useState } from 'preact/hooks';
import type { CrisisCard } from '../lib/help/crisis-lines';
import type { RegionCode } from '../lib/help/directory';

/**
 * The crisis card for a page: loaded after the first paint (the directory is not needed to draw a
 * page), and a place the person chooses shows at once and is remembered. A failed save changes
 * nothing on screen: the numbers shown are still the ones for the place they chose.
 */
export function useCrisisCard(locale?: string): [CrisisCard | undefined, (region: RegionCode) => void] {
  const [card, setCard] = useState<CrisisCard>();
  useEffect(() => {
    void import('../lib/help/crisis-lines').then((help) => help.loadCrisisCard(locale)).then(setCard);
  }, [locale]);
  const choose = (region: RegionCode) => {
    void import('../lib/help/crisis-lines').then((help) => setCard(help.crisisCardFor(region)));
    void import('../lib/help/help-region-item').then((item) => item.saveHelpRegion(region)).catch(() => {});
  };
  return [card, choose];
}
