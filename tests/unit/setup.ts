import 'fake-indexeddb/auto';
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

beforeEach(() => {
  fakeBrowser.reset();
  speakEnglish();
});
