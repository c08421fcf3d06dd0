import { useRef, useState } from 'preact/hooks';
import type { ChosenPreview } from '../lib/backup/restore';

type Result = { ok: boolean; message: string };

/**
 * A restore as a person does it, for "My recovery" and the welcome: choose a file (its summary or
 * why it can't be used), then restore it; one status and one error line, and nothing to press
 * twice while a step runs.
 */
export function useRestoreFlow<Mode>(onChoose: (file: File) => Promise<ChosenPreview>, onRestore: (mode: Mode) => Promise<Result>, initialStatus = '') {
  const [status, setStatus] = useState(initialStatus);
  const [error, setError] = useState('');
  const [preview, setPreview] = useState<Extract<ChosenPreview, { ok: true }>>();
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError('');
    setStatus('');
    try {
      await work();
    } finally {
      setBusy(false);
    }
  }

  const choose = (file: File) =>
    run(async () => {
      setPreview(undefined);
      const result = await onChoose(file);
      if (result.ok) setPreview(result);
      else setError(result.message);
      // The same file can be chosen again after a fix.
      if (fileInput.current) fileInput.current.value = '';
    });

  const restore = (mode: Mode) =>
    run(async () => {
      const result = await onRestore(mode);
      setPreview(undefined);
      if (result.ok) setStatus(result.message);
      else setError(result.message);
    });

  return { status, setStatus, error, preview, setPreview, busy, fileInput, run, choose, restore };
}
