import { browser } from 'wxt/browser';
import { browserFamily, type BrowserFamily } from '../../lib/blocking/protection-status';
import { catalogueLanguage, t, type MessageKey } from '../../lib/i18n/i18n';

/** The day this policy last changed in substance: change it with the words (RELEASING.md). */
const POLICY_CHANGED = '2026-12-06';

/**
 * The permissions in wxt.config.ts (the optional one last), each with why Steadfast needs it. Names are the browser's own
 * identifiers, so they are shown as written; tests/e2e/privacy.test.ts checks the page names every
 * permission of the built manifest.
 */
const PERMISSIONS: readonly { name: string; why: MessageKey; only?: BrowserFamily }[] = [
  { name: 'declarativeNetRequest', why: 'privacy_permDeclarativeNetRequest' },
  { name: '<all_urls>', why: 'privacy_permHostAccess' },
  { name: 'storage', why: 'privacy_permStorage' },
  { name: 'alarms', why: 'privacy_permAlarms' },
  // Firefox only: Reader View's address (lib/triggers/match-trigger.ts, `viewedAddress`).
  { name: 'tabs', why: 'privacy_permTabs', only: 'firefox' },
  // Optional (`optional_permissions`): only while automatic backups are on.
  { name: 'downloads', why: 'privacy_permDownloads' },
  // Optional: only while a reminder is on.
  { name: 'notifications', why: 'privacy_permNotifications' },
];

function formatDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** What Steadfast keeps, where, and why it asks for each permission: in plain words. */
export function App() {
  return (
    <main class="privacy">
      <h1>{t('privacy_heading')}</h1>
      <p class="lead">{t('privacy_intro')}</p>

      <section aria-labelledby="stored">
        <h2 id="stored">{t('privacy_storedHeading')}</h2>
        <ul>
          <li>{t('privacy_storedSettings')}</li>
          <li>{t('privacy_storedHistory')}</li>
          <li>{t('privacy_storedSync')}</li>
          <li>{t('privacy_storedPartnerLock')}</li>
        </ul>
      </section>

      <section aria-labelledby="never">
        <h2 id="never">{t('privacy_neverHeading')}</h2>
        <ul>
          <li>{t('privacy_neverSends')}</li>
          <li>{t('privacy_neverRemote')}</li>
          <li>{t('privacy_neverBrowsing')}</li>
        </ul>
      </section>

      <section aria-labelledby="links">
        <h2 id="links">{t('privacy_linksHeading')}</h2>
        <p>{t('privacy_linksHelp')}</p>
        <p>{t('privacy_linksUninstall')}</p>
      </section>

      <section aria-labelledby="permissions">
        <h2 id="permissions">{t('privacy_permissionsHeading')}</h2>
        <p>{t('privacy_permissionsIntro')}</p>
        <dl class="permissions">
          {PERMISSIONS.filter(({ only }) => only === undefined || only === browserFamily()).map((permission) => (
            <div key={permission.name}>
              <dt>
                <code>{permission.name}</code>
              </dt>
              <dd>{t(permission.why)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="your-data">
        <h2 id="your-data">{t('privacy_yourDataHeading')}</h2>
        <p>{t('privacy_yourDataBackup')}</p>
        <p>{t('privacy_yourDataRemove')}</p>
      </section>

      <p class="muted">{t('privacy_updated', [formatDay(POLICY_CHANGED, catalogueLanguage())])}</p>
      <p>
        <a href={browser.runtime.getURL('/options.html')}>{t('privacy_backToMyRecovery')}</a>
      </p>
    </main>
  );
}
