import 'fake-indexeddb/auto';
import { configure } from '@testing-library/preact';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import catalogue from '../../public/_locales/en/messages.json';
import { catalogueGetMessage } from '../../lib/i18n/catalogue';

// Tests read the English catalogue, as a browser set to English would.
function speakEnglish() {
  fakeBrowser.i18n.getMessage = catalogueGetMessage(catalogue) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en-GB';
}
speakEnglish();

// `findBy…` and `waitFor` wait for a condition; on a loaded two-core machine a page's lazy parts can
// take longer than the library's default second to arrive. A longer wait costs nothing when it passes.
configure({ asyncUtilTimeout: 5_000 });

beforeEach(() => {
  fakeBrowser.reset();
  speakEnglish();
});
