import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n/i18n';
import { changeLabel, COOLING_OFF_HOURS, timeLeft, type LooseningChange, type PendingChange } from '../../lib/triggers/cooling-off';
import { cancelPending, requestLoosening } from '../../lib/triggers/cooling-off-store';
import { countOf } from '../../lib/triggers/parse-list';
import { pendingItem } from '../../lib/triggers/pending-item';
import { WAIT_SECONDS, loadSettings, settingsItem, type Settings } from '../../lib/settings/settings-item';

type Outcome = { error: string } | { message: string };

/** Tightening now, loosening after the cooling-off (lib/triggers/cooling-off.ts). */
async function saveWait(seconds: number): Promise<Outcome> {
  if (!Number.isInteger(seconds) || seconds < WAIT_SECONDS.min || seconds > WAIT_SECONDS.max) {
    return { error: t('settings_waitOutOfRange', [WAIT_SECONDS.min, WAIT_SECONDS.max]) };
  }
  const settings = await loadSettings();
  if (seconds < settings.waitSeconds) {
    const shorter: LooseningChange = { kind: 'shorter-wait', waitSeconds: seconds };
    const change = await requestLoosening(shorter, changeLabel(shorter));
    return { message: t('settings_shorterWaitWaits', [timeLeft(change.effectiveAt, Date.now())]) };
  }
  await settingsItem.setValue({ ...settings, waitSeconds: seconds });
  return { message: countOf('settings_waitSaved', seconds) };
}

async function saveCoolingOff(hours: number, waiting: boolean): Promise<Outcome> {
  if (!Number.isInteger(hours) || hours < COOLING_OFF_HOURS.min || hours > COOLING_OFF_HOURS.max) {
    return { error: t('settings_delayOutOfRange', [COOLING_OFF_HOURS.min, COOLING_OFF_HOURS.max]) };
  }
  const settings = await loadSettings();
  if (hours < settings.coolingOffHours) {
    if (waiting) return { error: t('settings_delayOnlyLonger') };
    const shorter: LooseningChange = { kind: 'shorter-cooling-off', coolingOffHours: hours };
    const change = await requestLoosening(shorter, changeLabel(shorter));
    return { message: t('settings_shorterDelayWaits', [timeLeft(change.effectiveAt, Date.now())]) };
  }
  await settingsItem.setValue({ ...settings, coolingOffHours: hours });
  return { message: countOf('settings_delaySaved', hours) };
}

function NumberSetting(props: {
  id: string;
  label: string;
  value: string;
  min: number;
  max: number;
  buttonLabel: string;
  onSave: (value: number) => Promise<Outcome>;
}) {
  const [value, setValue] = useState(props.value);
  const [outcome, setOutcome] = useState<Outcome>();
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

/** How long the pause page waits, the cooling-off, and whether private windows are protected. */
export function SettingsSection() {
  const [settings, setSettings] = useState<Settings>();
  const [pending, setPending] = useState<PendingChange[]>([]);
  const [privateAllowed, setPrivateAllowed] = useState<boolean>();

  useEffect(() => {
    const reload = () => void loadSettings().then(setSettings);
    reload();
    void pendingItem.getValue().then(setPending);
    void browser.extension.isAllowedIncognitoAccess().then(setPrivateAllowed);
    const unwatch = [settingsItem.watch(reload), pendingItem.watch((next) => setPending(next ?? []))];
    return () => unwatch.forEach((stop) => stop());
  }, []);

  const settingChanges = pending.filter((p) => p.kind === 'shorter-wait' || p.kind === 'shorter-cooling-off');
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
            onSave={saveWait}
          />
          <NumberSetting
            id="cooling-off-hours"
            label={t('settings_delayLabel')}
            value={String(settings.coolingOffHours)}
            min={COOLING_OFF_HOURS.min}
            max={COOLING_OFF_HOURS.max}
            buttonLabel={t('settings_delaySave')}
            onSave={(hours) => saveCoolingOff(hours, pending.length > 0)}
          />
        </>
      )}
      {settingChanges.length > 0 && (
        <ul class="pending-settings">
          {settingChanges.map((change) => (
            <li key={change.id}>
              {t('settings_changeWaiting', [change.label, timeLeft(change.effectiveAt, Date.now())])}{' '}
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
