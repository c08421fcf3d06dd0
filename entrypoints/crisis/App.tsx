import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { showCrisisRegion } from '../../components/crisis-numbers';
import { ReachOut } from '../../components/exercises/ReachOut';
import { HelpRegion } from '../../components/HelpRegion';
import type { RegionCode } from '../../lib/help/directory';
import { loadHelpRegion, saveHelpRegion } from '../../lib/help/help-region-item';
import { t } from '../../lib/i18n/i18n';
import type { Plan } from '../../lib/plan/plan';
import { loadPlan } from '../../lib/plan/plan-item';

/**
 * Above the numbers: "Help in the United Kingdom · change", or the question when the place is not
 * known. It orders the static numbers (components/crisis-numbers.ts); if storage fails, the
 * browser language decides, and if that says nothing, every region stays on screen.
 */
export function RegionLine({ locale }: { locale: string }) {
  const [region, setRegion] = useState<RegionCode | undefined>();
  const [known, setKnown] = useState(false);
  const [saveFailed, setSaveFailed] = useState(false);

  useEffect(() => {
    void loadHelpRegion(locale).then((found) => {
      setRegion(found);
      setKnown(true);
    });
  }, []);
  useEffect(() => {
    if (known) showCrisisRegion(document, region);
  }, [known, region]);

  function choose(next: RegionCode) {
    setRegion(next);
    saveHelpRegion(next).then(
      () => setSaveFailed(false),
      () => setSaveFailed(true),
    );
  }

  if (!known) return null;
  return (
    <>
      <HelpRegion region={region} onChoose={choose} />
      <p class="error" role="status">
        {saveFailed && t('help_regionSaveFailed')}
      </p>
    </>
  );
}

/** Below the numbers: the person's own safety plan and support people. */
export function App() {
  const [plan, setPlan] = useState<Plan>();
  const [failed, setFailed] = useState(false);
  const planHref = `${browser.runtime.getURL('/options.html')}#plan`;

  useEffect(() => {
    loadPlan().then(setPlan, () => setFailed(true));
  }, []);

  return (
    <section class="crisis-people" aria-labelledby="crisis-people-title">
      {/*
        SAFETY PLAN SLOT (issue 16, item 2). The lead puts the person's safety plan here, from the
        `safety-plan` branch: <SafetyPlanView … /> (components/SafetyPlanView.tsx), loaded like the
        plan below and shown before the support people. Nothing else on this page needs to change.
      */}
      <h2 id="crisis-people-title">{t('crisis_peopleHeading')}</h2>
      {failed && <p role="alert">{t('crisis_planFailed')}</p>}
      {plan && <ReachOut people={plan.supportPeople} helpHref={browser.runtime.getURL('/help.html')} planHref={planHref} />}
    </section>
  );
}
