import { useState } from 'preact/hooks';
import type { HelpService } from '../lib/help/directory';
import type { Halt } from '../lib/history/event';
import { CrisisLines } from './CrisisLines';

export interface CheckInValues {
  mood: 1 | 2 | 3 | 4 | 5;
  craving: number;
  halt: Halt;
  note: string;
}

const MOODS = [
  [1, 'Very low'],
  [2, 'Low'],
  [3, 'Okay'],
  [4, 'Good'],
  [5, 'Very good'],
] as const;

const HALT = [
  ['hungry', 'Hungry'],
  ['angry', 'Angry'],
  ['lonely', 'Lonely'],
  ['tired', 'Tired'],
] as const;

interface Props {
  onSave: (values: CheckInValues) => Promise<void>;
  /** Shown after a check-in at the top of the scale: help first, gently. */
  helpHref: string;
  /** The region's emergency and crisis lines (`loadCrisisLines`), offered first after a hard check-in. */
  crisisLines?: readonly HelpService[];
}

/** The daily check-in: mood, craving, HALT and a note, in a few taps. */
export function CheckIn({ onSave, helpHref, crisisLines }: Props) {
  const [mood, setMood] = useState<CheckInValues['mood']>();
  const [craving, setCraving] = useState(0);
  const [halt, setHalt] = useState<Halt>({ hungry: false, angry: false, lonely: false, tired: false });
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<CheckInValues>();
  const [error, setError] = useState('');

  async function save(event: Event) {
    event.preventDefault();
    if (!mood) {
      setError('Choose how you feel first.');
      return;
    }
    const values = { mood, craving, halt, note: note.trim() };
    try {
      await onSave(values);
      setSaved(values);
      setError('');
    } catch {
      setError('That could not be saved just now. Please try again.');
    }
  }

  if (saved) {
    const hard = saved.craving >= 8 || saved.mood === 1;
    return (
      <div class="checkin-done" role="status">
        {hard &&
          (crisisLines ? (
            <>
              <p>That sounds like a hard moment. You don't have to ride it out alone: these lines are there right now.</p>
              <CrisisLines services={crisisLines} helpHref={helpHref} newTab />
            </>
          ) : (
            <p>
              That sounds like a hard moment. You don't have to ride it out alone:{' '}
              <a class="help-link" href={helpHref} target="_blank">
                talk to someone now
              </a>
              .
            </p>
          ))}
        <p>Thank you for checking in. Noticing how you feel is part of staying well.</p>
      </div>
    );
  }

  return (
    <form class="checkin" onSubmit={save} noValidate>
      <fieldset>
        <legend>How are you feeling?</legend>
        <div class="mood-row">
          {MOODS.map(([value, label]) => (
            <label key={value} class={mood === value ? 'mood chosen' : 'mood'}>
              <input type="radio" name="mood" value={value} checked={mood === value} onChange={() => setMood(value)} />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <div class="sub-field">
        <label for="craving">
          Craving right now: <output for="craving">{craving}</output> of 10
        </label>
        <input
          id="craving"
          type="range"
          min={0}
          max={10}
          step={1}
          value={craving}
          aria-valuetext={`${craving} of 10`}
          onInput={(e) => setCraving(Number(e.currentTarget.value))}
        />
      </div>
      <fieldset>
        <legend>Am I…</legend>
        <div class="halt-row">
          {HALT.map(([key, label]) => (
            <label key={key}>
              <input type="checkbox" checked={halt[key]} onChange={(e) => setHalt({ ...halt, [key]: e.currentTarget.checked })} />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <div class="sub-field">
        <label for="checkin-note">A note (optional)</label>
        <input id="checkin-note" type="text" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </div>
      <p class="error" role="alert">
        {error}
      </p>
      <button type="submit">Save check-in</button>
    </form>
  );
}
