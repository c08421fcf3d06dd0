import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Celebration } from '../../components/Celebration';
import { ContinueAnyway } from '../../components/ContinueAnyway';
import { CopingPrompt } from '../../components/CopingPrompt';
import { FourBoxes } from '../../components/FourBoxes';
import { PlanSummary } from '../../components/PlanSummary';
import { ProblemNotice } from '../../components/ProblemNotice';
import { SupportPeople } from '../../components/SupportPeople';
import { ALLOW_MINUTES } from '../../lib/blocking/allowance';
import type { ContinueMessage, ContinueReply, PauseShownMessage } from '../../lib/blocking/continue-message';
import { pausedUrlFromHash } from '../../lib/blocking/paused-url';
import { hasCostBenefit } from '../../lib/plan/cost-benefit';
import { InterventionLog } from '../../lib/history/intervention';
import { takeCelebration, type RecoveryState } from '../../lib/history/recovery-state';
import { pauseStreakWords } from '../../lib/history/streak-words';
import { isListTrigger } from '../../lib/triggers/blocklist';
import { clip } from '../../lib/triggers/site-name';
import { t } from '../../lib/i18n/i18n';
import { part, withParts } from '../../lib/i18n/with-parts';
import { uniqueProblems } from '../../lib/problems/problems';
import { startPauseReads, type PauseFirst, type PauseReads } from '../../lib/pause/pause-reads';

/** The urge log, loaded only when asked for: the pause page's first screen never waits on it. */
interface UrgeLogParts {
  UrgeLog: typeof import('../../components/UrgeLog').UrgeLog;
  logUrge: typeof import('../../lib/history/urge-log').logUrge;
}

/**
 * `reads`: started by main.tsx before the first paint; `shown`: what they gave, when main.tsx
 * already has it, so the first render holds the plan (a test may leave both to the page).
 */
export function App({ hash, inFrame, reads: started, shown }: { hash: string; inFrame: boolean; reads?: PauseReads; shown?: PauseFirst }) {
  const paused = useMemo(() => pausedUrlFromHash(hash), [hash]);
  // main.tsx starts the reads before the first paint; a test may leave that to the page.
  const [reads] = useState(() => started ?? startPauseReads(paused?.href));
  // What shows first (plan, prompt, support people: storage only), then the streak (the history).
  const [first, setFirst] = useState<PauseFirst | undefined>(shown);
  const [history, setHistory] = useState<{ recovery: RecoveryState; celebration?: { days: number; reason?: string } }>();
  const [celebrating, setCelebrating] = useState(true);
  const planHref = `${browser.runtime.getURL('/options.html')}#plan`;
  // The outcome goes to the background too: this page may be gone before its own write lands.
  const [log] = useState(
    () =>
      new InterventionLog(
        reads.history.then((r) => r.db ?? Promise.reject(new Error('no history'))),
        (message) => void browser.runtime.sendMessage(message).catch(() => {}),
      ),
  );

  useEffect(() => {
    // The wait is the background's: it starts counting now, by its own clocks (lib/blocking/pause-wait.ts).
    if (paused && !inFrame) void browser.runtime.sendMessage({ type: 'steadfast:pause-shown' } satisfies PauseShownMessage).catch(() => {});
    let live = true;
    // Each read on its own: storage or the history failing never hides the plan and help it can read.
    void reads.first.then((shown) => {
      if (!live) return;
      setFirst(shown);
      if (paused && !inFrame) log.shown(shown.trigger?.display ?? paused.host);
    });
    void reads.history.then(async (recovery) => {
      const celebration = await takeCelebration(recovery);
      if (live) setHistory({ recovery, celebration });
    });
    // Leaving any other way than "Take me away" (closing the tab, typing elsewhere) still turned back.
    const onHide = () => void log.outcome('closed').catch(() => {});
    addEventListener('pagehide', onHide);
    return () => {
      live = false;
      removeEventListener('pagehide', onHide);
    };
  }, [paused, inFrame, reads, log]);

  const [urgeLog, setUrgeLog] = useState<'closed' | 'loading' | UrgeLogParts>('closed');
  const urgeLogButton = useRef<HTMLButtonElement>(null);
  async function openUrgeLog() {
    setUrgeLog('loading');
    try {
      const [{ UrgeLog }, { logUrge }] = await Promise.all([import('../../components/UrgeLog'), import('../../lib/history/urge-log')]);
      setUrgeLog({ UrgeLog, logUrge });
    } catch (error) {
      // For whoever reads the console, in English; the button comes back to try again.
      console.error(new Error('Steadfast could not load the urge log', { cause: error }));
      setUrgeLog('closed');
    }
  }
  function closeUrgeLog() {
    setUrgeLog('closed');
    // The log replaced its button: give focus back to it.
    requestAnimationFrame(() => urgeLogButton.current?.focus());
  }

  async function takeMeAway(event: Event) {
    event.preventDefault();
    // Record first, but never keep the person waiting on it for long.
    await Promise.race([log.outcome('left').catch(() => {}), new Promise((resolve) => setTimeout(resolve, 300))]);
    location.assign(planHref);
  }

  async function continueAnyway(minutes: number): Promise<string | undefined> {
    if (!paused) return t('pause_noSite');
    const message: ContinueMessage = { type: 'steadfast:continue', url: paused.href, minutes };
    const reply = (await browser.runtime.sendMessage(message)) as ContinueReply;
    if (!reply.ok) return reply.message;
    await Promise.race([log.outcome('continued').catch(() => {}), new Promise((resolve) => setTimeout(resolve, 300))]);
    // `paused.href` was parsed and checked to be http(s) (pausedUrlFromHash).
    location.replace(paused.href);
    return undefined;
  }

  const streak = history?.recovery.progress?.streak;
  const pauseWords = streak && pauseStreakWords(streak);
  // The plan as first read; the history's copy is the same read.
  const plan = first?.plan;
  const what = first?.trigger?.display ?? paused?.host;
  const listTrigger = first?.trigger && isListTrigger(first.trigger) ? first.trigger : undefined;
  const problems = first && uniqueProblems([...first.problems, ...(history?.recovery.problems ?? [])]);
  const why =
    first?.trigger?.kind === 'keyword'
      ? t('pause_pausedKeyword', [part(0)])
      : !what
        ? t('pause_pausedUnknown')
        : listTrigger
          ? t('pause_pausedListSite', [part(0), clip(listTrigger.listName)])
          : t('pause_pausedSite', [part(0)]);
  return (
    <main class="pause">
      {problems && <ProblemNotice problems={problems} />}
      <p class="paused-site" role="status">
        {withParts(why, [<strong class="site-name">{what}</strong>])}
      </p>
      {first?.trigger?.mode === 'block' && <p class="muted block-note">{t('pause_blockNote')}</p>}
      {paused && paused.shown !== what && (
        <p class="muted paused-address">{withParts(t('pause_address', [part(0)]), [<span class="paused-url">{paused.shown}</span>])}</p>
      )}
      {inFrame ? (
        <p>{t('pause_frameClosed')}</p>
      ) : (
        <>
          <p class="actions">
            <a class="button take-away" href={planHref} onClick={takeMeAway}>
              {t('pause_takeMeAway')}
            </a>
          </p>
          {history?.celebration && celebrating && <Celebration {...history.celebration} onDone={() => setCelebrating(false)} />}
          {pauseWords && (
            <p class="pause-streak">{withParts(pauseWords.text, pauseWords.figure === undefined ? [] : [<strong>{pauseWords.figure}</strong>])}</p>
          )}
          {first && <CopingPrompt prompt={first.prompt} />}
          <p class="actions">
            <a class="button quiet" href={browser.runtime.getURL('/coping.html')}>
              {t('pause_moreWays')}
            </a>
            {typeof urgeLog === 'string' && (
              <button type="button" class="quiet" ref={urgeLogButton} disabled={urgeLog === 'loading'} onClick={() => void openUrgeLog()}>
                {t('urgeLog_open')}
              </button>
            )}
          </p>
          {typeof urgeLog === 'object' && (
            <section class="card pause-urge-log">
              <urgeLog.UrgeLog
                kind="full"
                focusOnOpen
                initialSetOffs={paused ? ['site'] : []}
                helpHref={browser.runtime.getURL('/help.html')}
                onSkip={closeUrgeLog}
                onSave={async (entry) => {
                  const { db } = await reads.history;
                  if (!db) throw new Error('Steadfast could not open its history');
                  await urgeLog.logUrge(db, entry);
                }}
              />
            </section>
          )}
          {plan && <PlanSummary plan={plan} editHref={planHref} />}
          {plan && hasCostBenefit(plan) && <FourBoxes plan={plan} editHref={`${browser.runtime.getURL('/options.html')}#four-boxes`} />}
          {paused && first?.trigger?.mode === 'pause' && first.waitSeconds !== undefined && (
            <ContinueAnyway waitSeconds={first.waitSeconds} minutes={ALLOW_MINUTES} onContinue={continueAnyway} />
          )}
          {plan && <SupportPeople people={plan.supportPeople} helpHref={browser.runtime.getURL('/help.html')} />}
        </>
      )}
    </main>
  );
}
