import type { HistoryDB } from './db';
import type { InterventionEvent } from './event';
import { addEvent, updateEvent } from './events';

/**
 * One pause-page visit, recorded as it happens: `shown` when the page opens, then what the person
 * did. Only the trigger's name is kept, never the address they were heading to.
 */
export class InterventionLog {
  private event?: Promise<InterventionEvent | undefined>;

  constructor(private readonly db: Promise<HistoryDB>) {}

  shown(site: string): void {
    this.event = this.db
      .then((db) => addEvent(db, { type: 'intervention', site, outcome: 'shown' }))
      .catch(() => undefined);
  }

  /** Records the outcome once: the first of left, continued or closed wins. */
  async outcome(outcome: Exclude<InterventionEvent['outcome'], 'shown'>): Promise<void> {
    const event = await this.event;
    if (!event || event.outcome !== 'shown') return;
    event.outcome = outcome;
    await updateEvent(await this.db, event.id, 'intervention', { outcome });
  }
}
