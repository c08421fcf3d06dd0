import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { COOLING_OFF_HOURS, timeLeft, type PendingChange } from '../../lib/triggers/cooling-off';
import { cancelPending, requestLoosening } from '../../lib/triggers/cooling-off-store';
import { pendingItem } from '../../lib/triggers/pending-item';
import { WAIT_SECONDS, loadSettings, settingsItem, type Settings } from '../../lib/settings/settings-item';

type Outcome = { error: string } | { message: string };

/** Tightening now, loosening after the cooling-off (lib/triggers/cooling-off.ts). */
async function saveWait(seconds: number): Promise<Outcome> {
  if (!Number.isInteger(seconds) || seconds < WAIT_SECONDS.min || seconds > WAIT_SECONDS.max) {
    return { error: `Choose a whole number of seconds from ${WAIT_SECONDS.min} to ${WAIT_SECONDS.max}.` };
  }
  const settings = await loadSettings();
  if (seconds < settings.waitSeconds) {
    const change = await requestLoosening({ kind: 'shorter-wait', waitSeconds: seconds }, `Wait ${seconds} seconds`);
    return { message: `A shorter wait takes effect in ${timeLeft(change.effectiveAt, Date.now())}. You can cancel it until then.` };
  }
  await settingsItem.setValue({ ...settings, waitSeconds: seconds });
  return { message: `Saved. The pause page now waits ${seconds} seconds before offering to continue.` };
}

async function saveCoolingOff(hours: number, waiting: boolean): Promise<Outcome> {
  if (!Number.isInteger(hours) || hours < COOLING_OFF_HOURS.min || hours > COOLING_OFF_HOURS.max) {
    return { error: `Choose a whole number of hours from ${COOLING_OFF_HOURS.min} to ${COOLING_OFF_HOURS.max} (7 days).` };
  }
  const settings = await loadSettings();
  if (hours < settings.coolingOffHours) {
    if (waiting) return { error: 'While a change is waiting, the delay can only get longer.' };
    const change = await requestLoosening({ kind: 'shorter-cooling-off', coolingOffHours: hours }, `Delay ${hours} hours`);
    return { message: `A shorter delay takes effect in ${timeLeft(change.effectiveAt, Date.now())}.` };
  }
  await settingsItem.setValue({ ...settings, coolingOffHours: hours });
  return { message: `Saved. Changes that loosen your protection now wait ${hours} hours.` };
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
      <h2 id="settings-title">Settings</h2>
      {settings && (
        <>
          <NumberSetting
            id="wait-seconds"
            label={'Wait before "Continue anyway" (seconds)'}
            value={String(settings.waitSeconds)}
            min={WAIT_SECONDS.min}
            max={WAIT_SECONDS.max}
            buttonLabel="Save wait"
            onSave={saveWait}
          />
          <NumberSetting
            id="cooling-off-hours"
            label="Delay before a loosening change happens (hours)"
            value={String(settings.coolingOffHours)}
            min={COOLING_OFF_HOURS.min}
            max={COOLING_OFF_HOURS.max}
            buttonLabel="Save delay"
            onSave={(hours) => saveCoolingOff(hours, pending.length > 0)}
          />
        </>
      )}
      {settingChanges.length > 0 && (
        <ul class="pending-settings">
          {settingChanges.map((change) => (
            <li key={change.id}>
              {change.label}: in {timeLeft(change.effectiveAt, Date.now())}.{' '}
              <button type="button" class="quiet" onClick={() => void cancelPending(change.id)}>
                Cancel
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>Private windows</h3>
      {privateAllowed === true && <p>Steadfast also protects you in private (incognito) windows.</p>}
      {privateAllowed === false && (
        <p>
          Steadfast can't see private (incognito) windows yet, so trigger sites would open there. To allow it: in
          Chrome, Edge or Brave open the Extensions page, choose Details under Steadfast and turn on "Allow in
          Incognito". In Firefox open Add-ons and themes, choose Steadfast and set "Run in Private Windows" to Allow.
        </p>
      )}
    </section>
  );
}
