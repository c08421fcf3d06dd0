import { useEffect, useState } from 'preact/hooks';
import type { AutoBackup as AutoBackupState } from '../lib/backup/auto-backup-item';
import { KEEP } from '../lib/backup/auto-backup';
import { t } from '../lib/i18n/i18n';

interface Props {
  state: AutoBackupState;
  /** "6 December 2026, 10:40", in the person's time. */
  formatWhen: (at: number) => string;
  /** Turns it on (the browser asks first) or off; false when the browser was refused. */
  onToggle: (on: boolean) => Promise<boolean>;
}

/** What is true now, in one sentence. */
function statusLine(state: AutoBackupState, formatWhen: Props['formatWhen'], last: 'refused' | 'off' | undefined): string {
  if (last === 'refused') return t('autoBackup_refused');
  if (last === 'off') return t('autoBackup_turnedOff');
  if (!state.enabled) return t('autoBackup_off');
  if (state.lastSavedAt === null) return t('autoBackup_firstComing');
  return t('autoBackup_lastSaved', [formatWhen(state.lastSavedAt)]);
}

/** "Save a backup automatically": opt-in, with the browser's own permission asked for on the click. */
export function AutoBackup({ state, formatWhen, onToggle }: Props) {
  const [busy, setBusy] = useState(false);
  const [on, setOn] = useState(state.enabled);
  const [last, setLast] = useState<'refused' | 'off'>();
  useEffect(() => setOn(state.enabled), [state.enabled]);
  const problem = state.enabled && state.problem ? t(state.problem === 'no-permission' ? 'autoBackup_noPermission' : 'autoBackup_failed') : '';

  return (
    <div class="auto-backup">
      <h3 id="auto-backup-title">{t('autoBackup_heading')}</h3>
      <p class="hint">{t('autoBackup_hint', [KEEP])}</p>
      <label class="auto-backup-switch">
        <input
          type="checkbox"
          checked={on}
          disabled={busy}
          onChange={(event) => {
            const next = event.currentTarget.checked;
            setOn(next);
            setBusy(true);
            // The browser asks for the permission only during the click itself: no await before this call.
            void onToggle(next)
              .then((done) => {
                if (!done) setOn(state.enabled);
                setLast(done ? (next ? undefined : 'off') : 'refused');
              })
              .catch(() => setOn(state.enabled))
              .finally(() => setBusy(false));
          }}
        />{' '}
        {t('autoBackup_switch')}
      </label>
      <p class="backup-status" role="status">
        {statusLine(state, formatWhen, last)}
      </p>
      <p class="error" role="alert">
        {problem}
      </p>
    </div>
  );
}
