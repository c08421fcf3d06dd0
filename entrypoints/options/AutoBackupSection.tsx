import { useEffect, useState } from 'preact/hooks';
import { AutoBackup } from '../../components/AutoBackup';
import { autoBackupItem, type AutoBackup as AutoBackupState } from '../../lib/backup/auto-backup-item';
import { turnOffAutoBackup, turnOnAutoBackup } from '../../lib/backup/auto-backup-run';

const formatWhen = (at: number) => new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' }).format(at);

/** Automatic backups to the Downloads folder: the switch here, the saving in the background. */
export function AutoBackupSection() {
  const [state, setState] = useState<AutoBackupState>();
  useEffect(() => {
    void autoBackupItem.getValue().then(setState);
    return autoBackupItem.watch((next) => setState(next));
  }, []);
  if (!state) return null;
  return (
    <AutoBackup
      state={state}
      formatWhen={formatWhen}
      onToggle={async (on) => {
        if (!on) {
          await turnOffAutoBackup();
          return true;
        }
        return (await turnOnAutoBackup()).ok;
      }}
    />
  );
}
