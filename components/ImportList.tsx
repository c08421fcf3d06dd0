import { useRef, useState } from 'preact/hooks';
import { t } from '../lib/i18n/i18n';
import type { Blocklist } from '../lib/triggers/blocklist';
import type { ImportRequest } from '../lib/triggers/blocklist-item';
import { countOf, formatNumber, MAX_LIST_DOMAINS } from '../lib/triggers/parse-list';
import type { TriggerMode } from '../lib/triggers/trigger';
import './ImportList.css';
import { ModeOptions, PendingChangeNote, ProtectionControls, type PendingNote } from './ProtectionControls';

interface Props {
  /** The lists imported so far; only their names, sizes and modes are shown, never their sites. */
  lists: readonly Blocklist[];
  /** Reads and stores a list: a summary to show, or why nothing changed. */
  onImport: (request: ImportRequest) => Promise<{ ok: boolean; message: string }>;
  onRemove: (list: Blocklist) => Promise<void>;
  onModeChange: (list: Blocklist, mode: TriggerMode) => Promise<void>;
  /** A loosening change waiting out its cooling-off for this list, if any. */
  pendingOf?: (list: Blocklist) => PendingNote | undefined;
}

const sitesIn = (list: Blocklist) => countOf('list_siteCount', list.domains.length);

/** "Gambling list.txt" → "Gambling list". */
const listNameOf = (fileName: string) => fileName.replace(/\.[^.]*$/, '');

/**
 * Many trigger sites at once: paste a list or choose a file (one site a line, a hosts file, an AdGuard,
 * uBlock Origin, Adblock Plus or dnsmasq list: `lib/triggers/list-formats/`). Lists of 100,000 sites
 * are shown as one row each: name, size, mode, remove.
 */
export function ImportList({ lists, onImport, onRemove, onModeChange, pendingOf }: Props) {
  const [text, setText] = useState('');
  const [file, setFile] = useState<{ name: string; text: string }>();
  const [name, setName] = useState('');
  const [mode, setMode] = useState<TriggerMode>('pause');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  async function choose(event: Event) {
    const chosen = (event.currentTarget as HTMLInputElement).files?.[0];
    if (!chosen) {
      setFile(undefined);
      return;
    }
    setFile({ name: chosen.name, text: await chosen.text() });
    if (!name.trim()) setName(listNameOf(chosen.name));
  }

  function clearFile() {
    setFile(undefined);
    if (fileInput.current) fileInput.current.value = '';
  }

  async function submit(event: Event) {
    event.preventDefault();
    const source = file?.text ?? text;
    if (!source.trim()) {
      setError(t('list_nothingToImport'));
      setStatus('');
      return;
    }
    setBusy(true);
    setError('');
    setStatus(t('list_reading'));
    // Let "Reading the list…" show before a long list keeps the page busy.
    await new Promise((resolve) => setTimeout(resolve, 0));
    try {
      const result = await onImport({ text: source, name: name.trim() || (file ? listNameOf(file.name) : ''), mode });
      if (!result.ok) {
        setStatus('');
        setError(result.message);
        return;
      }
      setStatus(result.message);
      setText('');
      setName('');
      clearFile();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section id="import-list" class="card" aria-labelledby="import-list-title">
      <h2 id="import-list-title">{t('list_title')}</h2>
      <p class="muted">{t('list_intro', [formatNumber(MAX_LIST_DOMAINS)])}</p>
      <form class="import-list" onSubmit={submit} noValidate>
        <label for="import-text">{t('list_pasteLabel')}</label>
        <textarea
          id="import-text"
          rows={5}
          spellcheck={false}
          autoComplete="off"
          placeholder={'example.com\nexample.org'}
          value={text}
          disabled={file !== undefined}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <label for="import-file">{t('list_fileLabel')}</label>
        <input id="import-file" ref={fileInput} type="file" accept=".txt,.list,.lst,.hosts,.conf,text/plain" onChange={choose} />
        {file && (
          <p class="muted">
            {t('list_fileChosen', [file.name])}{' '}
            <button type="button" class="quiet" onClick={clearFile}>
              {t('list_usePasted')}
            </button>
          </p>
        )}
        <div class="row">
          <span>
            <label for="import-name">{t('list_nameLabel')}</label>
            <input
              id="import-name"
              type="text"
              autoComplete="off"
              placeholder={t('list_namePlaceholder')}
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
            />
          </span>
          <span>
            <label for="import-mode">{t('list_modeLabel')}</label>
            <select id="import-mode" value={mode} onChange={(e) => setMode(e.currentTarget.value as TriggerMode)}>
              <ModeOptions />
            </select>
          </span>
        </div>
        <button type="submit" disabled={busy}>
          {t('list_import')}
        </button>
        <p id="import-error" class="error" role="alert">
          {error}
        </p>
        <p class="muted import-status" role="status">
          {status}
        </p>
      </form>
      {lists.length > 0 && (
        <ul class="imported-lists" aria-label={t('list_importedLists')}>
          {lists.map((list) => {
            const pending = pendingOf?.(list);
            return (
              <li key={list.id}>
                <span class="list-name">
                  {list.name} <span class="muted">· {sitesIn(list)}</span>
                  <PendingChangeNote pending={pending} />
                </span>
                <ProtectionControls
                  id={`list-mode-${list.id}`}
                  modeLabel={t('list_modeLabelNamed', [list.name])}
                  name={list.name}
                  mode={list.mode}
                  pending={pending}
                  onModeChange={(mode) => void onModeChange(list, mode)}
                  onRemove={() => void onRemove(list)}
                />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
