import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { LockInChoices } from '../../components/LockInChoices';
import { LockInFileView } from '../../components/LockInFileView';
import { LockInSteps } from '../../components/LockInSteps';
import { WaysOut } from '../../components/WaysOut';
import { useLockIn } from '../../components/use-lock-in';
import { browserFamily } from '../../lib/blocking/protection-status';
import { t } from '../../lib/i18n/i18n';
import { readBrowserClues } from '../../lib/lockin/detect';
import { lockInFile } from '../../lib/lockin/lockin-file';
import { protectionsFor, type LockInBrowser, type LockInSystem, type Protection } from '../../lib/lockin/policies';
import { storeIdKnown, STORE_IDS } from '../../lib/lockin/stores';

type Detected = { browser: LockInBrowser; system: LockInSystem | undefined };

function detect(): Promise<Detected> {
  const family = browserFamily();
  const runtime = browser.runtime as typeof browser.runtime & { getBrowserInfo?: () => Promise<{ name: string }> };
  const brands = (navigator as Navigator & { userAgentData?: { brands: { brand: string }[] } }).userAgentData?.brands;
  return readBrowserClues(family, {
    getPlatformInfo: () => browser.runtime.getPlatformInfo(),
    getBrowserInfo: runtime.getBrowserInfo ? () => runtime.getBrowserInfo!() : undefined,
    brands,
  });
}

/** The store's id once Steadfast is listed there; until then the id of the copy running now. */
function extensionIdFor(chosen: LockInBrowser): string {
  const stored = chosen === 'edge' ? STORE_IDS.edgeAddons : chosen === 'firefox' ? STORE_IDS.firefoxAddons : STORE_IDS.chromeWebStore;
  return stored ?? browser.runtime.id;
}

/** "Make it hard to switch off": the browser's own policies, chosen in a strong moment (issue 21). */
export function App() {
  const status = useLockIn();
  const [detected, setDetected] = useState<Detected>();
  const [target, setTarget] = useState<{ browser: LockInBrowser; system: LockInSystem }>();
  const [protections, setProtections] = useState<ReadonlySet<Protection>>(new Set<Protection>(['force-install', 'no-private']));
  const [installUrl, setInstallUrl] = useState('');

  useEffect(() => {
    void detect().then((found) => {
      setDetected(found);
      setTarget({ browser: found.browser, system: found.system ?? 'windows' });
    });
  }, []);

  const outcome = useMemo(
    () => target && lockInFile({ ...target, protections, extensionId: extensionIdFor(target.browser), installUrl }),
    [target, protections, installUrl],
  );

  return (
    <main class="lockin">
      <h1>{t('lockIn_heading')}</h1>
      <p class="lead">{t('lockIn_intro')}</p>
      {status && <WaysOut status={status} />}
      {detected && target && (
        <>
          <LockInChoices
            detected={detected}
            target={target}
            onTarget={setTarget}
            offered={protectionsFor(target.browser)}
            protections={protections}
            onProtections={setProtections}
            installUrl={installUrl}
            onInstallUrl={setInstallUrl}
            error={outcome && !outcome.ok ? outcome.message : ''}
            storeKnown={storeIdKnown(target.browser)}
            runningId={browser.runtime.id}
          />
          {outcome?.ok && <LockInFileView file={outcome.file} />}
          {outcome?.ok && <LockInSteps browser={target.browser} system={target.system} file={outcome.file} />}
        </>
      )}
      <p>
        <a href={browser.runtime.getURL('/options.html')}>{t('lockIn_backToRecovery')}</a>
      </p>
    </main>
  );
}
