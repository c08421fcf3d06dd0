import { chromiumHarness } from '../flows/chromium';
import { coreFlows } from '../flows/core-flows';

// The core flows (tests/flows/core-flows.ts) in Chromium; tests/e2e-firefox/flows.test.ts runs the same in Firefox ESR.
coreFlows(chromiumHarness());
