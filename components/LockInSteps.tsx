import { t, type MessageKey } from '../lib/i18n/i18n';
import type { LockInFile } from '../lib/lockin/lockin-file';
import type { LockInBrowser, LockInSystem } from '../lib/lockin/policies';
import { BROWSER_NAMES } from './LockInChoices';

interface Props {
  browser: LockInBrowser;
  system: LockInSystem;
  file: LockInFile;
}

/** Where a browser lists the policies it has read, to check the file worked. */
const POLICY_PAGES: Record<LockInBrowser, string> = {
  chrome: 'chrome://policy',
  edge: 'edge://policy',
  chromium: 'chrome://policy',
  firefox: 'about:policies',
};

function Command({ text }: { text: string }) {
  return (
    <pre class="lockin-command" tabIndex={0}>
      <code>{text}</code>
    </pre>
  );
}

/** Step by step for this browser on this computer, what it needs, and how to undo it (slowly, on purpose). */
export function LockInSteps({ browser, system, file }: Props) {
  const name = t(BROWSER_NAMES[browser]);
  const check = <li>{t('lockIn_stepCheck', [POLICY_PAGES[browser]])}</li>;
  const restart = <li>{t('lockIn_stepRestart', [name])}</li>;
  const linuxCopy = (
    <li>
      {t('lockIn_stepLinuxCopy')}
      <Command text={`sudo mkdir -p ${file.place}\nsudo cp ~/Downloads/${file.name} ${file.place}`} />
    </li>
  );
  let steps;
  let undo: MessageKey;
  if (file.format === 'reg') {
    steps = (
      <>
        <li>{t('lockIn_stepDownload')}</li>
        <li>{t('lockIn_stepRegOpen')}</li>
        {restart}
        {check}
      </>
    );
    undo = 'lockIn_undoReg';
  } else if (file.format === 'mobileconfig') {
    steps = (
      <>
        <li>{t('lockIn_stepDownload')}</li>
        <li>{t('lockIn_stepMacOpen')}</li>
        <li>{t('lockIn_stepMacInstall')}</li>
        {restart}
        {check}
      </>
    );
    undo = 'lockIn_undoMac';
  } else if (system === 'linux') {
    steps = (
      <>
        <li>{t('lockIn_stepDownload')}</li>
        {/* Before the copy, which would replace a policies.json already there. */}
        {file.format === 'firefox-json' && <li>{t('lockIn_stepFirefoxMerge')}</li>}
        {linuxCopy}
        {restart}
        {check}
      </>
    );
    undo = 'lockIn_undoFile';
  } else {
    steps = (
      <>
        <li>{t('lockIn_stepDownload')}</li>
        <li>
          {t('lockIn_stepFirefoxPlace')} <code>{file.place}</code>
        </li>
        <li>{t('lockIn_stepFirefoxMerge')}</li>
        {restart}
        {check}
      </>
    );
    undo = 'lockIn_undoFile';
  }
  return (
    <>
      <section class="card" aria-labelledby="lockin-steps">
        <h2 id="lockin-steps">{t('lockIn_stepsHeading', [name])}</h2>
        {file.place && file.format !== 'mobileconfig' && (
          <p>
            {t(file.format === 'reg' ? 'lockIn_placeRegistry' : 'lockIn_placeFolder')} <code data-place>{file.place}</code>
          </p>
        )}
        <ol class="lockin-steps">{steps}</ol>
      </section>
      <section class="card" aria-labelledby="lockin-needs">
        <h2 id="lockin-needs">{t('lockIn_needsHeading')}</h2>
        <ul>
          <li>{t('lockIn_needsAdmin')}</li>
          {(browser === 'chrome' || browser === 'edge') && system !== 'linux' && <li>{t('lockIn_needsStore', [name])}</li>}
          {browser === 'firefox' && <li>{t('lockIn_needsSigned')}</li>}
          <li>{t('lockIn_needsOthers')}</li>
        </ul>
      </section>
      <section class="card" aria-labelledby="lockin-undo">
        <h2 id="lockin-undo">{t('lockIn_undoHeading')}</h2>
        <p>{t('lockIn_undoWhy')}</p>
        <p>{t(undo, [file.place || name])}</p>
      </section>
    </>
  );
}
