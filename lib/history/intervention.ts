import type { HistoryDB } from './db';
import type { InterventionEvent } from './event';
import { addEvent, updateEvent } from './events';

export type VisitOutcome = Exclude<InterventionEvent['outcome'], 'shown'>;

/**
 * What the pause page tells the background when the person leaves it: the background writes the
 * outcome too, because a page that is closing or navigating may not live to finish its own write
 * (Firefox ends it; Chromium lets it finish). Whichever lands first is kept.
 */
export interface VisitOutcomeMessage {
  type: 'steadfast:visit-outcome';
  id: string;
  outcome: VisitOutcome;
}

const OUTCOMES: readonly VisitOutcome[] = ['left', 'continued', 'closed'];

export function isVisitOutcomeMessage(message: unknown): message is VisitOutcomeMessage {
  const m = message as Partial<VisitOutcomeMessage> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.type === 'steadfast:visit-outcome' &&
    typeof m.id === 'string' &&
    m.id.length > 0 &&
    m.id.length <= 100 &&
    OUTCOMES.includes(m.outcome as VisitOutcome)
  );
}

/** Records a visit's outcome unless it has one already (the first wins), in one transaction. */
export function recordOutcome(db: HistoryDB, id: string, outcome: VisitOutcome): Promise<InterventionEvent | undefined> {
  return updateEvent(db, id, 'intervention', { outcome }, (current) => current.outcome === 'shown');
}

/**
 * One pause-page visit, recorded as it happens: `shown` when the page opens, then what the person
 * did. Only the trigger's name is kept, never the address they were heading to.
 */
export class InterventionLog {
  private id?: string;
  private event?: Promise<InterventionEvent | undefined>;
  private chosen = false;

  /** `tell` hands the outcome to the background as well (see `VisitOutcomeMessage`). */
  constructor(
    private readonly db: Promise<HistoryDB>,
    private readonly tell: (message: VisitOutcomeMessage) => void = () => {},
  ) {}

  shown(site: string): void {
    const id = crypto.randomUUID();
    this.id = id;
    this.event = this.db
      .then((db) => addEvent(db, { id, type: 'intervention', site, outcome: 'shown' }))
      .catch(() => undefined);
  }

  /** Records the outcome once: the first of left, continued or closed wins. */
  async outcome(outcome: VisitOutcome): Promise<void> {
    if (this.id === undefined || this.chosen) return;
    this.chosen = true;
    this.tell({ type: 'steadfast:visit-outcome', id: this.id, outcome });
    const event = await this.event;
    if (!event) return;
    await recordOutcome(await this.db, event.id, outcome);
  }
}
