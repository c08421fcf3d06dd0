import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { WAIT_SECONDS, loadSettings, settingsItem } from '../../lib/settings/settings-item';

/** How long the pause page waits, and whether Steadfast can protect private windows too. */
export function SettingsSection() {
  const [wait, setWait] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [privateAllowed, setPrivateAllowed] = useState<boolean>();

  useEffect(() => {
    void loadSettings().then((s) => setWait(String(s.waitSeconds)));
    void browser.extension.isAllowedIncognitoAccess().then(setPrivateAllowed);
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    const seconds = Number(wait);
    if (!Number.isInteger(seconds) || seconds < WAIT_SECONDS.min || seconds > WAIT_SECONDS.max) {
      setError(`Choose a whole number of seconds from ${WAIT_SECONDS.min} to ${WAIT_SECONDS.max}.`);
      setMessage('');
      return;
    }
    await settingsItem.setValue({ ...(await loadSettings()), waitSeconds: seconds });
    setError('');
    setMessage(`Saved. The pause page now waits ${seconds} seconds before offering to continue.`);
  }

  return (
    <section id="settings" class="card" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <form onSubmit={save} noValidate>
        <label for="wait-seconds">Wait before "Continue anyway" (seconds)</label>
        <div class="row">
          <input
            id="wait-seconds"
            type="number"
            inputMode="numeric"
            min={WAIT_SECONDS.min}
            max={WAIT_SECONDS.max}
            value={wait}
            aria-invalid={error ? 'true' : 'false'}
            aria-describedby="wait-error"
            onInput={(e) => setWait(e.currentTarget.value)}
          />
          <button type="submit">Save wait</button>
        </div>
        <p id="wait-error" class="error" role="alert">
          {error}
        </p>
        <p class="muted" role="status">
          {message}
        </p>
      </form>
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
