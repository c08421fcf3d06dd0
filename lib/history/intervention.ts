import type { HistoryDB } from './db';
import type { InterventionEvent } from './event';
import { addEvent, updateEvent } from './events';
import { currentTimeZone } from '../time/days';

export type VisitOutcome = Exclude<InterventionEvent['outcome'], 'shown'>;

/**
 * What the pause page tells the background about a visit: the background writes it too, because a
 * page that is closing or navigating may not live to finish its own write (Firefox ends it;
 * Chromium lets it finish). The same visit (same id, time and zone) from both is kept once, and
 * of its outcomes the first to land.
 */
export type VisitMessage = { type: 'steadfast:visit-shown'; visit: InterventionEvent } | { type: 'steadfast:visit-outcome'; id: string; outcome: VisitOutcome };

const OUTCOMES: readonly VisitOutcome[] = ['left', 'continued', 'closed'];
const text = (value: unknown, max: number): value is string => typeof value === 'string' && value.length > 0 && value.length <= max;

export function isVisitMessage(message: unknown): message is VisitMessage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  if (m.type === 'steadfast:visit-outcome') return text(m.id, 100) && OUTCOMES.includes(m.outcome as VisitOutcome);
  if (m.type !== 'steadfast:visit-shown' || typeof m.visit !== 'object' || m.visit === null) return false;
  const v = m.visit as Record<string, unknown>;
  return (
    Object.keys(v).length === 6 &&
    v.type === 'intervention' &&
    v.outcome === 'shown' &&
    text(v.id, 100) &&
    text(v.site, 300) &&
    text(v.tz, 100) &&
    typeof v.at === 'number' &&
    Number.isFinite(v.at)
  );
}

/** Records a visit's outcome unless it has one already (the first wins), in one transaction. */
export function recordOutcome(db: HistoryDB, id: string, outcome: VisitOutcome): Promise<InterventionEvent | undefined> {
  return updateEvent(db, id, 'intervention', { outcome }, (current) => current.outcome === 'shown');
}

/** Records a visit unless it is recorded already (the page's own write and the background's are the same visit). */
export async function recordShown(db: HistoryDB, visit: InterventionEvent): Promise<InterventionEvent | undefined> {
  return addEvent(db, visit).catch((error: unknown) => {
    if ((error as { name?: unknown } | null)?.name === 'ConstraintError') return undefined;
    throw error;
  });
}

/** Writes what a visit message says. */
export function recordVisit(db: HistoryDB, message: VisitMessage): Promise<InterventionEvent | undefined> {
  return message.type === 'steadfast:visit-shown' ? recordShown(db, message.visit) : recordOutcome(db, message.id, message.outcome);
}

/**
 * One pause-page visit, recorded as it happens: `shown` when the page opens, then what the person
 * did. Only the trigger's name is kept, never the address they were heading to.
 */
export class InterventionLog {
  private id?: string;
  private written?: Promise<unknown>;
  private chosen = false;

  /** `tell` hands each step to the background as well (see `VisitMessage`). */
  constructor(
    private readonly db: Promise<HistoryDB>,
    private readonly tell: (message: VisitMessage) => void = () => {},
    private readonly now = () => Date.now(),
  ) {}

  shown(site: string): void {
    const visit: InterventionEvent = { id: crypto.randomUUID(), type: 'intervention', at: this.now(), tz: currentTimeZone(), site, outcome: 'shown' };
    this.id = visit.id;
    this.tell({ type: 'steadfast:visit-shown', visit });
    this.written = this.db.then((db) => recordShown(db, visit)).catch(() => undefined);
  }

  /** Records the outcome once: the first of left, continued or closed wins. */
  async outcome(outcome: VisitOutcome): Promise<void> {
    if (this.id === undefined || this.chosen) return;
    this.chosen = true;
    this.tell({ type: 'steadfast:visit-outcome', id: this.id, outcome });
    await this.written;
    await recordOutcome(await this.db, this.id, outcome);
  }
}
