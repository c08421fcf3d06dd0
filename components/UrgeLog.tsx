import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { CrisisCard } from '../lib/help/crisis-lines';
import { atCrisisRating } from '../lib/help/crisis-threshold';
import type { RegionCode } from '../lib/help/directory';
import {
  ACTION_WORDS,
  checkUrgeDetails,
  checkUrgeLog,
  SET_OFF_WORDS,
  URGE_ACTIONS,
  URGE_LOG_MAX_MINUTES,
  URGE_SET_OFFS,
  URGE_TEXT_MAX,
  type UrgeDetails,
  type UrgeEntry,
  type UrgeLogDraft,
} from '../lib/history/urge-log';
import type { UrgeAction, UrgeSetOff } from '../lib/history/event';
import { t } from '../lib/i18n/i18n';
import { PROBLEM_WORDS, writeProblem } from '../lib/problems/problems';
import { CrisisLines } from './CrisisLines';
import { UrgeRating } from './exercises/UrgeRating';
import './exercises/exercises.css';
import './UrgeLog.css';

interface Common {
  /** What set it off, ticked to begin with (the pause page ticks "a website"); the person can untick it. */
  initialSetOffs?: readonly UrgeSetOff[];
  /** Closes the log; nothing is saved. */
  onSkip: () => void;
  /** Offered when a rating reaches the crisis threshold: help first, gently. */
  helpHref: string;
  crisis?: CrisisCard;
  onRegion?: (region: RegionCode) => void;
  /** Where the help link opens: a new tab from the popup. */
  newTab?: boolean;
  /** The log's heading level, or none where something else names it (the popup's summary). */
  heading?: 2 | 3 | false;
  /** Moves focus to the log when it appears (it replaced the button that opened it). */
  focusOnOpen?: boolean;
}

export type UrgeLogProps = Common &
  (
    | { /** The whole log: strengths, what set it off, what they did, how long. */ kind: 'full'; onSave: (entry: UrgeEntry) => Promise<unknown> }
    | {
        /** After urge surfing, whose ratings and minutes are saved already: what set it off and what they did. */ kind: 'details';
        onSave: (details: UrgeDetails) => Promise<unknown>;
      }
  );

type Shown = 'form' | 'saved' | 'skipped';

/**
 * The urge log. Every part is optional, and "Skip" closes it in one tap with nothing saved; the
 * whole log needs only the strength at the start to be saved (lib/history/urge-log.ts says why).
 */
export function UrgeLog(props: UrgeLogProps) {
  const { kind, initialSetOffs = [], onSkip, helpHref, crisis, onRegion, newTab, heading = 2 } = props;
  const Heading = heading === 3 ? 'h3' : 'h2';
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (props.focusOnOpen) headingRef.current?.focus();
  }, [props.focusOnOpen]);
  const ids = useId();
  const [draft, setDraft] = useState<UrgeLogDraft>({ setOffBy: [...initialSetOffs] });
  const [error, setError] = useState('');
  const [shown, setShown] = useState<Shown>('form');
  const [saving, setSaving] = useState(false);
  const change = (fields: Partial<UrgeLogDraft>) => setDraft((d) => ({ ...d, ...fields }));
  const toggleSetOff = (setOff: UrgeSetOff, on: boolean) =>
    setDraft((d) => ({ ...d, setOffBy: on ? [...(d.setOffBy ?? []), setOff] : (d.setOffBy ?? []).filter((s) => s !== setOff) }));

  async function save(event: Event) {
    event.preventDefault();
    if (saving) return;
    const checked = kind === 'full' ? checkUrgeLog(draft) : checkUrgeDetails(draft);
    if (!checked.ok) {
      setError(t(checked.problem.key, checked.problem.substitutions));
      return;
    }
    const value = checked.value;
    setSaving(true);
    try {
      // The check above matched the kind; TypeScript cannot follow it through the union.
      await (props.onSave as (value: UrgeEntry | UrgeDetails) => Promise<unknown>)(value);
      setError('');
      setShown('saved');
    } catch (problem) {
      setError(writeProblem(problem) === 'full' ? t(PROBLEM_WORDS.full) : t('urgeLog_saveError'));
    } finally {
      setSaving(false);
    }
  }

  const skip = () => {
    setShown('skipped');
    onSkip();
  };

  const hard = kind === 'full' && (atCrisisRating(draft.before) || atCrisisRating(draft.after));
  const topOfScale = hard && (
    <div class="urge-log-help">
      <p>{t('urgeLog_topOfScale')}</p>
      {crisis ? (
        <CrisisLines card={crisis} onRegion={onRegion ?? (() => {})} helpHref={helpHref} newTab={newTab} />
      ) : (
        <p>
          <a class="help-link" href={helpHref} target={newTab ? '_blank' : undefined}>
            {t('common_getHelpNow')}
          </a>
        </p>
      )}
    </div>
  );

  if (shown !== 'form') {
    return (
      <div class="urge-log">
        {shown === 'saved' && topOfScale}
        <p role="status">{shown === 'saved' ? t('urgeLog_saved') : kind === 'details' ? t('urgeLog_skippedDetails') : t('urgeLog_skipped')}</p>
      </div>
    );
  }

  return (
    <form
      class="urge-log"
      onSubmit={(e) => void save(e)}
      noValidate
      aria-label={heading ? undefined : t('urgeLog_heading')}
      aria-labelledby={heading ? `${ids}-heading` : undefined}
    >
      {heading && (
        <Heading id={`${ids}-heading`} class="urge-log-heading" ref={headingRef} tabIndex={-1}>
          {t('urgeLog_heading')}
        </Heading>
      )}
      <p class="urge-log-intro">
        <span class="muted">{kind === 'full' ? t('urgeLog_intro') : t('urgeLog_detailsIntro')}</span>
        {/* Near the top, so skipping is one tap without scrolling past the form. */}
        <button type="button" class="quiet urge-log-skip" onClick={skip}>
          {t('urgeLog_skip')}
        </button>
      </p>
      {kind === 'full' && (
        <>
          <UrgeRating legend={t('urgeLog_before')} value={draft.before} onChange={(before) => change({ before })} />
          <UrgeRating legend={t('urgeLog_after')} value={draft.after} onChange={(after) => change({ after })} />
          {topOfScale}
        </>
      )}
      <fieldset class="urge-log-choices">
        <legend>{t('urgeLog_setOffLegend')}</legend>
        {URGE_SET_OFFS.map((setOff) => (
          <label key={setOff} class="urge-log-option">
            <input
              type="checkbox"
              name={`${ids}-set-off`}
              value={setOff}
              checked={draft.setOffBy?.includes(setOff) ?? false}
              onChange={(e) => toggleSetOff(setOff, e.currentTarget.checked)}
            />
            {t(SET_OFF_WORDS[setOff])}
          </label>
        ))}
        <label class="urge-log-text" for={`${ids}-set-off-own`}>
          {t('urgeLog_setOffOwn')}
        </label>
        <input
          id={`${ids}-set-off-own`}
          type="text"
          maxLength={URGE_TEXT_MAX}
          value={draft.setOffOwn ?? ''}
          onInput={(e) => change({ setOffOwn: e.currentTarget.value })}
        />
      </fieldset>
      <fieldset class="urge-log-choices">
        <legend>{t('urgeLog_actionLegend')}</legend>
        {URGE_ACTIONS.map((action: UrgeAction) => (
          <label key={action} class="urge-log-option">
            <input type="radio" name={`${ids}-action`} value={action} checked={draft.action === action} onChange={() => change({ action })} />
            {t(ACTION_WORDS[action])}
          </label>
        ))}
        {draft.action === 'own' && (
          <>
            <label class="urge-log-text" for={`${ids}-own-action`}>
              {t('urgeLog_ownAction')}
            </label>
            <input
              id={`${ids}-own-action`}
              type="text"
              maxLength={URGE_TEXT_MAX}
              value={draft.ownAction ?? ''}
              onInput={(e) => change({ ownAction: e.currentTarget.value })}
            />
          </>
        )}
      </fieldset>
      {kind === 'full' && (
        <p class="urge-log-minutes">
          <label for={`${ids}-minutes`}>{t('urgeLog_minutes')}</label>
          <input
            id={`${ids}-minutes`}
            type="text"
            inputMode="numeric"
            maxLength={String(URGE_LOG_MAX_MINUTES).length}
            value={draft.minutes ?? ''}
            onInput={(e) => change({ minutes: e.currentTarget.value })}
          />
        </p>
      )}
      <p class="error" role="alert">
        {error}
      </p>
      <p class="urge-log-actions">
        <button type="submit" disabled={saving}>
          {t('urgeLog_save')}
        </button>
      </p>
    </form>
  );
}
