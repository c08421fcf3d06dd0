/**
 * The urge log: what a logged urge may hold, what each choice means, how a filled-in form is
 * checked, and how it is written (with its day's summary, ./events.ts). Every field is optional
 * but one: a saved urge always has its strength at the start, the one thing every urge record has
 * held since the first version and what the urge trend averages. Skipping the log saves nothing;
 * after urge surfing, whose ratings are saved as the wave ends, skipping the details leaves that
 * record as it is.
 */
import type { MessageKey } from '../i18n/i18n';
import { URGE_ACTIONS, URGE_SET_OFFS, URGE_TEXT_MAX, type UrgeAction, type UrgeEvent, type UrgeSetOff } from './event';
import type { HistoryDB } from './db';
import { addEvent, updateEvent } from './events';

export { URGE_ACTIONS, URGE_SET_OFFS, URGE_TEXT_MAX };

/** The longest urge the form takes, in minutes: a day. */
export const URGE_LOG_MAX_MINUTES = 1440;

/** The words for each thing that can set an urge off. */
export const SET_OFF_WORDS: Record<UrgeSetOff, MessageKey> = {
  site: 'urgeLog_setOff_site',
  place: 'urgeLog_setOff_place',
  people: 'urgeLog_setOff_people',
  hungry: 'urgeLog_setOff_hungry',
  angry: 'urgeLog_setOff_angry',
  lonely: 'urgeLog_setOff_lonely',
  tired: 'urgeLog_setOff_tired',
};

/** The words for each thing a person can do with an urge (SMART Recovery's DEADS, and their own). */
export const ACTION_WORDS: Record<UrgeAction, MessageKey> = {
  delay: 'urgeLog_action_delay',
  escape: 'urgeLog_action_escape',
  avoid: 'urgeLog_action_avoid',
  distract: 'urgeLog_action_distract',
  substitute: 'urgeLog_action_substitute',
  own: 'urgeLog_action_own',
};

/** What set it off and what they did: the part of the log that follows urge surfing. */
export type UrgeDetails = Pick<UrgeEvent, 'setOffBy' | 'setOffOwn' | 'action' | 'ownAction'>;
/** A whole logged urge, checked, ready to write. */
export type UrgeEntry = Pick<UrgeEvent, 'before' | 'after' | 'minutes'> & UrgeDetails;

/** The form as the person left it: ratings chosen or not, texts as typed. */
export interface UrgeLogDraft {
  before?: number;
  after?: number;
  /** As typed; empty means not given. */
  minutes?: string;
  setOffBy?: readonly UrgeSetOff[];
  setOffOwn?: string;
  action?: UrgeAction;
  ownAction?: string;
}

export type UrgeLogProblem = { key: MessageKey; substitutions?: string[] };
export type UrgeLogCheck<T> = { ok: true; value: T } | { ok: false; problem: UrgeLogProblem };

const isRating = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 10;
const tidy = (text: string | undefined): string => (text ?? '').trim().replace(/\s+/g, ' ');

/** Checks what set it off and what they did. Own words are trimmed; an empty one is left out. */
export function checkUrgeDetails(draft: UrgeLogDraft): UrgeLogCheck<UrgeDetails> {
  const setOffOwn = tidy(draft.setOffOwn);
  const ownAction = draft.action === 'own' ? tidy(draft.ownAction) : '';
  if (setOffOwn.length > URGE_TEXT_MAX || ownAction.length > URGE_TEXT_MAX) {
    return { ok: false, problem: { key: 'urgeLog_textTooLong', substitutions: [String(URGE_TEXT_MAX)] } };
  }
  const setOffBy = URGE_SET_OFFS.filter((kind) => draft.setOffBy?.includes(kind));
  const action = draft.action && URGE_ACTIONS.includes(draft.action) ? draft.action : undefined;
  return {
    ok: true,
    value: {
      ...(setOffBy.length ? { setOffBy } : {}),
      ...(setOffOwn ? { setOffOwn } : {}),
      ...(action ? { action } : {}),
      ...(ownAction ? { ownAction } : {}),
    },
  };
}

/** Checks a whole log: the strength at the start is needed to save; minutes, when given, are whole, 1 to a day. */
export function checkUrgeLog(draft: UrgeLogDraft): UrgeLogCheck<UrgeEntry> {
  if (!isRating(draft.before)) return { ok: false, problem: { key: 'urgeLog_needStart' } };
  if (draft.after !== undefined && !isRating(draft.after)) return { ok: false, problem: { key: 'urgeLog_needStart' } };
  const typed = (draft.minutes ?? '').trim();
  let minutes: number | undefined;
  if (typed) {
    minutes = /^\d{1,4}$/.test(typed) ? Number(typed) : NaN;
    if (!(minutes >= 1 && minutes <= URGE_LOG_MAX_MINUTES)) {
      return { ok: false, problem: { key: 'urgeLog_minutesInvalid', substitutions: [String(URGE_LOG_MAX_MINUTES)] } };
    }
  }
  const details = checkUrgeDetails(draft);
  if (!details.ok) return details;
  return {
    ok: true,
    value: {
      before: draft.before,
      ...(draft.after === undefined ? {} : { after: draft.after }),
      ...(minutes === undefined ? {} : { minutes }),
      ...details.value,
    },
  };
}

/** Writes a checked urge, now, with its day's summary in the same transaction. */
export function logUrge(db: HistoryDB, entry: UrgeEntry, now = Date.now()): Promise<UrgeEvent> {
  return addEvent(db, { type: 'urge', ...entry }, now);
}

/**
 * Adds what set it off and what they did to an urge already saved (urge surfing's). Returns the
 * stored urge, or undefined when there is no urge with that id.
 */
export function addUrgeDetails(db: HistoryDB, id: string, details: UrgeDetails): Promise<UrgeEvent | undefined> {
  return updateEvent(db, id, 'urge', details);
}
