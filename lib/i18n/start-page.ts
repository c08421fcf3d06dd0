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
