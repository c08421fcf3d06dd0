import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../lib/i18n/i18n';
import type { Trigger, TriggerMode } from '../lib/triggers/trigger';
import { PendingChangeNote, ProtectionControls, type PendingNote } from './ProtectionControls';

interface Props {
  id: string;
  title: string;
  intro: ComponentChildren;
  /** The field's visible label, e.g. "Trigger site". */
  label: string;
  placeholder: string;
  addLabel: string;
  emptyText: string;
  triggers: readonly Trigger[];
  /** Tries to add what the person typed: the trigger added, or a message saying why not. */
  onAdd: (text: string) => Promise<{ added: Trigger } | { error: string }>;
  onRemove: (trigger: Trigger) => Promise<void>;
  onModeChange: (trigger: Trigger, mode: TriggerMode) => Promise<void>;
  /** A loosening change waiting out its cooling-off for this trigger, if any. */
  pendingOf?: (trigger: Trigger) => PendingNote | undefined;
}

/** One kind of trigger (sites or words): add one, see them all, choose pause or block, remove. */
export function TriggerList(props: Props) {
  const { id, triggers } = props;
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  async function add(event: Event) {
    event.preventDefault();
    const submitted = text;
    const result = await props.onAdd(submitted);
    if ('error' in result) {
      setError(result.error);
      setStatus('');
      return;
    }
    setError('');
    setStatus(t('triggers_added', [result.added.display]));
    // Only what was added goes: the next site, typed while this one was saved, stays in the field.
    setText((current) => (current === submitted ? '' : current));
  }

  return (
    <section id={id} class="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{props.title}</h2>
      <p class="muted">{props.intro}</p>
      <form class="add-trigger" onSubmit={add} noValidate>
        <label for={`${id}-input`}>{props.label}</label>
        <div class="row">
          <input
            id={`${id}-input`}
            type="text"
            autoComplete="off"
            spellcheck={false}
            placeholder={props.placeholder}
            value={text}
            aria-invalid={error ? 'true' : 'false'}
            aria-describedby={`${id}-error`}
            onInput={(event) => setText(event.currentTarget.value)}
          />
          <button type="submit">{props.addLabel}</button>
        </div>
        <p id={`${id}-error`} class="error" role="alert">
          {error}
        </p>
        <p class="muted" role="status">
          {status}
        </p>
      </form>
      {triggers.length === 0 ? (
        <p class="empty">{props.emptyText}</p>
      ) : (
        <ul class="trigger-list" aria-label={props.title}>
          {triggers.map((trigger) => {
            const pending = props.pendingOf?.(trigger);
            return (
              <li key={trigger.id}>
                <span class="trigger-name">
                  {trigger.display}
                  <PendingChangeNote pending={pending} />
                </span>
                <ProtectionControls
                  id={`mode-${trigger.id}`}
                  modeLabel={t('triggers_modeLabel', [trigger.display])}
                  name={trigger.display}
                  mode={trigger.mode}
                  pending={pending}
                  onModeChange={(mode) => void props.onModeChange(trigger, mode)}
                  onRemove={() => void props.onRemove(trigger)}
                />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
