import { WaysOut } from '../../components/WaysOut';
import { useLockIn } from '../../components/use-lock-in';
import { t } from '../../lib/i18n/i18n';

/** "Make it hard to switch off": the browser's own policies, chosen in a strong moment (issue 21). */
export function App() {
  const status = useLockIn();
  return (
    <main class="lockin">
      <h1>{t('lockIn_heading')}</h1>
      <p class="lead">{t('lockIn_intro')}</p>
      {status && <WaysOut status={status} />}
    </main>
  );
}
