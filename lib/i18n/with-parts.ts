/**
 * A message with elements inside it (a name in bold, a link, a live number) as text and parts in
 * reading order. Each element's place is a named placeholder like any other, filled with
 * `part(n)`, so a translator moves it with the words around it and no sentence is built from
 * fragments:
 *
 *   withParts(t('pause_streak', [part(0)]), [<strong>Day 4</strong>])
 *
 * The markers are characters from Unicode's private use area, which no message holds.
 */
const OPEN = '\uE000';
const CLOSE = '\uE001';

/** The marker for `parts[index]`, to pass as a placeholder's substitution. */
export function part(index: number): string {
  return `${OPEN}${index}${CLOSE}`;
}

/** `text` split at its markers, each marker replaced by its part; empty pieces left out. */
export function withParts<T>(text: string, parts: readonly T[]): (string | T)[] {
  const pieces: (string | T)[] = [];
  for (const [i, piece] of text.split(/\uE000(\d+)\uE001/).entries()) {
    // `split` with a capture group alternates: text, part index, text, …
    if (i % 2 === 1) {
      const index = Number(piece);
      if (index < parts.length) pieces.push(parts[index] as T);
    } else if (piece) {
      pieces.push(piece);
    }
  }
  return pieces;
}
