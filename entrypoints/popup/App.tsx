import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Celebration } from '../../components/Celebration';
import { CheckIn, type CheckInValues } from '../../components/CheckIn';
import { StreakStartForm } from '../../components/StreakStartForm';
import { StreakSummary } from '../../components/StreakSummary';
import { LockInLine } from '../../components/LockInLine';
import { ProtectionNotice } from '../../components/ProtectionNotice';
import { ProblemNotice } from '../../components/ProblemNotice';
import { SupportPeople } from '../../components/SupportPeople';
import { useCrisisCard } from '../../components/useCrisisCard';
import { useLockIn } from '../../components/use-lock-in';
import { useProtection } from '../../components/use-protection';
import { historyConnection } from '../../lib/history/db';
import { addEvent } from '../../lib/history/events';
import { PROBLEM_WORDS, writeProblem } from '../../lib/problems/problems';
import { loadRecoveryState, takeCelebration, type RecoveryState } from '../../lib/history/recovery-state';
import { dayOf, dayText } from '../../lib/time/days';
import { saveStreakStart } from '../../lib/history/streak-start-item';
import { currentTimeZone } from '../../lib/time/days';
import { t } from '../../lib/i18n/i18n';

const options = (section: string) => `${browser.runtime.getURL('/options.html')}#${section}`;
const HELP = browser.runtime.getURL('/help.html');

/** The popup: the streak at a glance, "I'm having an urge", a check-in, help and support people. */
export function App() {
  const [state, setState] = useState<RecoveryState>();
  const [celebration, setCelebration] = useState<{ days: number; reason?: string }>();
  const protection = useProtection();
  // Read after the first paint, so it never holds back the streak.
  const lockIn = useLockIn();

  async function load() {
    const loaded = await loadRecoveryState();
    setState(loaded);
    setCelebration(await takeCelebration(loaded));
  }
  useEffect(() => void load(), []);
  // The region's crisis lines, offered first when a check-in reaches the crisis threshold.
  const [crisis, chooseRegion] = useCrisisCard();

  async function saveStart(startedOn: string, substance: string) {
    let check: Awaited<ReturnType<typeof saveStreakStart>>;
    try {
      check = await saveStreakStart(startedOn, substance);
    } catch (error) {
      return t(PROBLEM_WORDS[writeProblem(error)]);
    }
    if (!check.ok) return check.message;
    await load();
    return undefined;
  }

  async function saveCheckIn(values: CheckInValues) {
    // Never thank the person for a check-in that was not saved: a failed open or write rejects, and
    // CheckIn says so and offers to try again (which opens the history afresh).
    await addEvent(await historyConnection(), { type: 'checkin', ...values, note: values.note || undefined });
  }

  return (
    // `data-lock-in` says the browser has answered (tests wait on it before checking the line is absent).
    <div class="popup" data-lock-in={lockIn ? (lockIn.locked ? 'locked' : 'not-locked') : undefined}>
      {/* The first line under the page shell says what is off and how to turn it back on (issue 15, item 6). */}
      <ProtectionNotice {...protection} />
      <main>
        {state && <ProblemNotice problems={state.problems} />}
        {celebration && <Celebration {...celebration} onDone={() => setCelebration(undefined)} />}
        {state && state.progress && <StreakSummary streak={state.progress.streak} substance={state.start?.substance} />}
        {state && state.start === null && (
          <section class="card" aria-labelledby="start-title">
            <h2 id="start-title">{t('popup_startHeading')}</h2>
            <StreakStartForm today={dayText(dayOf(Date.now(), currentTimeZone()))} onSave={saveStart} />
          </section>
        )}
        <p class="urge">
          <a class="button urge-button" href={browser.runtime.getURL('/coping.html')} target="_blank">
            {t('popup_urge')}
          </a>
        </p>
        <details class="card">
          <summary>{t('popup_checkin')}</summary>
          <CheckIn onSave={saveCheckIn} helpHref={HELP} crisis={crisis} onRegion={chooseRegion} />
        </details>
        {state?.plan && <SupportPeople people={state.plan.supportPeople} helpHref={HELP} />}
        <nav class="popup-links" aria-label={t('popup_moreLinks')}>
          <a href={options('plan')} target="_blank">
            {t('popup_myPlan')}
          </a>
          <a href={options('setback')} target="_blank">
            {t('popup_logSetback')}
          </a>
          <a href={options('streak')} target="_blank">
            {t('popup_myStreak')}
          </a>
          <a href={browser.runtime.getURL('/progress.html')} target="_blank">
            {t('progress_navLink')}
          </a>
          <a href={options('triggers')} target="_blank">
            {t('popup_triggerSites')}
          </a>
        </nav>
        <LockInLine status={lockIn} />
      </main>
    </div>
  );
}
