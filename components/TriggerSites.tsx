import { useState } from 'preact/hooks';
import type { Trigger } from '../lib/triggers/trigger';

interface Props {
  triggers: readonly Trigger[];
  /** Tries to add what the person typed: the trigger added, or a message saying why not. */
  onAdd: (text: string) => Promise<{ added: Trigger } | { error: string }>;
  onRemove: (trigger: Trigger) => Promise<void>;
}

/** The trigger list: add a site (or a path on a site), see them all, remove one. */
export function TriggerSites({ triggers, onAdd, onRemove }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  async function add(event: Event) {
    event.preventDefault();
    const result = await onAdd(text);
    if ('error' in result) {
      setError(result.error);
      setStatus('');
      return;
    }
    setError('');
    setStatus(`Added. Steadfast will pause ${result.added.display} from now on.`);
    setText('');
  }

  return (
    <section id="triggers" class="card" aria-labelledby="triggers-title">
      <h2 id="triggers-title">Trigger sites</h2>
      <p class="muted">
        Sites that pull you towards using. When one opens, Steadfast shows a calm pause page with
        your plan instead, and the site never loads. Subdomains are included: example.com covers
        www.example.com and m.example.com. Add a path (example.com/forum) to pause only that part.
      </p>
      <form class="add-trigger" onSubmit={add} noValidate>
        <label for="trigger-input">Trigger site</label>
        <div class="row">
          <input
            id="trigger-input"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="example.com"
            value={text}
            aria-invalid={error ? 'true' : 'false'}
            aria-describedby="trigger-error"
            onInput={(event) => setText(event.currentTarget.value)}
          />
          <button type="submit">Add</button>
        </div>
        <p id="trigger-error" class="error" role="alert">
          {error}
        </p>
        <p class="muted" role="status">
          {status}
        </p>
      </form>
      {triggers.length === 0 ? (
        <p class="empty">No trigger sites yet. Add the first one above when you feel ready.</p>
      ) : (
        <ul class="trigger-list" aria-label="Your trigger sites">
          {triggers.map((trigger) => (
            <li key={trigger.id}>
              <span class="trigger-name">{trigger.display}</span>
              <button type="button" class="quiet" aria-label={`Remove ${trigger.display}`} onClick={() => onRemove(trigger)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
