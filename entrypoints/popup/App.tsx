import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Celebration } from '../../components/Celebration';
import { CheckIn, type CheckInValues } from '../../components/CheckIn';
import { StreakStartForm } from '../../components/StreakStartForm';
import { StreakSummary } from '../../components/StreakSummary';
import { LockInLine } from '../../components/LockInLine';
import { ProtectionNotice } from '../../components/ProtectionNotice';
import { ProblemNotice } from '../../components/ProblemNotice';
import { SupportPeople } from '../../components/SupportPeople';
import { UrgeLog } from '../../components/UrgeLog';
import { useCrisisCard } from '../../components/useCrisisCard';
import { useLockIn } from '../../components/use-lock-in';
import { useProtection } from '../../components/use-protection';
import { historyConnection } from '../../lib/history/db';
import { addEvent } from '../../lib/history/events';
import { logUrge, type UrgeEntry } from '../../lib/history/urge-log';
import { PROBLEM_WORDS, writeProblem } from '../../lib/problems/problems';
import { loadRecoveryState, takeCelebration, type RecoveryState } from '../../lib/history/recovery-state';
import { dayOf, dayText } from '../../lib/time/days';
import { saveStreakStart } from '../../lib/history/streak-start-item';
import { currentTimeZone } from '../../lib/time/days';
import { t } from '../../lib/i18n/i18n';
import { ReminderLine } from '../../components/ReminderLine';
import { loadReminders, remindersItem, updateReminders, withDefaults, type Reminders } from '../../lib/reminders/reminders-item';
import { dismiss, snooze } from '../../lib/reminders/schedule';
import { trustedNow } from '../../lib/time/trusted-clock';

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
  // A reminder waiting (lib/reminders/): its line first. A notification's click opens this page at #checkin.
  const [reminders, setReminders] = useState<Reminders>();
  const [checkinOpen, setCheckinOpen] = useState(location.hash === '#checkin');
  useEffect(() => {
    void loadReminders()
      .then(setReminders)
      .catch((error: unknown) => console.error('steadfast: reminders', error));
    return remindersItem.watch((next) => setReminders(withDefaults(next)));
  }, []);
  const pending = reminders?.pending;
  const remindersChange = (change: (state: Reminders) => Reminders) =>
    void updateReminders(change).catch((error: unknown) => console.error('steadfast: reminders', error));
  // The region's crisis lines, offered first when a check-in reaches the crisis threshold.
  const [crisis, chooseRegion] = useCrisisCard();
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
    remindersChange((state) => dismiss(state, 'checkin'));
  }

  async function saveUrge(entry: UrgeEntry) {
    await logUrge(await historyConnection(), entry);
  }

  return (
    // `data-lock-in` says the browser has answered (tests wait on it before checking the line is absent).
    <div class="popup" data-lock-in={lockIn ? (lockIn.locked ? 'locked' : 'not-locked') : undefined}>
      {/* The first line under the page shell says what is off and how to turn it back on (issue 15, item 6). */}
      <ProtectionNotice {...protection} />
      <main>
        {state && <ProblemNotice problems={state.problems} />}
        {pending && (
          <ReminderLine
            pending={pending}
            planHref={options('plan')}
            copingHref={browser.runtime.getURL('/coping.html')}
            onCheckIn={() => setCheckinOpen(true)}
            onSnooze={() => void trustedNow().then((now) => remindersChange((state) => snooze(state, pending.kind, now)))}
            onDone={() => remindersChange((state) => dismiss(state, pending.kind))}
          />
        )}
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
        <details class="card" id="checkin" open={checkinOpen} onToggle={(event) => setCheckinOpen(event.currentTarget.open)}>
          <summary>{t('popup_checkin')}</summary>
          <CheckIn onSave={saveCheckIn} helpHref={HELP} crisis={crisis} onRegion={chooseRegion} />
        </details>
        <details class="card urge-log-card" ref={urgeLog}>
          <summary>{t('urgeLog_open')}</summary>
          <UrgeLog
            key={urgeLogKey}
            kind="full"
            heading={false}
            onSave={saveUrge}
            onSkip={skipUrgeLog}
            helpHref={HELP}
            crisis={crisis}
            onRegion={chooseRegion}
            newTab
          />
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
