import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { HelpDirectory } from '../../components/HelpDirectory';
import { HelpRegion } from '../../components/HelpRegion';
import { KetamineHealthCard } from '../../components/KetamineHealthCard';
import { MyServices } from '../../components/MyServices';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useProblems } from '../../components/useProblems';
import { useStoredItem } from '../../components/useStoredItem';
import { formatReviewed, HELP_REVIEWED, helpSectionsFor, regionFromLocale, type RegionCode } from '../../lib/help/directory';
import { healthCardItem, healthCardPlaces } from '../../lib/help/health-card';
import { loadHelpRegion, saveHelpRegion } from '../../lib/help/help-region-item';
import { loadMyServices, myServicesItem, withService, type MyServiceInput } from '../../lib/help/my-services';
import { t } from '../../lib/i18n/i18n';
import { part, withParts } from '../../lib/i18n/with-parts';

/** Help, one click from every screen: the person's own services, then emergency numbers first. */
export function App({ locale }: { locale: string }) {
  // Undefined until the person says where they are, when their browser language does not: the page asks.
  const [region, setRegion] = useState<RegionCode | undefined>(regionFromLocale(locale));
  const [saveFailed, setSaveFailed] = useState(false);
  // Kept in step with storage: another help tab may change them too.
  const stored = useStoredItem(myServicesItem, { read: loadMyServices });
  const mine = stored.value ?? [];
  // Decided once, when the page opens: a section that moved as the person edited it would lose their place.
  const [mineFirst, setMineFirst] = useState<boolean>();
  useEffect(() => {
    if (mineFirst === undefined && stored.value) setMineFirst(stored.value.length > 0);
  }, [mineFirst, stored.value]);
  const [healthOpen, setHealthOpen] = useState<boolean>();
  // Storage failing hides nothing of the help: the card shows closed, the directory is built in.
  const [problems, report] = useProblems();
  useEffect(() => {
    if (stored.error !== undefined) report('storage', stored.error);
  }, [stored.error, report]);

  useEffect(() => {
    void loadHelpRegion(locale).then(setRegion);
    healthCardItem.getValue().then(setHealthOpen, (error: unknown) => {
      setHealthOpen(false);
      report('storage', error);
    });
  }, [locale, report]);

  function chooseRegion(next: RegionCode) {
    setRegion(next);
    saveHelpRegion(next).then(
      () => setSaveFailed(false),
      () => setSaveFailed(true),
    );
  }

  async function saveService(input: MyServiceInput, id?: string) {
    // Read afresh, so a change made in another tab is not lost.
    const result = withService(await loadMyServices(), input, id);
    if (!result.ok) return { field: result.field, message: result.message };
    await myServicesItem.setValue(result.list);
    return undefined;
  }

  async function removeService(id: string) {
    const list = (await loadMyServices()).filter((s) => s.id !== id);
    await myServicesItem.setValue(list);
  }

  // Before the person has said where they are: what helps anywhere, with the local emergency number.
  const sections = helpSectionsFor(region ?? 'INTL');
  const myServices = <MyServices services={mine} onSave={saveService} onRemove={removeService} />;
  return (
    <main class="help">
      <h1>{t('common_getHelpNow')}</h1>
      <p>{t('help_intro')}</p>
      <ProblemNotice problems={problems} />
      {mineFirst && myServices}
      <div class="region">
        <HelpRegion region={region} onChoose={chooseRegion} />
        <p class="error" role="status">
          {saveFailed && t('help_regionSaveFailed')}
        </p>
      </div>
      {(region === 'INTL' || region === undefined) && (
        <p class="card emergency-elsewhere">{withParts(t('help_emergencyElsewhere', [part(0)]), [<strong>{t('help_emergencyElsewhereCall')}</strong>])}</p>
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
          places={healthCardPlaces(region ?? 'INTL')}
        />
      )}
      {!mineFirst && myServices}
      <p>
        <a href={`${browser.runtime.getURL('/options.html')}#plan`}>{t('help_myPlanLink')}</a>
      </p>
    </main>
  );
}
