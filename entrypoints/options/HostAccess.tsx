import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n/i18n';

const ALL_SITES = { origins: ['<all_urls>'] };

/**
 * Without access to sites the browser silently ignores Steadfast's redirect rules, and trigger
 * sites would load. Chrome grants it at install; in Firefox a person can take it back (Add-ons →
 * Steadfast → Permissions). Say so plainly, and offer to ask again (only a click may ask).
 */
export function HostAccess() {
  const [granted, setGranted] = useState<boolean>();
  const check = () => void browser.permissions.contains(ALL_SITES).then(setGranted);
  useEffect(() => {
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, []);
  if (granted !== false) return null;
  return (
    <section class="card host-access" role="alert" aria-labelledby="host-access-title">
      <h2 id="host-access-title">{t('hostAccess_title')}</h2>
      <p>{t('hostAccess_why')}</p>
      <button type="button" onClick={() => void browser.permissions.request(ALL_SITES).then(setGranted)}>
        {t('hostAccess_allow')}
      </button>
    </section>
  );
}
