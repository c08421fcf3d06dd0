import { catalogueLanguage, ensureWords } from './i18n';
import { localisePage } from './localise-page';

/**
 * Every page's start: make sure there are words (see `ensureWords`), put the person's language into
 * the static HTML, then draw. The static HTML already holds English from the build, so its first
 * paint never waits for this.
 */
export async function startPage(draw: () => void): Promise<void> {
  await ensureWords();
  localisePage(document, undefined, catalogueLanguage());
  draw();
}

/**
 * Calls `then` once the browser has painted the page's static HTML: at once when its first
 * contentful paint is already on record, else after the callbacks of the next frame (the one that
 * paints it), in a task of its own. A hidden page paints nothing and gets no frames, so it goes on
 * at once, or as soon as it is hidden before that frame came.
 */
export function afterFirstPaint(
  then: () => void,
  doc: Document = document,
  painted: () => boolean = () => performance.getEntriesByName('first-contentful-paint').length > 0,
): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    doc.removeEventListener('visibilitychange', onHidden);
    then();
  };
  const onHidden = () => doc.visibilityState === 'hidden' && once();
  if (doc.visibilityState === 'hidden' || painted()) return once();
  doc.addEventListener('visibilitychange', onHidden);
  requestAnimationFrame(() => setTimeout(once, 0));
}
