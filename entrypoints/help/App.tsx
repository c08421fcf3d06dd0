import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { HelpDirectory } from '../../components/HelpDirectory';
import { KetamineHealthCard } from '../../components/KetamineHealthCard';
import { MyServices } from '../../components/MyServices';
import { formatReviewed, HELP_REVIEWED, helpSectionsFor, REGIONS, regionFromLocale, type RegionCode } from '../../lib/help/directory';
import { healthCardItem, healthCardPlaces } from '../../lib/help/health-card';
import { loadHelpRegion, saveHelpRegion } from '../../lib/help/help-region-item';
import { loadMyServices, myServicesItem, withService, type MyService, type MyServiceInput } from '../../lib/help/my-services';
import { t } from '../../lib/i18n/i18n';
import { part, withParts } from '../../lib/i18n/with-parts';

/** Help, one click from every screen: the person's own services, then emergency numbers first. */
export function App({ locale }: { locale: string }) {
  const [region, setRegion] = useState<RegionCode>(regionFromLocale(locale));
  const [mine, setMine] = useState<MyService[]>([]);
  // Decided once, when the page opens: a section that moved as the person edited it would lose their place.
  const [mineFirst, setMineFirst] = useState(false);
  const [healthOpen, setHealthOpen] = useState<boolean>();

  useEffect(() => {
    void loadHelpRegion(locale).then(setRegion);
    void healthCardItem.getValue().then(setHealthOpen);
    void loadMyServices().then((list) => {
      setMine(list);
      setMineFirst(list.length > 0);
    });
    // Another help tab may change them too.
    return myServicesItem.watch(() => void loadMyServices().then(setMine));
  }, []);

  function chooseRegion(next: RegionCode) {
    setRegion(next);
    void saveHelpRegion(next);
  }

  async function saveService(input: MyServiceInput, id?: string) {
    // Read afresh, so a change made in another tab is not lost.
    const result = withService(await loadMyServices(), input, id);
    if (!result.ok) return { field: result.field, message: result.message };
    await myServicesItem.setValue(result.list);
    setMine(result.list);
    return undefined;
  }

  async function removeService(id: string) {
    const list = (await loadMyServices()).filter((s) => s.id !== id);
    await myServicesItem.setValue(list);
    setMine(list);
  }

  const sections = helpSectionsFor(region);
  const myServices = <MyServices services={mine} onSave={saveService} onRemove={removeService} />;
  return (
    <main class="help">
      <p class="brand">{t('extName')}</p>
      <h1>{t('common_getHelpNow')}</h1>
      <p>{t('help_intro')}</p>
      {mineFirst && myServices}
      <p class="region">
        <label for="region">{t('help_whereYouAre')}</label>{' '}
        <select id="region" value={region} onChange={(e) => chooseRegion(e.currentTarget.value as RegionCode)}>
          {REGIONS.map((r) => (
            <option key={r.code} value={r.code}>
              {t(r.name)}
            </option>
          ))}
        </select>
      </p>
      {region === 'INTL' && (
        <p class="card emergency-elsewhere">
          {withParts(t('help_emergencyElsewhere', [part(0)]), [<strong>{t('help_emergencyElsewhereCall')}</strong>])}
        </p>
      )}
      <HelpDirectory sections={sections} reviewed={formatReviewed(HELP_REVIEWED)} />
      {healthOpen !== undefined && (
        <KetamineHealthCard
          open={healthOpen}
          onToggle={(open) => {
            if (open === healthOpen) return;
            setHealthOpen(open);
            void healthCardItem.setValue(open);
          }}
          places={healthCardPlaces(region)}
        />
      )}
      {!mineFirst && myServices}
      <p>
        <a href={`${browser.runtime.getURL('/options.html')}#plan`}>{t('help_myPlanLink')}</a>
      </p>
    </main>
  );
}
