import { useEffect, useState } from 'preact/hooks';
import { Backup } from '../../components/Backup';
import { backupFileName, backupText, collectBackup, restoreProblem } from '../../lib/backup/export';
import { backupContents, type RestoreMode } from '../../lib/backup/import';
import { restoreSession } from '../../lib/backup/restore';
import { historyConnection } from '../../lib/history/db';
import { t } from '../../lib/i18n/i18n';
import { loadPartnerLock, partnerLockItem } from '../../lib/partner/partner-lock';
import { AutoBackupSection } from './AutoBackupSection';

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
  const history = historyConnection;
  const [session] = useState(() => restoreSession(history));
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

  async function restore(mode: RestoreMode) {
    const result = await session.restore(mode);
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
      <Backup onExport={exportBackup} onChoose={session.choose} onRestore={restore} initialStatus={carried} />
      <AutoBackupSection />
    </section>
  );
}
