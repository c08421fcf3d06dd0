import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { COPING_TOOLS, type CopingToolId, type UrgeResult } from '../../lib/coping/exercises';
import type { CrisisCard } from '../../lib/help/crisis-lines';
import type { RegionCode } from '../../lib/help/directory';
import { t } from '../../lib/i18n/i18n';
import type { SupportPerson } from '../../lib/plan/plan';
import { Breathing } from './Breathing';
import { Grounding } from './Grounding';
import { HaltCheck } from './HaltCheck';
import { UrgeSurfing } from './UrgeSurfing';
import type { UrgeDetails } from '../../lib/history/urge-log';
import './exercises.css';

export interface CopingToolsProps {
  /** The person's support people, for the HALT check's "lonely". */
  supportPeople: readonly SupportPerson[];
  /** The help page: one click from every tool. */
  helpHref: string;
  /** The place and its emergency and crisis lines, offered first when an urge is at the crisis threshold. */
  crisis?: CrisisCard;
  onRegion?: (region: RegionCode) => void;
  /** An urge-surfing session ended (finished or stopped early): save it to history. */
  onUrgeRecorded: (result: UrgeResult) => void;
  /** What set the urge off and what they did, added to the urge just recorded; without it the exercise does not ask. */
  onUrgeDetails?: (details: UrgeDetails) => Promise<unknown>;
  /** A tool to open straight away (from the page's address); the list when left out. */
  initialTool?: CopingToolId;
  /** A tool was opened, or the list shown again (undefined). */
  onToolChange?: (tool: CopingToolId | undefined) => void;
  /** Overrides the system's `prefers-reduced-motion` for breathing. */
  reducedMotion?: boolean;
  /** What a text or an email to a support person starts with. */
  message?: string;
  /** Where the person can add support people to their plan. */
  planHref?: string;
  /** Closes the page so the person can rest; HALT's "tired" offers it when given. */
  onRest?: () => void;
}

/** "I'm having an urge": a short list of coping tools; choosing one opens it in place. */
export function CopingTools(props: CopingToolsProps) {
  const { initialTool, onToolChange } = props;
  const ids = useId();
  const [tool, setTool] = useState<CopingToolId | undefined>(initialTool);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // Focus only follows the person's own choices, never the first render.
  const left = useRef<CopingToolId | undefined>(undefined);
  const chosen = useRef(false);

  useEffect(() => {
    if (!chosen.current) return;
    if (tool) headingRef.current?.focus();
    else listRef.current?.querySelector<HTMLButtonElement>(`[data-tool="${left.current}"]`)?.focus();
  }, [tool]);

  const open = (next: CopingToolId | undefined) => {
    chosen.current = true;
    left.current = tool;
    setTool(next);
    onToolChange?.(next);
  };

  const current = COPING_TOOLS.find((candidate) => candidate.id === tool);
  if (!current) {
    return (
      <section class="coping-tools" aria-labelledby={`${ids}-title`}>
        <h2 id={`${ids}-title`}>{t('exercise_tools_heading')}</h2>
        <ul class="coping-tool-list" ref={listRef}>
          {COPING_TOOLS.map((choice) => (
            <li key={choice.id}>
              <button type="button" data-tool={choice.id} aria-describedby={`${ids}-${choice.id}`} onClick={() => open(choice.id)}>
                {t(choice.titleKey)}
              </button>
              <span id={`${ids}-${choice.id}`} class="muted">
                {t(choice.summaryKey)}
              </span>
            </li>
          ))}
        </ul>
      </section>
    );
  }

  return (
    <section class="coping-tools" aria-labelledby={`${ids}-title`}>
      <p>
        <button type="button" class="quiet" onClick={() => open(undefined)}>
          {t('exercise_tools_back')}
        </button>
      </p>
      <h2 id={`${ids}-title`} ref={headingRef} tabIndex={-1}>
        {t(current.titleKey)}
      </h2>
      <p class="muted">{t(current.summaryKey)}</p>
      <ToolView tool={current.id} {...props} onBreathe={() => open('breathing')} />
    </section>
  );
}

function ToolView({ tool, onBreathe, ...props }: CopingToolsProps & { tool: CopingToolId; onBreathe: () => void }) {
  switch (tool) {
    case 'breathing':
      return <Breathing reducedMotion={props.reducedMotion} />;
    case 'urge-surfing':
      return (
        <UrgeSurfing
          onUrgeRecorded={props.onUrgeRecorded}
          onUrgeDetails={props.onUrgeDetails}
          helpHref={props.helpHref}
          crisis={props.crisis}
          onRegion={props.onRegion}
        />
      );
    case 'grounding':
      return <Grounding />;
    case 'halt':
      return (
        <HaltCheck
          supportPeople={props.supportPeople}
          helpHref={props.helpHref}
          onBreathe={onBreathe}
          message={props.message}
          planHref={props.planHref}
          onRest={props.onRest}
        />
      );
  }
}
