import { useEffect, useRef, useState } from 'preact/hooks';
import type { CheckInValues } from '../../components/CheckIn';
import { StreakSummary } from '../../components/StreakSummary';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useAfterPaint } from '../../components/use-after-paint';
import type { LockInStatus } from '../../lib/lockin/status';
import { historyConnection } from '../../lib/history/db';
import { addEvent } from '../../lib/history/events';
import { PROBLEM_WORDS, writeProblem } from '../../lib/problems/problems';
import { loadRecoveryState, takeCelebration, type RecoveryState } from '../../lib/history/recovery-state';
import { dayOf, dayText } from '../../lib/time/days';
import { saveStreakStart } from '../../lib/history/streak-start-item';
import { currentTimeZone } from '../../lib/time/days';
import { t } from '../../lib/i18n/i18n';

// The extension's own pages, relative to the popup (no browser API, so nothing waits for one).
const options = (section: string) => `/options.html#${section}`;
const HELP = '/help.html';
// Everything but the streak, the urge link and the links: loaded after the first paint (issue 19).
const loadLater = () => import('./later');

/** The popup: the streak at a glance, "I'm having an urge", a check-in, help and support people. */
export function App() {
  const [state, setState] = useState<RecoveryState>();
  const [celebration, setCelebration] = useState<{ days: number; reason?: string }>();
  const later = useAfterPaint(loadLater);
  // Read after the first paint, so it never holds back the streak.
  const [lockIn, setLockIn] = useState<LockInStatus>();

  async function load() {
    const loaded = await loadRecoveryState();
    setState(loaded);
    setCelebration(await takeCelebration(loaded));
  }
  useEffect(() => void load(), []);
  // A notification's click opens this page at #checkin (lib/reminders/).
  const [checkinOpen, setCheckinOpen] = useState(location.hash === '#checkin');
  // Skipping closes the log; opening it again starts a fresh one.
  const urgeLog = useRef<HTMLDetailsElement>(null);
  const [urgeLogKey, setUrgeLogKey] = useState(0);
  const skipUrgeLog = () => {
    if (urgeLog.current) urgeLog.current.open = false;
    setUrgeLogKey((k) => k + 1);
  };

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
      {later && <later.Protection />}
      <main>
        {state && <ProblemNotice problems={state.problems} />}
        {/* A reminder waiting: its line first. */}
        {later && <later.Reminder planHref={options('plan')} copingHref="/coping.html" onCheckIn={() => setCheckinOpen(true)} />}
        {later && celebration && <later.Celebration {...celebration} onDone={() => setCelebration(undefined)} />}
        {state && state.progress && <StreakSummary streak={state.progress.streak} substance={state.start?.substance} />}
        {later && state && state.start === null && (
          <section class="card" aria-labelledby="start-title">
            <h2 id="start-title">{t('popup_startHeading')}</h2>
            <later.StreakStartForm today={dayText(dayOf(Date.now(), currentTimeZone()))} onSave={saveStart} />
          </section>
        )}
        <p class="urge">
          <a class="button urge-button" href="/coping.html" target="_blank">
            {t('popup_urge')}
          </a>
        </p>
        <details class="card" id="checkin" open={checkinOpen} onToggle={(event) => setCheckinOpen(event.currentTarget.open)}>
          <summary>{t('popup_checkin')}</summary>
          {later && <later.CheckInWithCrisis onSave={saveCheckIn} helpHref={HELP} />}
        </details>
        <details class="card urge-log-card" ref={urgeLog}>
          <summary>{t('urgeLog_open')}</summary>
          {later && <later.UrgeLogWithCrisis key={urgeLogKey} onSkip={skipUrgeLog} helpHref={HELP} />}
        </details>
        {later && state?.plan && <later.SupportPeople people={state.plan.supportPeople} helpHref={HELP} />}
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
          <a href="/progress.html" target="_blank">
            {t('progress_navLink')}
          </a>
          <a href={options('triggers')} target="_blank">
            {t('popup_triggerSites')}
          </a>
        </nav>
        {later && <later.LockIn onStatus={setLockIn} />}
      </main>
    </div>
  );
}
