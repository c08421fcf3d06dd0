import { fourBoxesFlows } from '../flows/four-boxes-flows';
import { firefoxHarness } from '../flows/firefox';

// The four boxes flow (tests/flows/four-boxes-flows.ts) in Firefox ESR; tests/e2e/four-boxes.test.ts runs the same in Chromium.
fourBoxesFlows(firefoxHarness());
