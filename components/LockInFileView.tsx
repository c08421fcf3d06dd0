import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n/i18n';
import type { LockInFile } from '../lib/lockin/lockin-file';

interface Props {
  file: LockInFile;
  /** Puts text on the clipboard (a test passes its own). */
  copy?: (text: string) => Promise<void>;
}

/** The file itself: shown, downloaded from a Blob made here (no `downloads` permission), or copied. */
export function LockInFileView({ file, copy = (text) => navigator.clipboard.writeText(text) }: Props) {
  const [href, setHref] = useState<string>();
  const [copied, setCopied] = useState('');
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
    setHref(url);
    setCopied('');
    return () => URL.revokeObjectURL(url);
  }, [file.text, file.type]);

  async function copyText() {
    try {
      await copy(file.text);
      setCopied(t('lockIn_copied'));
    } catch {
      setCopied(t('lockIn_copyFailed'));
    }
  }

  return (
    <section class="card" aria-labelledby="lockin-file">
      <h2 id="lockin-file">{t('lockIn_fileHeading')}</h2>
      <p>
        {t('lockIn_fileName')} <code data-file-name>{file.name}</code>
      </p>
      <div class="row">
        {href && (
          <a class="button" href={href} download={file.name} data-format={file.format}>
            {t('lockIn_download')}
          </a>
        )}
        <button type="button" onClick={() => void copyText()}>
          {t('lockIn_copy')}
        </button>
      </div>
      <p class="muted" role="status">
        {copied}
      </p>
      <pre class="lockin-text" tabIndex={0} aria-label={t('lockIn_fileTextLabel')}>
        <code>{file.text}</code>
      </pre>
    </section>
  );
}
