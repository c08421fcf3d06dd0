import { t, type MessageKey } from '../lib/i18n/i18n';
import type { TriggerMode } from '../lib/triggers/trigger';

/** A loosening change waiting out its cooling-off: what will happen, when, and a way to cancel it. */
export interface PendingNote {
  text: string;
  onCancel: () => Promise<void>;
  /** With the partner lock on: where the release code for this change is entered. */
  releaseHref?: string;
}

export function PendingChangeNote({ pending }: { pending?: PendingNote }) {
  if (!pending) return null;
  return (
    <span class="pending-change">
      {' '}
      <span aria-hidden="true">·</span> {pending.text}{' '}
      <button type="button" class="quiet" aria-label={t('triggers_cancelChange', [pending.text])} onClick={() => void pending.onCancel()}>
        {t('triggers_cancel')}
      </button>
      {pending.releaseHref && (
        <>
          {' '}
          <a href={pending.releaseHref}>{t('partner_releaseLink')}</a>
        </>
      )}
    </span>
  );
}

/** The two modes, worded for a person choosing in a calm moment. */
const MODE_WORDS = { pause: 'triggers_modePause', block: 'triggers_modeBlock' } as const satisfies Record<TriggerMode, MessageKey>;

export const ModeOptions = () => (
  <>
    {Object.entries(MODE_WORDS).map(([mode, key]) => (
      <option key={mode} value={mode}>
        {t(key)}
      </option>
    ))}
  </>
);

interface ControlsProps {
  id: string;
  /** Read by screen readers for the mode box: "When example.com opens". */
  modeLabel: string;
  /** What the Remove button removes, for its accessible name. */
  name: string;
  mode: TriggerMode;
  pending?: PendingNote;
  onModeChange: (mode: TriggerMode) => void;
  onRemove: () => void;
}

/** Pause or Block, and Remove, for one trigger or imported list. */
export function ProtectionControls({ id, modeLabel, name, mode, pending, onModeChange, onRemove }: ControlsProps) {
  return (
    <span class="trigger-actions">
      <label class="visually-hidden" for={id}>
        {modeLabel}
      </label>
      <select
        // Remount when a change starts waiting, so the box shows what is in force now.
        key={`${mode}-${pending ? 'pending' : 'settled'}`}
        id={id}
        value={mode}
        onChange={(e) => onModeChange(e.currentTarget.value as TriggerMode)}
      >
        <ModeOptions />
      </select>
      <button type="button" class="quiet" aria-label={t('triggers_removeNamed', [name])} onClick={onRemove}>
        {t('triggers_remove')}
      </button>
    </span>
  );
}
