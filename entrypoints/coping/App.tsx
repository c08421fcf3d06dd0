import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CopingTools } from '../../components/exercises/CopingTools';
import { toolFromHash, type CopingToolId, type UrgeResult } from '../../lib/coping/exercises';
import { useCrisisCard } from '../../components/useCrisisCard';
import { ProblemNotice } from '../../components/ProblemNotice';
import { useProblems } from '../../components/useProblems';
import { t } from '../../lib/i18n/i18n';
import { historyConnection } from '../../lib/history/db';
import { addEvent } from '../../lib/history/events';
import { addUrgeDetails, type UrgeDetails } from '../../lib/history/urge-log';
import type { UrgeEvent } from '../../lib/history/event';
import type { SupportPerson } from '../../lib/plan/plan';
import { loadPlan } from '../../lib/plan/plan-item';

/** "I'm having an urge": coping tools, the person's support people, and help at the top. */
export function App({ hash }: { hash: string }) {
  const [people, setPeople] = useState<SupportPerson[]>([]);
  const [saveError, setSaveError] = useState(false);
  const [crisis, chooseRegion] = useCrisisCard();
  // The tools are built in: a plan that cannot be read only leaves out the person's support people.
  const [problems, report] = useProblems();

  useEffect(() => {
    loadPlan().then(
      (plan) => setPeople(plan.supportPeople),
      (error: unknown) => report('storage', error),
    );
  }, [report]);

  // The urge surfing just recorded, so what set it off and what helped can be added to it.
  const lastUrge = useRef<Promise<UrgeEvent> | undefined>(undefined);
  const saveUrge = async (result: UrgeResult) => {
    try {
      lastUrge.current = historyConnection().then((db) => addEvent(db, { type: 'urge', ...result }));
      await lastUrge.current;
      setSaveError(false);
    } catch (error) {
      setSaveError(true);
      // For whoever reads the console, in English; the person reads `coping_saveError`.
      console.error(new Error('Steadfast could not save an urge rating', { cause: error }));
    }
  };

  const saveDetails = async (details: UrgeDetails) => {
    const urge = await lastUrge.current;
    if (!urge || !(await addUrgeDetails(await historyConnection(), urge.id, details))) throw new Error('Steadfast could not find the urge it had just saved');
  };

  // Keep the address in step, so reloading the page reopens the same tool.
  const showInAddress = (tool: CopingToolId | undefined) => {
    history.replaceState(null, '', tool ? `#${tool}` : location.pathname);
  };

  const rest = async () => {
    // `tabs.getCurrent` needs no permission; a page not in a tab (none today) just stays open.
    const tab = await browser.tabs.getCurrent();
    if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
  };

  return (
    <main class="coping">
      <h1>{t('coping_heading')}</h1>
      <p>{t('coping_intro')}</p>
      <ProblemNotice problems={problems} />
      <p role="status" class="error">
        {saveError && t('coping_saveError')}
      </p>
      <CopingTools
        supportPeople={people}
        helpHref={browser.runtime.getURL('/help.html')}
        crisis={crisis}
        onRegion={chooseRegion}
        planHref={`${browser.runtime.getURL('/options.html')}#plan`}
        initialTool={toolFromHash(hash)}
        onToolChange={showInAddress}
        onUrgeRecorded={(result) => void saveUrge(result)}
        onUrgeDetails={saveDetails}
        onRest={() => void rest()}
      />
    </main>
  );
}
