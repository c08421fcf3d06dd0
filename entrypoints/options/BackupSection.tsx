import { useEffect, useRef, useState } from 'preact/hooks';
import { Backup, type BackupPreview } from '../../components/Backup';
import { backupFileName, backupText, collectBackup, restoreProblem } from '../../lib/backup/export';
import { backupContents, type RestoreMode } from '../../lib/backup/import';
import { previewRestore, restoreBackup } from '../../lib/backup/restore';
import type { Backup as BackupFile } from '../../lib/backup/schema';
import { openHistory, type HistoryDB } from '../../lib/history/db';
import { t } from '../../lib/i18n/i18n';
import { loadPartnerLock, partnerLockItem } from '../../lib/partner/partner-lock';

/** Survives the reload after a restore, in this tab only. */
const CARRIED = 'steadfast-backup-status';

/** Saves a file through the browser's own download: a Blob URL, never the network. */
function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has its own copy once started; a moment later the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function BackupSection() {
  const db = useRef<Promise<HistoryDB> | undefined>(undefined);
  const chosen = useRef<BackupFile | undefined>(undefined);
  const history = () => (db.current ??= openHistory());
  const [carried] = useState(() => {
    const message = sessionStorage.getItem(CARRIED) ?? '';
    sessionStorage.removeItem(CARRIED);
    return message;
  });
  // The partner lock's key goes into a backup only when the person ticks this (lib/backup/export.ts).
  const [lockOn, setLockOn] = useState(false);
  const [withKey, setWithKey] = useState(false);
  useEffect(() => {
    const reload = () => void loadPartnerLock().then((lock) => setLockOn(lock !== null));
    reload();
    return partnerLockItem.watch(reload);
  }, []);

  async function exportBackup(): Promise<string> {
    const backup = await collectBackup(await history(), undefined, { withPartnerLock: lockOn && withKey });
    download(backupText(backup), backupFileName());
    const problem = restoreProblem(backup);
    return problem ? t('backup_downloadingWithProblem', [problem]) : t('backup_downloading', [backupContents(backup.data)]);
  }

  async function choose(file: File): Promise<BackupPreview> {
    chosen.current = undefined;
    const preview = await previewRestore(file, await history());
    if (!preview.ok) return preview;
    chosen.current = preview.backup;
    return { ok: true, contents: preview.contents, effects: preview.effects };
  }

  async function restore(mode: RestoreMode) {
    const backup = chosen.current;
    if (!backup) return { ok: false, message: t('backup_chooseFirst') };
    const result = await restoreBackup(backup, mode, await history());
    chosen.current = undefined;
    if (result.ok) {
      // Every section on this page drew what was here before; show them what is here now.
      sessionStorage.setItem(CARRIED, result.message);
      location.hash = 'backup';
      location.reload();
    }
    return result;
  }

  return (
    <section id="backup" class="card" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup_title')}</h2>
      {lockOn && (
        <p>
          <label>
            <input type="checkbox" checked={withKey} onChange={(e) => setWithKey(e.currentTarget.checked)} /> {t('backup_withPartnerKey')}
          </label>
        </p>
      )}
      <Backup onExport={exportBackup} onChoose={choose} onRestore={restore} initialStatus={carried} />
    </section>
  );
}
