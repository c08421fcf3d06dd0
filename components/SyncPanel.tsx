import { useEffect, useState } from 'preact/hooks';
import { catalogueLanguage, t, tCount } from '../lib/i18n/i18n';
import type { SyncReport } from '../lib/sync/sync-state-item';

export interface SyncPanelProps {
  enabled: boolean;
  report: SyncReport | null;
  /** Sites in the imported lists, which never sync. */
  listSites: number;
  /** "14:05": when the last sync ran, in the person's time. */
  formatTime: (at: number) => string;
  onToggle: (on: boolean) => Promise<void>;
}

/** What the last sync found, in the person's words: each problem, then what stays here. */
function reportLines(report: SyncReport | null, listSites: number): string[] {
  const lines: string[] = [];
  if (report?.newerElsewhere) lines.push(t('sync_newerElsewhere'));
  if (report && report.ignored.length > 0) lines.push(t('sync_ignored'));
  if (report?.tooLarge.includes('triggers')) lines.push(t('sync_tooLargeTriggers'));
  if (report?.tooLarge.includes('settings')) lines.push(t('sync_tooLargeSettings'));
  if (report?.tooLarge.includes('plan')) lines.push(t('sync_tooLargePlan'));
  if (report?.writeFailed) lines.push(t('sync_writeFailed'));
  if (report && report.waiting > 0) lines.push(tCount('sync_waiting', report.waiting));
  if (listSites > 0) lines.push(tCount('sync_listsStay', listSites, [listSites.toLocaleString(catalogueLanguage())]));
  return lines;
}

/** The opt-in switch for browser sync, what it carries, what stays here, and how the last sync went. */
export function SyncPanel({ enabled, report, listSites, formatTime, onToggle }: SyncPanelProps) {
  const [busy, setBusy] = useState(false);
  // The switch shows the person's choice at once; storage catches up a moment later.
  const [on, setOn] = useState(enabled);
  useEffect(() => setOn(enabled), [enabled]);
  const [turnedOff, setTurnedOff] = useState(false);
  const status = on
    ? report && enabled
      ? t('sync_lastSynced', [formatTime(report.checkedAt)])
      : t('sync_starting')
    : turnedOff
      ? t('sync_turnedOff')
      : t('sync_off');
  const lines = on && enabled ? reportLines(report, listSites) : [];
  return (
    <>
      <p>{t('sync_intro')}</p>
      <p>{t('sync_how')}</p>
      <p class="muted">{t('sync_staysHere')}</p>
      <label class="sync-switch">
        <input
          type="checkbox"
          checked={on}
          disabled={busy}
          onChange={async (event) => {
            const next = event.currentTarget.checked;
            setOn(next);
            setBusy(true);
            try {
              await onToggle(next);
              setTurnedOff(!next);
            } catch {
              setOn(!next);
            } finally {
              setBusy(false);
            }
          }}
        />{' '}
        {t('sync_switch')}
      </label>
      <div role="status" class="sync-status">
        <p>{status}</p>
        {lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
    </>
  );
}
