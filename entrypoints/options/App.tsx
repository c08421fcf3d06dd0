import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PlanEditor } from '../../components/PlanEditor';
import { PlanSheet } from '../../components/PlanSheet';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useStoredItem } from '../../components/useStoredItem';
import { SafetyPlanView } from '../../components/SafetyPlanView';
import { SetbackForm, type SetbackFollowUp, type SetbackLearning } from '../../components/SetbackForm';
import { StreakStartForm } from '../../components/StreakStartForm';
import { StreakSummary } from '../../components/StreakSummary';
import { historyConnection } from '../../lib/history/db';
import { loadRecoveryState, type RecoveryState } from '../../lib/history/recovery-state';
import { dayOf, dayText } from '../../lib/time/days';
import { logSetbackNow, openFollowUp, saveLearning } from '../../lib/history/setback-care';
import { saveStreakStart } from '../../lib/history/streak-start-item';
import { currentTimeZone } from '../../lib/time/days';
import { categoryOf } from '../../lib/help/categories';
import { crisisLinesFor } from '../../lib/help/crisis-lines';
import { HELP_SERVICES, REGIONS, servicesFor, type RegionCode } from '../../lib/help/directory';
import { loadHelpRegion } from '../../lib/help/help-region-item';
import { loadMyServices, type MyService } from '../../lib/help/my-services';
import { t } from '../../lib/i18n/i18n';
import { withIfThenStep, type Plan } from '../../lib/plan/plan';
import { savePlan, updatePlan } from '../../lib/plan/edits';
import { loadPlan, planItem, watchPlan } from '../../lib/plan/plan-item';
import { shownSafetyPlan } from '../../lib/plan/safety-plan';
import { BIG_CHANGE_MESSAGE } from '../../lib/backup/auto-backup-run';
import { BackupSection } from './BackupSection';
import { HostAccess } from './HostAccess';
import { LockInSection } from './LockInSection';
import { PartnerSection } from './PartnerSection';
import { RemindersSection } from './RemindersSection';
import { SettingsSection } from './SettingsSection';
import { SyncSection } from './SyncSection';
import { TriggersSection } from './TriggersSection';

/**
 * Focus, section links and find-in-page must bring things into view below the stuck header, not
 * under it (WCAG 2.4.11). How tall the stuck part is depends on how many lines its nav wraps to,
 * which depends on the width, the zoom and the language, so it is measured, not guessed in CSS.
 */
function keepFocusBelow(header: HTMLElement | null): (() => void) | undefined {
  if (!header) return undefined;
  const root = document.documentElement;
  const measure = () => {
    const stuck = header.offsetHeight + (parseFloat(getComputedStyle(header).top) || 0);
    root.style.scrollPaddingTop = `${Math.max(0, Math.ceil(stuck)) + 8}px`;
  };
  const observer = new ResizeObserver(measure);
  observer.observe(header);
  // Chromium does not scroll a control that is partly in view when it takes focus, even when the
  // part in view is below the stuck header and the rest under it (Shift+Tab upwards meets this).
  const uncover = (event: FocusEvent) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || header.contains(target)) return;
    if (target.getBoundingClientRect().top < header.getBoundingClientRect().bottom) target.scrollIntoView({ block: 'nearest' });
  };
  document.addEventListener('focusin', uncover);
  return () => {
    observer.disconnect();
    document.removeEventListener('focusin', uncover);
  };
}

/**
 * Prints one plan alone: the page marks which, and its print stylesheet (style.css) hides
 * everything else, until the print dialog closes.
 */
function printSheet(sheet: 'plan' | 'safety'): void {
  const root = document.documentElement;
  root.dataset.print = sheet;
  window.addEventListener('afterprint', () => delete root.dataset.print, { once: true });
  window.print();
}

/** "My recovery": the person's triggers, streak and plan, one page, help always at the top. */
export function App() {
  // The plan as stored now, for the printed sheets (the editor saves as the person types).
  const plan = useStoredItem(planItem, { read: loadPlan }).value;
  // What the editor starts from: the first plan read.
  const [initialPlan, setInitialPlan] = useState<Plan>();
  useEffect(() => {
    if (!initialPlan && plan) setInitialPlan(plan);
  }, [initialPlan, plan]);
  // Where the person is for help: undefined until read, `null` when not known (never guessed).
  const [region, setRegion] = useState<RegionCode | null>();
  const [mine, setMine] = useState<MyService[]>([]);
  const [recovery, setRecovery] = useState<RecoveryState>();
  const [followUp, setFollowUp] = useState<SetbackFollowUp>();
  const timeZone = currentTimeZone();
  const now = Date.now();

  // The page shell (static HTML, components/page-shell.ts) stays at the top as the page scrolls.
  useEffect(() => keepFocusBelow(document.querySelector<HTMLElement>('.page-shell')), []);
  useEffect(() => {
    void loadRecoveryState().then(async (state) => {
      setRecovery(state);
      if (state.db) setFollowUp(await openFollowUp(state.db));
    });
    void loadHelpRegion().then((known) => setRegion(known ?? null));
    void loadMyServices().then(setMine);
  }, []);
  const regionName = region ? t(REGIONS.find((r) => r.code === region)!.name) : '';
  const helpReady = region !== undefined;

  async function saveStart(startedOn: string, substance: string) {
    const check = await saveStreakStart(startedOn, substance);
    if (!check.ok) return check.message;
    setRecovery(await loadRecoveryState());
    return undefined;
  }

  async function logSetback() {
    if (!recovery) return { ok: false as const, message: t('options_historyNotOpenYet') };
    const logged = await logSetbackNow(await historyConnection());
    // A big change for automatic backups, which the background cannot see in IndexedDB.
    void browser.runtime.sendMessage(BIG_CHANGE_MESSAGE).catch(() => undefined);
    setRecovery(await loadRecoveryState());
    return { ok: true as const, id: logged.id };
  }

  async function learnFromSetback(id: string, answers: SetbackLearning) {
    if (!recovery) return t('options_historyNotOpenYet');
    await saveLearning(await historyConnection(), id, answers);
    return undefined;
  }

  async function addToPlan(when: string, then: string) {
    // From what is stored now, in the configuration lock: the plan editor below hears of it and shows it.
    await updatePlan((plan) => withIfThenStep(plan, when, then));
  }

  const urgentLines = region ? crisisLinesFor(region).filter((s) => categoryOf(s.id) === 'emergency') : [];
  const directory = region ? servicesFor(region) : [];

  return (
    <>
      <header class="top">
        <h1>{t('options_heading')}</h1>
        <nav aria-label={t('options_sections')}>
          <a href="#triggers">{t('options_navTriggers')}</a>
          <a href="#streak">{t('options_navStreak')}</a>
          <a href={browser.runtime.getURL('/progress.html')}>{t('progress_navLink')}</a>
          <a href="#plan">{t('options_navPlan')}</a>
          <a href="#reminders">{t('reminders_heading')}</a>
          <a href="#settings">{t('options_navSettings')}</a>
          <a href="#partner">{t('partner_navLink')}</a>
          <a href="#sync">{t('sync_navLink')}</a>
          <a href="#backup">{t('options_navBackup')}</a>
          <a href={browser.runtime.getURL('/welcome.html')}>{t('welcome_linkFromRecovery')}</a>
        </nav>
      </header>
      <main class="options">
        {recovery && <ProblemNotice problems={recovery.problems} />}
        <HostAccess />
        <TriggersSection />
        <section id="streak" class="card" aria-labelledby="streak-title">
          <h2 id="streak-title">{t('options_streakTitle')}</h2>
          {recovery?.progress && <StreakSummary streak={recovery.progress.streak} substance={recovery.start?.substance} />}
          {recovery && (
            <StreakStartForm key={recovery.start?.startedOn} today={dayText(dayOf(now, timeZone))} initial={recovery.start ?? undefined} onSave={saveStart} />
          )}
          <h3 id="setback">{t('options_setbackTitle')}</h3>
          {recovery && helpReady && (
            <SetbackForm
              urgentLines={urgentLines}
              supportPeople={plan?.supportPeople ?? []}
              onLog={logSetback}
              totalDays={recovery.progress?.streak.totalDaysWithout}
              onLearn={learnFromSetback}
              onAddToPlan={addToPlan}
              followUp={followUp}
              planHref="#plan"
              safetyPlanHref="#safety-plan"
            />
          )}
        </section>
        {initialPlan && helpReady && (
          <PlanEditor
            initial={initialPlan}
            onSave={async (next) => void (await savePlan(next))}
            watch={watchPlan}
            pickable={{ directory, regionName, mine }}
            onPrint={printSheet}
          />
        )}
        <RemindersSection />
        <SettingsSection />
        <LockInSection />
        <PartnerSection />
        <SyncSection />
        <BackupSection />
      </main>
      {plan && (
        <div class="print-area">
          <div data-sheet="plan">
            <PlanSheet plan={plan} />
          </div>
          <div data-sheet="safety">
            <SafetyPlanView plan={shownSafetyPlan(plan, HELP_SERVICES, mine)} idPrefix="safety-sheet" />
          </div>
        </div>
      )}
      <footer class="options muted">
        <p>{t('options_privacyNote')}</p>
        <p>
          <a href={browser.runtime.getURL('/privacy.html')}>{t('privacy_heading')}</a>
        </p>
      </footer>
    </>
  );
}
