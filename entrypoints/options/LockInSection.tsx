import { browser } from 'wxt/browser';
import { LockInLine } from '../../components/LockInLine';
import { useLockIn } from '../../components/use-lock-in';
import { t } from '../../lib/i18n/i18n';

/** My recovery's way to the lock-in page, with the browser's word on whether it is locked in now. */
export function LockInSection() {
  const status = useLockIn();
  return (
    <section id="lock-in" class="card" aria-labelledby="lock-in-title">
      <h2 id="lock-in-title">{t('lockIn_heading')}</h2>
      <LockInLine status={status} />
      <p>{t('lockIn_optionsIntro')}</p>
      <p>
        <a href={browser.runtime.getURL('/lockin.html')}>{t('lockIn_optionsLink')}</a>
      </p>
    </section>
  );
}
