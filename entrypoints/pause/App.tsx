import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Celebration } from '../../components/Celebration';
import { CopingPrompt } from '../../components/CopingPrompt';
import { PlanSummary } from '../../components/PlanSummary';
import { SupportPeople } from '../../components/SupportPeople';
import { pausedUrlFromHash } from '../../lib/blocking/paused-url';
import { choosePrompt, personalPrompts, rememberShown } from '../../lib/coping/choose-prompt';
import { COPING_PROMPTS, type Prompt } from '../../lib/coping/prompts';
import { recentPromptsItem } from '../../lib/coping/recent-prompts-item';
import { InterventionLog } from '../../lib/history/intervention';
import { loadRecoveryState, takeCelebration, type RecoveryState } from '../../lib/history/recovery-state';
import { matchTrigger } from '../../lib/triggers/match-trigger';
import { triggerListItem } from '../../lib/triggers/trigger-list';

interface Loaded {
  recovery: RecoveryState;
  celebration?: { days: number; reason?: string };
  prompt: Prompt;
  /** How the person wrote the trigger that caught this page, when it is still in the list. */
  triggerName?: string;
}

export function App({ hash, inFrame }: { hash: string; inFrame: boolean }) {
  const paused = pausedUrlFromHash(hash);
  const [loaded, setLoaded] = useState<Loaded>();
  const [celebrating, setCelebrating] = useState(true);
  const planHref = `${browser.runtime.getURL('/options.html')}#plan`;
  const recovery = useMemo(() => loadRecoveryState(), []);
  const log = useMemo(() => new InterventionLog(recovery.then((r) => r.db)), []);

  useEffect(() => {
    void (async () => {
      const [state, triggers, recent] = await Promise.all([recovery, triggerListItem.getValue(), recentPromptsItem.getValue()]);
      const trigger = paused ? matchTrigger(paused.href, triggers) : undefined;
      if (paused && !inFrame) log.shown(trigger?.display ?? paused.host);
      const prompt = choosePrompt([...COPING_PROMPTS, ...personalPrompts(state.plan.copingStrategies)], recent);
      await recentPromptsItem.setValue(rememberShown(recent, prompt.id));
      setLoaded({ recovery: state, prompt, triggerName: trigger?.display, celebration: await takeCelebration(state) });
    })();
    // Leaving any other way than "Take me away" (closing the tab, typing elsewhere) still turned back.
    const onHide = () => void log.outcome('closed');
    addEventListener('pagehide', onHide);
    return () => removeEventListener('pagehide', onHide);
  }, []);

  async function takeMeAway(event: Event) {
    event.preventDefault();
    // Record first, but never keep the person waiting on it for long.
    await Promise.race([log.outcome('left'), new Promise((resolve) => setTimeout(resolve, 300))]);
    location.assign(planHref);
  }

  const streak = loaded?.recovery.progress?.streak;
  const plan = loaded?.recovery.plan;
  const what = loaded?.triggerName ?? paused?.host;
  return (
    <main class="pause">
      <p class="paused-site" role="status">
        {what ? (
          <>
            Steadfast paused <strong class="site-name">{what}</strong> for you, as you asked.
          </>
        ) : (
          'Steadfast paused a site for you, as you asked.'
        )}
      </p>
      {paused && paused.shown !== what && (
        <p class="muted paused-address">
          Address: <span class="paused-url">{paused.shown}</span>
        </p>
      )}
      {inFrame ? (
        <p>This part of the page was one of your trigger sites, so it stays closed.</p>
      ) : (
        <>
          <p class="actions">
            <a class="button take-away" href={planHref} onClick={takeMeAway}>
              Take me away
            </a>
          </p>
          {loaded?.celebration && celebrating && <Celebration {...loaded.celebration} onDone={() => setCelebrating(false)} />}
          {streak && (
            <p class="pause-streak">
              You're on <strong>Day {streak.currentDay}</strong>. Closing this page keeps it going.
            </p>
          )}
          {loaded && <CopingPrompt prompt={loaded.prompt} />}
          <p class="actions">
            <a class="button quiet" href={browser.runtime.getURL('/coping.html')}>
              More ways to ride out an urge
            </a>
          </p>
          {plan && <PlanSummary plan={plan} editHref={planHref} />}
          {plan && <SupportPeople people={plan.supportPeople} helpHref={browser.runtime.getURL('/help.html')} />}
        </>
      )}
    </main>
  );
}
