import type { ChosenPreview } from '../lib/backup/restore';
import type { RestoreMode } from '../lib/backup/restore-plan';
import { t } from '../lib/i18n/i18n';
import './Backup.css';
import { BackupFileInput } from './BackupFileInput';
import { useRestoreFlow } from './use-restore-flow';

/** What a chosen file holds and what each choice would do, or why it can't be used. */
export type BackupPreview = ChosenPreview;

interface Props {
  /** Saves a backup file; returns what to tell the person. */
  onExport: () => Promise<string>;
  /** Reads and checks a chosen file; changes nothing. */
  onChoose: (file: File) => Promise<BackupPreview>;
  /** Restores the file last previewed. */
  onRestore: (mode: RestoreMode) => Promise<{ ok: boolean; message: string }>;
  /** A message carried over a reload (after a restore the page reloads to show what was restored). */
  initialStatus?: string;
}

/** Download everything to one file; restore from one, after a summary and a choice. */
export function Backup({ onExport, onChoose, onRestore, initialStatus = '' }: Props) {
  const { status, setStatus, error, preview, setPreview, busy, fileInput, run, choose, restore } = useRestoreFlow(onChoose, onRestore, initialStatus);

  return (
    <div class="backup">
      <p class="hint">{t('backup_hint')}</p>
      <button type="button" disabled={busy} onClick={() => run(async () => setStatus(await onExport()))}>
        {t('backup_download')}
      </button>
      <BackupFileInput id="backup-file" label={t('backup_chooseLabel')} busy={busy} inputRef={fileInput} onFile={(file) => void choose(file)} />
      {preview && (
        <div class="backup-preview" role="group" aria-label={t('backup_previewLabel')}>
          <p>{t('backup_holds', [preview.contents])}</p>
          <p>{preview.effects.replace}</p>
          <p>{preview.effects.merge}</p>
          <div class="row">
            <button type="button" disabled={busy} onClick={() => restore('replace')}>
              {t('backup_replace')}
            </button>
            <button type="button" disabled={busy} onClick={() => restore('merge')}>
              {t('backup_merge')}
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
      <p class="backup-status" role="status">
        {status}
      </p>
    </div>
  );
}
