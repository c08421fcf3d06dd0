import { t, type MessageKey } from '../lib/i18n/i18n';
import { LOCK_IN_BROWSERS, LOCK_IN_SYSTEMS, type LockInBrowser, type LockInSystem, type Protection } from '../lib/lockin/policies';

export const BROWSER_NAMES: Record<LockInBrowser, MessageKey> = {
  chrome: 'lockIn_browserChrome',
  edge: 'lockIn_browserEdge',
  chromium: 'lockIn_browserChromium',
  firefox: 'lockIn_browserFirefox',
};

export const SYSTEM_NAMES: Record<LockInSystem, MessageKey> = {
  windows: 'lockIn_systemWindows',
  mac: 'lockIn_systemMac',
  linux: 'lockIn_systemLinux',
};

const PROTECTION_WORDS: Record<Protection, MessageKey> = {
  'force-install': 'lockIn_protectForceInstall',
  'no-private': 'lockIn_protectNoPrivate',
  'no-guest': 'lockIn_protectNoGuest',
  'no-new-profiles': 'lockIn_protectNoProfiles',
};

function Picker<T extends string>(props: {
  id: string;
  label: string;
  value: T;
  options: readonly T[];
  names: Record<T, MessageKey>;
  onPick: (value: T) => void;
}) {
  return (
    <div class="picker">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onPick(e.currentTarget.value as T)}>
        {props.options.map((option) => (
          <option key={option} value={option}>
            {t(props.names[option])}
          </option>
        ))}
      </select>
    </div>
  );
}

interface Props {
  detected: { browser: LockInBrowser; system: LockInSystem | undefined };
  target: { browser: LockInBrowser; system: LockInSystem };
  onTarget: (target: { browser: LockInBrowser; system: LockInSystem }) => void;
  offered: readonly Protection[];
  protections: ReadonlySet<Protection>;
  onProtections: (next: ReadonlySet<Protection>) => void;
  installUrl: string;
  onInstallUrl: (url: string) => void;
  /** Why there is no file, or "". */
  error: string;
  /** False while Steadfast is not listed in this browser's store. */
  storeKnown: boolean;
  runningId: string;
}

/** Which browser and computer, which protections, and (for those who host their own copy) an install address. */
export function LockInChoices(props: Props) {
  const { detected, target, offered, protections } = props;
  const toggle = (protection: Protection, on: boolean) => {
    const next = new Set(protections);
    if (on) next.add(protection);
    else next.delete(protection);
    props.onProtections(next);
  };
  const storeHome = target.browser === 'chrome' || target.browser === 'edge';
  return (
    <>
      <section class="card" aria-labelledby="lockin-where">
        <h2 id="lockin-where">{t('lockIn_whereHeading')}</h2>
        <p data-detected={`${detected.browser} ${detected.system ?? ''}`}>
          {detected.system
            ? t('lockIn_detected', [t(BROWSER_NAMES[detected.browser]), t(SYSTEM_NAMES[detected.system])])
            : t('lockIn_detectedNoSystem', [t(BROWSER_NAMES[detected.browser])])}
        </p>
        <div class="lockin-pickers">
          <Picker
            id="lockin-browser"
            label={t('lockIn_browserLabel')}
            value={target.browser}
            options={LOCK_IN_BROWSERS}
            names={BROWSER_NAMES}
            onPick={(browser) => props.onTarget({ ...target, browser })}
          />
          <Picker
            id="lockin-system"
            label={t('lockIn_systemLabel')}
            value={target.system}
            options={LOCK_IN_SYSTEMS}
            names={SYSTEM_NAMES}
            onPick={(system) => props.onTarget({ ...target, system })}
          />
        </div>
      </section>

      <section class="card" aria-labelledby="lockin-what">
        <h2 id="lockin-what">{t('lockIn_whatHeading')}</h2>
        <fieldset>
          <legend>{t('lockIn_whatLegend')}</legend>
          {offered.map((protection) => (
            <div class="check-row" key={protection}>
              <input
                type="checkbox"
                id={`protect-${protection}`}
                checked={protections.has(protection)}
                onChange={(e) => toggle(protection, e.currentTarget.checked)}
              />
              <label for={`protect-${protection}`}>{t(PROTECTION_WORDS[protection])}</label>
            </div>
          ))}
        </fieldset>
        {!props.storeKnown && (
          <p class="muted" data-store="not-listed">
            {t('lockIn_notInStoreYet', [props.runningId])}
          </p>
        )}
        {!props.storeKnown && storeHome && target.system !== 'linux' && <p class="muted">{t('lockIn_storeOnlyHome')}</p>}
        <details>
          <summary>{t('lockIn_installUrlSummary')}</summary>
          <label for="lockin-install-url">{t('lockIn_installUrlLabel')}</label>
          <input
            id="lockin-install-url"
            type="url"
            value={props.installUrl}
            aria-invalid={props.error && props.installUrl ? 'true' : 'false'}
            aria-describedby="lockin-error"
            onInput={(e) => props.onInstallUrl(e.currentTarget.value)}
          />
        </details>
        <p id="lockin-error" class="error" role="alert">
          {props.error}
        </p>
      </section>
    </>
  );
}
