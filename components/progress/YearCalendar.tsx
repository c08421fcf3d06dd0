import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CalendarCell } from '../../lib/progress/calendar';
import type { Day } from '../../lib/time/days';
import { dayName, monthName, weekdayName } from '../../lib/progress/words';
import { t } from '../../lib/i18n/i18n';
import { timed } from '../element-timing';

interface Props {
  year: number;
  /** Weeks of seven slots, Monday first (see `yearCalendar`). */
  weeks: (CalendarCell | undefined)[][];
  /** The day to start keyboard focus on (today, or the year's last day). */
  initialDay: Day;
}

// Arrow keys move as the eye does on this grid: a column is a week, a row a weekday.
const MOVES: Record<string, number> = { ArrowLeft: -7, ArrowRight: 7, ArrowUp: -1, ArrowDown: 1 };
const EDGES: Record<string, 'first' | 'last'> = { Home: 'first', End: 'last' };

/**
 * A year of days, GitHub style, as an ARIA grid with one tab stop: arrow keys move a day or a week,
 * Home and End go to the year's first and last day. Each day's accessible name says what happened;
 * the line under the grid says the same for the day pointed at or focused.
 */
export function YearCalendar({ year, weeks, initialDay }: Props) {
  const cells = useMemo(() => weeks.flat().filter((c): c is CalendarCell => c !== undefined), [weeks]);
  const first = cells[0]?.day ?? initialDay;
  const last = cells.at(-1)?.day ?? initialDay;
  const [active, setActive] = useState(initialDay);
  const [pointed, setPointed] = useState<Day>();
  const moved = useRef(false);
  const grid = useRef<HTMLTableElement>(null);
  useEffect(() => setActive(initialDay), [initialDay, year]);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    grid.current?.querySelector<HTMLElement>(`[data-day="${active}"]`)?.focus();
  }, [active]);

  function onKeyDown(event: KeyboardEvent) {
    let next: number | undefined;
    if (event.key in MOVES) next = active + MOVES[event.key]!;
    else if (event.key in EDGES) next = EDGES[event.key] === 'first' ? first : last;
    if (next === undefined) return;
    event.preventDefault();
    moved.current = true;
    setActive(Math.min(last, Math.max(first, next)));
  }

  const dayFrom = (event: Event) => {
    const value = (event.target as HTMLElement).closest<HTMLElement>('[data-day]')?.dataset.day;
    return value === undefined ? undefined : Number(value);
  };
  const months = monthSpans(weeks);
  const shown = cells.find((c) => c.day === (pointed ?? active));

  return (
    <div class="year-calendar">
      <div class="calendar-scroll">
        <table
          ref={grid}
          role="grid"
          class="calendar"
          aria-label={t('progress_calendarLabel', [year])}
          onKeyDown={onKeyDown}
          onMouseOver={(e) => setPointed(dayFrom(e))}
          onMouseLeave={() => setPointed(undefined)}
          onFocusIn={(e) => {
            const day = dayFrom(e);
            if (day !== undefined) setActive(day);
          }}
        >
          <thead>
            <tr>
              <td />
              {months.map(({ day, span }) => (
                <th key={day} scope="colgroup" colSpan={span} class="month">
                  {span > 1 ? monthName(day) : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[0, 1, 2, 3, 4, 5, 6].map((weekday) => (
              <tr key={weekday}>
                <th scope="row" class="weekday">
                  <span aria-hidden="true">{weekdayName(weekday, 'short').slice(0, 1)}</span>
                  <span class="visually-hidden">{weekdayName(weekday)}</span>
                </th>
                {weeks.map((week, w) => {
                  const cell = week[weekday];
                  if (!cell) return <td key={w} role="gridcell" class="day empty" />;
                  return (
                    <td
                      key={w}
                      role="gridcell"
                      data-day={cell.day}
                      class={`day ${cell.status}${cell.checkins > 0 ? ' checked' : ''}`}
                      tabIndex={cell.day === active ? 0 : -1}
                      aria-label={dayName(cell)}
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* Timed: painted with the grid, the first screen's last mark (bench/progress, issue 19). */}
      <p class="day-detail" aria-hidden="true" {...timed('progress-first-calendar')}>
        {shown ? dayName(shown) : '\u00a0'}
      </p>
      <ul class="legend">
        <li>
          <span class="swatch without" aria-hidden="true" /> {t('progress_legendWithout')}
        </li>
        <li>
          <span class="swatch setback" aria-hidden="true" /> {t('progress_legendSetback')}
        </li>
        <li>
          <span class="swatch checked" aria-hidden="true" /> {t('progress_legendCheckin')}
        </li>
      </ul>
    </div>
  );
}

/** Column spans of the month headings: a week belongs to the month of its first day in the year. */
function monthSpans(weeks: (CalendarCell | undefined)[][]): { day: Day; span: number }[] {
  const spans: { day: Day; span: number; month: string }[] = [];
  for (const week of weeks) {
    const firstDay = week.find((c) => c !== undefined)!;
    const month = new Date(firstDay.day * 86_400_000).toISOString().slice(0, 7);
    const lastSpan = spans.at(-1);
    if (lastSpan?.month === month) lastSpan.span += 1;
    else spans.push({ day: firstDay.day, span: 1, month });
  }
  return spans;
}
