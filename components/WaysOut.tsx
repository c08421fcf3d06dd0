import { t, type MessageKey } from '../lib/i18n/i18n';
import type { LockInStatus, WayOut } from '../lib/lockin/status';

const WORDS: Record<WayOut, MessageKey> = {
  'turn-off': 'lockIn_wayTurnOff',
  'private-windows': 'lockIn_wayPrivate',
  'guest-windows': 'lockIn_wayGuest',
  'new-profiles': 'lockIn_wayProfile',
};

/** Whether Steadfast is locked in now, and the easy ways round it that are still open or unseen. */
export function WaysOut({ status }: { status: LockInStatus }) {
  return (
    <section class="ways-out card" aria-labelledby="ways-out-title">
      <h2 id="ways-out-title">{t('lockIn_nowHeading')}</h2>
      <p data-lock-in={status.locked ? 'locked' : 'not-locked'}>{t(status.locked ? 'lockIn_statusLocked' : 'lockIn_statusNotLocked')}</p>
      {status.waysOut.length > 0 && (
        <>
          <p>{t(status.locked ? 'lockIn_waysUnseenIntro' : 'lockIn_waysOpenIntro')}</p>
          <ul class="ways-out-list">
            {status.waysOut.map(({ way, state }) => (
              <li key={way} data-way={way} data-state={state}>
                {t(WORDS[way])}
                {state === 'unseen' && <span class="muted"> {t('lockIn_wayUnseen')}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
