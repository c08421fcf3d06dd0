import type { Ref } from 'preact';

/** A labelled picker for one backup file (.json). */
export function BackupFileInput({
  id,
  label,
  busy,
  inputRef,
  onFile,
}: {
  id: string;
  label: string;
  busy: boolean;
  inputRef: Ref<HTMLInputElement>;
  onFile: (file: File) => void;
}) {
  return (
    <>
      <label for={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        type="file"
        accept=".json,application/json"
        disabled={busy}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file) onFile(file);
        }}
      />
    </>
  );
}
