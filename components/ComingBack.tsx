import type { ChosenPreview } from '../lib/backup/restore';
import { t } from '../lib/i18n/i18n';
import './Backup.css';
import { BackupFileInput } from './BackupFileInput';
import { useRestoreFlow } from './use-restore-flow';

interface Props {
  /** Reads and checks a chosen file; changes nothing. */
  onChoose: (file: File) => Promise<ChosenPreview>;
  /** Restores the file last chosen, everything from it. */
  onRestore: (mode: 'replace') => Promise<{ ok: boolean; message: string }>;
  /** After a restore (the page reloads to show it): what was restored. */
  restored?: string;
  /** "I'm set up": skip the rest of the welcome. */
  onDone: () => void;
}

/**
 * The welcome's first offer, for someone who has used Steadfast before: one file brings back their
 * plan, history, streak, trigger sites and settings, through the same restore as "My recovery"
 * (a restore that loosens anything still waits out the cooling-off).
 */
export function ComingBack({ onChoose, onRestore, restored, onDone }: Props) {
  const { status, error, preview, setPreview, busy, fileInput, choose, restore } = useRestoreFlow(onChoose, onRestore, restored ?? '');

  return (
    <section class="card coming-back" aria-labelledby="coming-back-title">
      <h2 id="coming-back-title">{t('comingBack_heading')}</h2>
      {restored ? (
        <>
          <p>{t('comingBack_next')}</p>
          <p>
            <button type="button" onClick={onDone}>
              {t('comingBack_done')}
            </button>
          </p>
        </>
      ) : (
        <div class="backup">
          <p class="muted">{t('comingBack_intro')}</p>
          <BackupFileInput id="coming-back-file" label={t('comingBack_chooseLabel')} busy={busy} inputRef={fileInput} onFile={(file) => void choose(file)} />
          {preview && (
            <div class="backup-preview" role="group" aria-label={t('backup_previewLabel')}>
              <p>{t('backup_holds', [preview.contents])}</p>
              <p>{preview.effects.replace}</p>
              <div class="row">
                <button type="button" disabled={busy} onClick={() => void restore('replace')}>
                  {t('comingBack_restore')}
                </button>
                <button type="button" disabled={busy} onClick={() => setPreview(undefined)}>
                  {t('backup_cancel')}
                </button>
              </div>
            </div>
          )}
          <p class="error" role="alert">
            {error}
          </p>
        </div>
      )}
      <p class="backup-status" role="status">
        {status}
      </p>
    </section>
  );
}
