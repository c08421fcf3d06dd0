import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PlanEditor } from '../../components/PlanEditor';
import { SetbackForm, type SetbackValues } from '../../components/SetbackForm';
import { StreakStartForm } from '../../components/StreakStartForm';
import { StreakSummary } from '../../components/StreakSummary';
import { addEvent } from '../../lib/history/events';
import { loadRecoveryState, type RecoveryState } from '../../lib/history/recovery-state';
import { dayOf, instantAt, validateSetbackTime } from '../../lib/history/streak';
import { saveStreakStart } from '../../lib/history/streak-start-item';
import { currentTimeZone } from '../../lib/history/time-zone';
import { t } from '../../lib/i18n/i18n';
import type { Plan } from '../../lib/plan/plan';
import { loadPlan, planItem } from '../../lib/plan/plan-item';
import { BackupSection } from './BackupSection';
import { HostAccess } from './HostAccess';
import { SettingsSection } from './SettingsSection';
import { SyncSection } from './SyncSection';
import { TriggersSection } from './TriggersSection';

function nowTime(now: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(now);
}

/** "My recovery": the person's triggers, streak and plan, one page, help always at the top. */
export function App() {
  const [plan, setPlan] = useState<Plan>();
  const [recovery, setRecovery] = useState<RecoveryState>();
  const timeZone = currentTimeZone();
  const now = Date.now();

  useEffect(() => {
    void loadPlan().then(setPlan);
    void loadRecoveryState().then(setRecovery);
  }, []);

  async function saveStart(startedOn: string, substance: string) {
    const check = await saveStreakStart(startedOn, substance);
    if (!check.ok) return check.message;
    setRecovery(await loadRecoveryState());
    return undefined;
  }

  async function logSetback(values: SetbackValues) {
    if (!recovery) return 'Still opening your history. Try again in a moment.';
    const at = values.day && values.time ? instantAt(values.day, values.time, timeZone) : NaN;
    const check = validateSetbackTime(at, Date.now());
    if (!check.ok) return check.message;
    const answer = (text: string) => text.trim() || undefined;
    await addEvent(recovery.db, {
      type: 'setback',
      at,
      whatHappened: answer(values.whatHappened),
      whatIFelt: answer(values.whatIFelt),
      warningSignMissed: answer(values.warningSignMissed),
      whatIllChange: answer(values.whatIllChange),
    });
    setRecovery(await loadRecoveryState());
    return undefined;
  }

  return (
    <>
      <header class="top">
        <p class="brand">Steadfast</p>
        <h1>My recovery</h1>
        <nav aria-label="Sections">
          <a href="#triggers">Trigger sites</a>
          <a href="#streak">My streak</a>
          <a href={browser.runtime.getURL('/progress.html')}>{t('progress_navLink')}</a>
          <a href="#plan">My plan</a>
          <a href="#settings">Settings</a>
          <a href="#sync">{t('sync_navLink')}</a>
          <a href="#backup">Backup</a>
          <a href={browser.runtime.getURL('/welcome.html')}>{t('welcome_linkFromRecovery')}</a>
          <a class="help-link" href={browser.runtime.getURL('/help.html')}>
            Get help now
          </a>
        </nav>
      </header>
      <main class="options">
        <HostAccess />
        <TriggersSection />
        <section id="streak" class="card" aria-labelledby="streak-title">
          <h2 id="streak-title">My streak</h2>
          {recovery?.progress && <StreakSummary streak={recovery.progress.streak} substance={recovery.start?.substance} />}
          {recovery && (
            <StreakStartForm key={recovery.start?.startedOn} today={dayOf(now, timeZone)} initial={recovery.start ?? undefined} onSave={saveStart} />
          )}
          <h3 id="setback">Log a setback</h3>
          <SetbackForm today={dayOf(now, timeZone)} nowTime={nowTime(now, timeZone)} onSave={logSetback} planHref="#plan" />
        </section>
        {plan && <PlanEditor initial={plan} onSave={(next) => planItem.setValue(next)} />}
        <SettingsSection />
        <SyncSection />
        <BackupSection />
      </main>
      <footer class="options muted">
        <p>Everything you write here stays on this device. Steadfast sends nothing anywhere.</p>
        <p><a href={browser.runtime.getURL('/privacy.html')}>{t('privacy_heading')}</a></p>
      </footer>
    </>
  );
}
