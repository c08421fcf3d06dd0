import { historyConnection } from '../../lib/history/db';

// Imported first by main.tsx: the history starts opening as soon as the code that opens it has run,
// before the rest of the page's modules (Preact, the charts, the words) are evaluated. The page's
// reads then find the connection kept (lib/history/db.ts). A failed open is not kept: the page's own
// ask opens again, and says so if that fails too.
historyConnection().catch(() => {});
