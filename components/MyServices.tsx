import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ServiceActions } from './ServiceActions';
import type { MyService, MyServiceField, MyServiceInput } from '../lib/help/my-services';
import { t, type MessageKey } from '../lib/i18n/i18n';
import './help.css';

interface Props {
  services: readonly MyService[];
  /** Saves a new service (no `id`) or changes one; resolves to what to fix when it can't be saved. */
  onSave: (input: MyServiceInput, id?: string) => Promise<{ field: MyServiceField; message: string } | undefined>;
  onRemove: (id: string) => Promise<void>;
}

const EMPTY: MyServiceInput = { name: '', phone: '', sms: '', url: '', note: '' };

/** The form's fields; `label` and `hint` are catalogue keys. */
const FIELDS: { key: keyof MyServiceInput; label: MessageKey; type: 'text' | 'tel' | 'url'; hint?: MessageKey }[] = [
  { key: 'name', label: 'help_serviceName', type: 'text', hint: 'help_serviceNameHint' },
  { key: 'phone', label: 'help_servicePhone', type: 'tel' },
  { key: 'sms', label: 'help_serviceSms', type: 'tel' },
  { key: 'url', label: 'help_serviceUrl', type: 'url' },
  { key: 'note', label: 'help_serviceNote', type: 'text', hint: 'help_serviceNoteHint' },
];

const changeTitle = (name: string | undefined) => (name ? t('help_changeService', [name]) : t('help_changeThisService'));

/** "Your own services": the person's own lines, one click from a call, and the form to add or change them. */
export function MyServices({ services, onSave, onRemove }: Props) {
  const ids = useId();
  const [editing, setEditing] = useState<'new' | string>();
  const [draft, setDraft] = useState<MyServiceInput>(EMPTY);
  const [problem, setProblem] = useState<{ field: MyServiceField; message: string }>();
  const [status, setStatus] = useState('');
  const firstField = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (editing) firstField.current?.focus();
  }, [editing]);

  const open = (which: 'new' | MyService) => {
    setProblem(undefined);
    setStatus('');
    if (which === 'new') {
      setDraft(EMPTY);
      setEditing('new');
    } else {
      const { id, ...input } = which;
      setDraft(input);
      setEditing(id);
    }
  };

  async function save(event: Event) {
    event.preventDefault();
    const result = await onSave(draft, editing === 'new' ? undefined : editing);
    setProblem(result);
    if (result) return;
    setStatus(t('help_serviceSaved', [draft.name.trim()]));
    setEditing(undefined);
    heading.current?.focus();
  }

  async function remove(service: MyService) {
    await onRemove(service.id);
    if (editing === service.id) setEditing(undefined);
    setStatus(t('help_serviceRemoved', [service.name]));
    heading.current?.focus();
  }

  return (
    <section class="card my-services" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} ref={heading} tabIndex={-1}>
        {t('help_myServicesHeading')}
      </h2>
      {services.length > 0 ? (
        <ul class="my-services-list">
          {services.map((service) => {
            return (
              <li key={service.id}>
                <h3>{service.name}</h3>
                {service.note && <p class="muted">{service.note}</p>}
                <p class="actions">
                  <ServiceActions service={service} />
                </p>
                <p class="actions">
                  <button type="button" class="quiet" aria-label={t('help_editNamed', [service.name])} onClick={() => open(service)}>
                    {t('help_edit')}
                  </button>
                  <button type="button" class="quiet" aria-label={t('help_removeNamed', [service.name])} onClick={() => void remove(service)}>
                    {t('help_remove')}
                  </button>
                </p>
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="muted">{t('help_myServicesEmpty')}</p>
      )}
      <p class="muted" role="status">
        {status}
      </p>
      {editing ? (
        <form class="my-service-form" onSubmit={save} noValidate aria-labelledby={`${ids}-form-title`}>
          <h3 id={`${ids}-form-title`}>{editing === 'new' ? t('help_addService') : changeTitle(services.find((s) => s.id === editing)?.name)}</h3>
          {FIELDS.map(({ key, label, type, hint }, i) => {
            const id = `${ids}-${key}`;
            const wrong = problem?.field === key;
            const described = [hint && `${id}-hint`, wrong && `${ids}-problem`].filter(Boolean).join(' ');
            return (
              <div class="sub-field" key={key}>
                <label for={id}>{t(label)}</label>
                {hint && (
                  <span class="hint muted" id={`${id}-hint`}>
                    {t(hint)}
                  </span>
                )}
                <input
                  id={id}
                  ref={i === 0 ? firstField : undefined}
                  type={type}
                  list={undefined}
                  value={draft[key]}
                  autoComplete="off"
                  aria-invalid={wrong ? 'true' : 'false'}
                  aria-describedby={described || undefined}
                  onInput={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })}
                />
              </div>
            );
          })}
          <p id={`${ids}-problem`} class="error" role="alert">
            {problem?.message}
          </p>
          <p class="actions">
            <button type="submit">{editing === 'new' ? t('help_addThisService') : t('help_saveChanges')}</button>
            <button type="button" class="quiet" onClick={() => setEditing(undefined)}>
              {t('help_cancel')}
            </button>
          </p>
        </form>
      ) : (
        <p>
          <button type="button" class="quiet" onClick={() => open('new')}>
            {t('help_addService')}
          </button>
        </p>
      )}
    </section>
  );
}
