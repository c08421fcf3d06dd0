import { t } from '../lib/i18n/i18n';
import type { LockInStatus } from '../lib/lockin/status';

/** One quiet line when a browser policy holds Steadfast in; nothing otherwise (never a claim it cannot see). */
export function LockInLine({ status }: { status: LockInStatus | undefined }) {
  if (!status?.locked) return null;
  return (
    <p class="lock-in-line muted" data-lock-in="locked">
      {t('lockIn_statusLocked')}
    </p>
  );
}
