import { chromiumHarness } from '../flows/chromium';
import { fourBoxesFlows } from '../flows/four-boxes-flows';

// The four boxes flow (tests/flows/four-boxes-flows.ts) in Chromium; tests/e2e-firefox/four-boxes.test.ts runs the same in Firefox ESR.
fourBoxesFlows(chromiumHarness());
