import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CheckInValues } from '../../components/CheckIn';
import { StreakSummary } from '../../components/StreakSummary';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useAfterPaint } from '../../components/use-after-paint';
import type { LockInStatus } from '../../lib/lockin/status';
import { historyConnection } from '../../lib/history/db';
import { addEvent } from '../../lib/history/events';
import { PROBLEM_WORDS, writeProblem } from '../../lib/problems/problems';
import { readRecovery, takeCelebration, type RecoveryReads, type RecoveryState, type StreakReading } from '../../lib/history/recovery-state';
import { dayOf, dayText } from '../../lib/time/days';
import { saveStreakStart } from '../../lib/history/streak-start-item';
import { currentTimeZone } from '../../lib/time/days';
import { t } from '../../lib/i18n/i18n';

// The extension's own pages, relative to the popup (no browser API, so nothing waits for one).
const options = (section: string) => `/options.html#${section}`;
const HELP = '/help.html';
// Everything but the streak, the urge link and the links: loaded after the first paint (issue 19).
const loadLater = () => import('./later');

/**
 * The popup: the streak at a glance, "I'm having an urge", a check-in, help and support people.
 * `reads`: the reads main.tsx started while the script was still being evaluated (issue 19).
 */
export function App({ reads: started }: { reads?: RecoveryReads }) {
  const [reads, setReads] = useState(() => started ?? readRecovery());
  // The streak first; the plan and the milestones (written to the history) come after it.
  // Each kept with the reads it came from: after a new start day is saved, the new reads' answers
  // are never mixed with the old ones (a streak of the new day with the old day's words).
  const [first, setFirst] = useState<{ of: RecoveryReads; reading: StreakReading }>();
  const [state, setState] = useState<{ of: RecoveryReads; loaded: RecoveryState }>();
  const [celebration, setCelebration] = useState<{ days: number; reason?: string }>();
  // The rest comes once the streak (or what stopped it) is drawn: fetching it sooner holds the streak back.
  const later = useAfterPaint(loadLater, first !== undefined || state !== undefined);
  // Read after the first paint, so it never holds back the streak.
  const [lockIn, setLockIn] = useState<LockInStatus>();

  // A layout effect: it runs as the first render commits, so a read already in does not wait for the paint.
  useLayoutEffect(() => {
    let live = true;
    void reads.streak.then((reading) => live && setFirst({ of: reads, reading }));
    void reads.state.then(async (loaded) => {
      if (!live) return;
      setState({ of: reads, loaded });
      const due = await takeCelebration(loaded);
      if (live) setCelebration(due);
    });
    return () => {
      live = false;
    };
  }, [reads]);
  // What the current reads gave; until they have answered, all of what the last ones gave.
  const current = first?.of === reads || state?.of === reads;
  const reading = current ? (first?.of === reads ? first.reading : undefined) : first?.reading;
  const loaded = current ? (state?.of === reads ? state.loaded : undefined) : state?.loaded;
  const streak = loaded?.progress?.streak ?? reading?.streak;
  const start = loaded ? loaded.start : reading?.start;
  const problems = loaded?.problems ?? reading?.problems;
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
    const next = readRecovery();
    setReads(next);
    await next.state;
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
        {problems && <ProblemNotice problems={problems} />}
        {/* A reminder waiting: its line first. */}
        {later && <later.Reminder planHref={options('plan')} copingHref="/coping.html" onCheckIn={() => setCheckinOpen(true)} />}
        {later && celebration && <later.Celebration {...celebration} onDone={() => setCelebration(undefined)} />}
        {streak && <StreakSummary streak={streak} substance={start?.substance} />}
        {later && start === null && (
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
        {later && loaded?.plan && <later.SupportPeople people={loaded.plan.supportPeople} helpHref={HELP} />}
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
