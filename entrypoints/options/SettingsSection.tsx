import { useStoredItem } from '../../components/useStoredItem';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n/i18n';
import { saveCoolingOff, saveCopies, saveWait, settingChangesIn, type SettingOutcome } from '../../lib/settings/edits';
import { COOLING_OFF_HOURS, timeLeft } from '../../lib/triggers/cooling-off';
import { cancelPending } from '../../lib/triggers/edits';
import { pendingItem } from '../../lib/triggers/pending-item';
import { WAIT_SECONDS, copiesPaused, loadSettings, settingsItem } from '../../lib/settings/settings-item';
import { useTrustedNow } from '../../components/useTrustedNow';

function NumberSetting(props: {
  id: string;
  label: string;
  value: string;
  min: number;
  max: number;
  buttonLabel: string;
  onSave: (value: number) => Promise<SettingOutcome>;
}) {
  const [value, setValue] = useState(props.value);
  const [outcome, setOutcome] = useState<SettingOutcome>();
  useEffect(() => setValue(props.value), [props.value]);
  const error = outcome && 'error' in outcome ? outcome.error : '';
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        setOutcome(await props.onSave(Number(value)));
      }}
      noValidate
    >
      <label for={props.id}>{props.label}</label>
      <div class="row">
        <input
          id={props.id}
          type="number"
          inputMode="numeric"
          min={props.min}
          max={props.max}
          value={value}
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby={`${props.id}-error`}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
        <button type="submit">{props.buttonLabel}</button>
      </div>
      <p id={`${props.id}-error`} class="error" role="alert">
        {error}
      </p>
      <p class="muted" role="status">
        {outcome && 'message' in outcome ? outcome.message : ''}
      </p>
    </form>
  );
}

/** Also pause copies on translation and archive services: on at once, off after the cooling-off. */
function CopiesSetting({ on }: { on: boolean }) {
  const [outcome, setOutcome] = useState<SettingOutcome>();
  return (
    <div class="copies-setting">
      <label>
        <input type="checkbox" checked={on} onChange={(e) => void saveCopies(e.currentTarget.checked).then(setOutcome)} /> {t('settings_copiesLabel')}
      </label>
      <p class="muted" role="status">
        {outcome && 'message' in outcome ? outcome.message : ''}
      </p>
    </div>
  );
}

/** How long the pause page waits, the cooling-off, and whether private windows are protected. */
export function SettingsSection() {
  const trustedNow = useTrustedNow();
  const settings = useStoredItem(settingsItem, { read: loadSettings }).value;
  const pending = useStoredItem(pendingItem).value ?? [];
  const [privateAllowed, setPrivateAllowed] = useState<boolean>();

  useEffect(() => {
    void browser.extension.isAllowedIncognitoAccess().then(setPrivateAllowed);
  }, []);

  const settingChanges = settingChangesIn(pending);
  return (
    <section id="settings" class="card" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings_title')}</h2>
      {settings && (
        <>
          <NumberSetting
            id="wait-seconds"
            label={t('settings_waitLabel')}
            value={String(settings.waitSeconds)}
            min={WAIT_SECONDS.min}
            max={WAIT_SECONDS.max}
            buttonLabel={t('settings_waitSave')}
            onSave={(seconds) => saveWait(seconds)}
          />
          <NumberSetting
            id="cooling-off-hours"
            label={t('settings_delayLabel')}
            value={String(settings.coolingOffHours)}
            min={COOLING_OFF_HOURS.min}
            max={COOLING_OFF_HOURS.max}
            buttonLabel={t('settings_delaySave')}
            onSave={(hours) => saveCoolingOff(hours)}
          />
          <CopiesSetting on={copiesPaused(settings) && !pending.some((p) => p.kind === 'copies-off')} />
        </>
      )}
      {settingChanges.length > 0 && (
        <ul class="pending-settings">
          {settingChanges.map((change) => (
            <li key={change.id}>
              {t('settings_changeWaiting', [change.label, timeLeft(change.effectiveAt, trustedNow())])}{' '}
              <button type="button" class="quiet" onClick={() => void cancelPending(change.id)}>
                {t('settings_cancel')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('settings_privateTitle')}</h3>
      {privateAllowed === true && <p>{t('settings_privateAllowed')}</p>}
      {privateAllowed === false && <p>{t('settings_privateNotAllowed')}</p>}
    </section>
  );
}
