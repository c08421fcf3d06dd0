import { startBackground } from '../lib/background/background';

/** Wiring only: the background's work is lib/background/background.ts, tested with fakes of the browser's APIs. */
export default defineBackground(() => {
  startBackground();
});
