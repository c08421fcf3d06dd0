import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n/i18n';
import { canTakeBack } from '../../lib/triggers/edits';
import type { Trigger } from '../../lib/triggers/trigger';
import { addTrigger, exampleState, takeBackTrigger, TRIGGER_EXAMPLES } from '../../lib/welcome/trigger-examples';

/**
 * Step 2: trigger sites. Common places to tick (none ticked for the person) and a field for their
 * own, added to the same list, with the same checks and messages, as in "My recovery"; the
 * background turns the list into the blocking rule. A fresh addition can be taken back here.
 */
export function TriggersStep({ triggers, now = Date.now }: { triggers: readonly Trigger[]; now?: () => number }) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  function show(result: { added: Trigger } | { error: string }): boolean {
    if ('error' in result) {
      setError(result.error);
      setStatus('');
      return false;
    }
    setError('');
    setStatus(t('welcome_added', [result.added.display]));
    return true;
  }

  async function addOwn(event: Event) {
    event.preventDefault();
    const submitted = text;
    // Only what was added goes: the next site, typed while this one was saved, stays in the field.
    if (show(await addTrigger(submitted))) setText((current) => (current === submitted ? '' : current));
  }

  async function toggle(site: string, checked: boolean, trigger?: Trigger) {
    if (checked) {
      show(await addTrigger(site));
    } else if (trigger && (await takeBackTrigger(trigger.id))) {
      setError('');
      setStatus(t('welcome_removed', [trigger.display]));
    }
  }

  async function remove(trigger: Trigger) {
    if (await takeBackTrigger(trigger.id)) {
      setError('');
      setStatus(t('welcome_removed', [trigger.display]));
    }
  }

  const sites = triggers.filter((trigger) => trigger.kind !== 'keyword');
  const at = now();
  return (
    <>
      <p class="muted">{t('welcome_triggersIntro')}</p>
      <fieldset class="examples">
        <legend>{t('welcome_examplesLegend')}</legend>
        <ul>
          {TRIGGER_EXAMPLES.map(({ site, about }, index) => {
            const state = exampleState(site, triggers, at);
            const locked = state.checked && !state.canUntick;
            return (
              <li key={site}>
                <input
                  id={`example-${index}`}
                  type="checkbox"
                  checked={state.checked}
                  disabled={locked}
                  aria-describedby={`example-${index}-about`}
                  onChange={(event) => void toggle(site, event.currentTarget.checked, state.trigger)}
                />
                <label for={`example-${index}`}>{site}</label>
                <span id={`example-${index}-about`} class="muted about">
                  {locked ? t('welcome_exampleInList') : t(about)}
                </span>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <form class="add-trigger" onSubmit={addOwn} noValidate>
        <label for="welcome-trigger">{t('welcome_ownLabel')}</label>
        <div class="row">
          <input
            id="welcome-trigger"
            type="text"
            autoComplete="off"
            spellcheck={false}
            placeholder={t('welcome_ownPlaceholder')}
            value={text}
            aria-invalid={error ? 'true' : 'false'}
            aria-describedby="welcome-trigger-error"
            onInput={(event) => setText(event.currentTarget.value)}
          />
          <button type="submit">{t('welcome_add')}</button>
        </div>
        <p id="welcome-trigger-error" class="error" role="alert">
          {error}
        </p>
        <p class="muted" role="status">
          {status}
        </p>
      </form>
      <h3 id="welcome-list-title">{t('welcome_inListHeading')}</h3>
      {sites.length === 0 ? (
        <p class="empty">{t('welcome_noTriggers')}</p>
      ) : (
        <ul class="trigger-list" aria-labelledby="welcome-list-title">
          {sites.map((trigger) => (
            <li key={trigger.id}>
              <span class="trigger-name">{trigger.display}</span>
              {canTakeBack(trigger, at) && (
                <button type="button" class="quiet" aria-label={t('welcome_removeSite', [trigger.display])} onClick={() => void remove(trigger)}>
                  {t('welcome_remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p class="muted">{t('welcome_triggersMore')}</p>
    </>
  );
}
