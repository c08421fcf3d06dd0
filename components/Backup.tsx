import { useRef, useState } from 'preact/hooks';
import type { RestoreMode } from '../lib/backup/restore-plan';
import { t } from '../lib/i18n/i18n';
import './Backup.css';

/** What a chosen file holds and what each choice would do, or why it can't be used. */
export type BackupPreview = { ok: true; contents: string; effects: Record<RestoreMode, string> } | { ok: false; message: string };

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
  const [status, setStatus] = useState(initialStatus);
  const [error, setError] = useState('');
  const [preview, setPreview] = useState<Extract<BackupPreview, { ok: true }>>();
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError('');
    setStatus('');
    try {
      await work();
    } finally {
      setBusy(false);
    }
  }

  const choose = (file: File) =>
    run(async () => {
      setPreview(undefined);
      const result = await onChoose(file);
      if (result.ok) setPreview(result);
      else setError(result.message);
      // The same file can be chosen again after a fix.
      if (fileInput.current) fileInput.current.value = '';
    });

  const restore = (mode: RestoreMode) =>
    run(async () => {
      const result = await onRestore(mode);
      setPreview(undefined);
      if (result.ok) setStatus(result.message);
      else setError(result.message);
    });

  return (
    <div class="backup">
      <p class="hint">{t('backup_hint')}</p>
      <button type="button" disabled={busy} onClick={() => run(async () => setStatus(await onExport()))}>
        {t('backup_download')}
      </button>
      <label for="backup-file">{t('backup_chooseLabel')}</label>
      <input
        ref={fileInput}
        id="backup-file"
        type="file"
        accept=".json,application/json"
        disabled={busy}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file) void choose(file);
        }}
      />
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
