import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CopingPrompt } from '../../components/CopingPrompt';
import { PlanSummary } from '../../components/PlanSummary';
import { SupportPeople } from '../../components/SupportPeople';
import { pausedUrlFromHash } from '../../lib/blocking/paused-url';
import { choosePrompt, personalPrompts, rememberShown } from '../../lib/coping/choose-prompt';
import { COPING_PROMPTS, type Prompt } from '../../lib/coping/prompts';
import { recentPromptsItem } from '../../lib/coping/recent-prompts-item';
import type { Plan } from '../../lib/plan/plan';
import { loadPlan } from '../../lib/plan/plan-item';
import { matchTrigger } from '../../lib/triggers/match-trigger';
import { triggerListItem } from '../../lib/triggers/trigger-list';

const SUPPORT_MESSAGE = "I'm having a hard moment. Can you call me?";

interface Loaded {
  plan: Plan;
  prompt: Prompt;
  /** How the person wrote the trigger that caught this page, when it is still in the list. */
  triggerName?: string;
}

export function App({ hash, inFrame }: { hash: string; inFrame: boolean }) {
  const paused = pausedUrlFromHash(hash);
  const [loaded, setLoaded] = useState<Loaded>();
  const planHref = `${browser.runtime.getURL('/options.html')}#plan`;

  useEffect(() => {
    void (async () => {
      const [plan, triggers, recent] = await Promise.all([
        loadPlan(),
        triggerListItem.getValue(),
        recentPromptsItem.getValue(),
      ]);
      const prompt = choosePrompt([...COPING_PROMPTS, ...personalPrompts(plan.copingStrategies)], recent);
      await recentPromptsItem.setValue(rememberShown(recent, prompt.id));
      const trigger = paused ? matchTrigger(paused.href, triggers) : undefined;
      setLoaded({ plan, prompt, triggerName: trigger?.display });
    })();
  }, []);

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
            <a class="button take-away" href={planHref}>
              Take me away
            </a>
          </p>
          {loaded && <CopingPrompt prompt={loaded.prompt} />}
          {loaded && <PlanSummary plan={loaded.plan} editHref={planHref} />}
          {loaded && <SupportPeople people={loaded.plan.supportPeople} message={SUPPORT_MESSAGE} />}
        </>
      )}
    </main>
  );
}
