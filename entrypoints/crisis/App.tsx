import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { showCrisisRegion } from '../../components/crisis-numbers';
import { ReachOut } from '../../components/exercises/ReachOut';
import { HelpRegion } from '../../components/HelpRegion';
import type { RegionCode } from '../../lib/help/directory';
import { loadHelpRegion, saveHelpRegion } from '../../lib/help/help-region-item';
import { t } from '../../lib/i18n/i18n';
import type { Plan } from '../../lib/plan/plan';
import { loadPlan } from '../../lib/plan/plan-item';
import { loadMyServices } from '../../lib/help/my-services';
import { isSafetyPlanEmpty, shownSafetyPlan, type ShownSafetyPlan } from '../../lib/plan/safety-plan';
import { SafetyPlanView } from '../../components/SafetyPlanView';

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
  }, [locale]);
  // Before the browser paints: "Help in …" and their region's numbers first come in the same frame.
  useLayoutEffect(() => {
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
  const [safety, setSafety] = useState<ShownSafetyPlan>();
  const [failed, setFailed] = useState(false);
  const planHref = `${browser.runtime.getURL('/options.html')}#plan`;

  useEffect(() => {
    loadPlan().then(setPlan, () => setFailed(true));
  }, []);
  // The services a safety plan names are looked up in the directory, which this page's numbers do
  // not need: it loads after them, and a failure leaves the rest of the page as it is.
  useEffect(() => {
    if (!plan) return;
    void Promise.all([import('../../lib/help/directory'), loadMyServices().catch(() => [])])
      .then(([help, mine]) => setSafety(shownSafetyPlan(plan, help.HELP_SERVICES, mine)))
      .catch(() => setFailed(true));
  }, [plan]);

  return (
    <section class="crisis-people" aria-labelledby="crisis-people-title">
      {safety && !isSafetyPlanEmpty(safety) && (
        <SafetyPlanView plan={safety} editHref={`${browser.runtime.getURL('/options.html')}#safety-plan`} idPrefix="crisis-safety" />
      )}
      <h2 id="crisis-people-title">{t('crisis_peopleHeading')}</h2>
      {failed && <p role="alert">{t('crisis_planFailed')}</p>}
      {plan && <ReachOut people={plan.supportPeople} helpHref={browser.runtime.getURL('/help.html')} planHref={planHref} />}
    </section>
  );
}
