import { useEffect, useState } from 'preact/hooks';
import { SummaryView } from '../../components/summary/SummaryView';
import { t } from '../../lib/i18n/i18n';
import type { Summary } from '../../lib/summary/summary';

/**
 * Progress → "Print a summary": the last four weeks on one clean page, to take to a therapist or
 * key worker. `loading` is the history being read (started before the first render, see main.tsx).
 */
export function App({ loading }: { loading: Promise<Summary> }) {
  const [loaded, setLoaded] = useState<Summary>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    loading.then(setLoaded, () => setFailed(true));
  }, [loading]);
  return (
    <main class="summary" aria-busy={!loaded && !failed} data-ready={loaded ? 'true' : undefined}>
      {failed && <p role="alert">{t('summary_loadFailed')}</p>}
      {!loaded && !failed && <p class="muted">{t('summary_loading')}</p>}
      {loaded && <SummaryView summary={loaded} onPrint={() => window.print()} />}
    </main>
  );
}
