import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/**
 * A `<details>` whose content is drawn only once the person opens it: tables of numbers and long
 * lists stay out of the page (and its first layout) until asked for. Closed, a `<details>` shows
 * only its summary anyway, to eyes and screen readers alike.
 */
export function Disclosure({ summary, children }: { summary: ComponentChildren; children: () => ComponentChildren }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
      <summary>{summary}</summary>
      {open && children()}
    </details>
  );
}
