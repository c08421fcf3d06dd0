import { useState } from 'preact/hooks';
import type { CrisisCard } from '../lib/help/crisis-lines';
import { isCrisisCheckIn } from '../lib/help/crisis-threshold';
import type { RegionCode } from '../lib/help/directory';
import type { Halt } from '../lib/history/event';
import { t, type MessageKey } from '../lib/i18n/i18n';
import { part, withParts } from '../lib/i18n/with-parts';
import { PROBLEM_WORDS, writeProblem } from '../lib/problems/problems';
import { CrisisLines } from './CrisisLines';

export interface CheckInValues {
  mood: 1 | 2 | 3 | 4 | 5;
  craving: number;
  halt: Halt;
  note: string;
}

const MOODS = [
  [1, 'checkin_moodVeryLow'],
  [2, 'checkin_moodLow'],
  [3, 'checkin_moodOkay'],
  [4, 'checkin_moodGood'],
  [5, 'checkin_moodVeryGood'],
] as const satisfies readonly (readonly [CheckInValues['mood'], MessageKey])[];

const HALT = [
  ['hungry', 'checkin_hungry'],
  ['angry', 'checkin_angry'],
  ['lonely', 'checkin_lonely'],
  ['tired', 'checkin_tired'],
] as const satisfies readonly (readonly [keyof Halt, MessageKey])[];

interface Props {
  onSave: (values: CheckInValues) => Promise<void>;
  /** Offered at the crisis threshold: help first, gently. */
  helpHref: string;
  /** The place and its emergency and crisis lines (`loadCrisisCard`); the help link alone until loaded. */
  crisis?: CrisisCard;
  onRegion?: (region: RegionCode) => void;
}

/**
 * At the crisis threshold (`isCrisisCheckIn`) help comes first, as soon as the person sets the
 * rating: before anything is saved, and still there whether saving works or not.
 */
function HardMoment({ helpHref, crisis, onRegion }: Pick<Props, 'helpHref' | 'crisis' | 'onRegion'>) {
  return crisis ? (
    <div class="checkin-crisis">
      <p>{t('checkin_hardMoment')}</p>
      <CrisisLines card={crisis} onRegion={onRegion ?? (() => {})} helpHref={helpHref} newTab />
    </div>
  ) : (
    <p class="checkin-crisis">
      {withParts(t('checkin_hardMomentLink', [part(0)]), [
        <a class="help-link" href={helpHref} target="_blank">
          {t('checkin_talkNow')}
        </a>,
      ])}
    </p>
  );
}

/** The daily check-in: mood, craving, HALT and a note, in a few taps. */
export function CheckIn({ onSave, helpHref, crisis, onRegion }: Props) {
  const [mood, setMood] = useState<CheckInValues['mood']>();
  const [craving, setCraving] = useState(0);
  const [halt, setHalt] = useState<Halt>({ hungry: false, angry: false, lonely: false, tired: false });
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<CheckInValues>();
  const [error, setError] = useState('');
  const [failed, setFailed] = useState(false);

  async function save(event: Event) {
    event.preventDefault();
    if (!mood) {
      setError(t('checkin_chooseMood'));
      return;
    }
    const values = { mood, craving, halt, note: note.trim() };
    try {
      await onSave(values);
      setSaved(values);
      setError('');
    } catch (problem) {
      // Never a thank-you for what was not saved: say so plainly, keep the answers, offer again.
      setFailed(true);
      setError(writeProblem(problem) === 'full' ? t(PROBLEM_WORDS.full) : t('checkin_saveFailed'));
    }
  }

  const hard = isCrisisCheckIn(saved ?? { mood, craving });
  const hardMoment = hard && <HardMoment helpHref={helpHref} crisis={crisis} onRegion={onRegion} />;
  if (saved) {
    return (
      <div class="checkin-done">
        {hardMoment}
        <p role="status">{t('checkin_thanks')}</p>
      </div>
    );
  }

  return (
    <form class="checkin" onSubmit={save} noValidate>
      <fieldset>
        <legend>{t('checkin_howFeeling')}</legend>
        <div class="mood-row">
          {MOODS.map(([value, label]) => (
            <label key={value} class={mood === value ? 'mood chosen' : 'mood'}>
              <input type="radio" name="mood" value={value} checked={mood === value} onChange={() => setMood(value)} />
              {t(label)}
            </label>
          ))}
        </div>
      </fieldset>
      <div class="sub-field">
        <label for="craving">{withParts(t('checkin_craving', [part(0)]), [<output for="craving">{craving}</output>])}</label>
        <input
          id="craving"
          type="range"
          min={0}
          max={10}
          step={1}
          value={craving}
          aria-valuetext={t('checkin_cravingValue', [craving])}
          onInput={(e) => setCraving(Number(e.currentTarget.value))}
        />
      </div>
      {/* Below the rating, not above it: nothing moves under a finger still on the slider. */}
      {hardMoment}
      <fieldset>
        <legend>{t('checkin_haltLegend')}</legend>
        <div class="halt-row">
          {HALT.map(([key, label]) => (
            <label key={key}>
              <input type="checkbox" checked={halt[key]} onChange={(e) => setHalt({ ...halt, [key]: e.currentTarget.checked })} />
              {t(label)}
            </label>
          ))}
        </div>
      </fieldset>
      <div class="sub-field">
        <label for="checkin-note">{t('checkin_note')}</label>
        <input id="checkin-note" type="text" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </div>
      <p class="error" role="alert">
        {error}
      </p>
      <button type="submit">{failed ? t('checkin_tryAgain') : t('checkin_save')}</button>
    </form>
  );
}
