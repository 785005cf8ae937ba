import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '@/components/ui';
import { formatNumber } from '@/lib/format';
import type { TrainingCalendar } from '../api/get-dashboard';
import { formatTrainingTime } from '../lib/amounts';
import { addDays, buildCalendarGrid, type CalendarCell, type WeekStart } from '../lib/calendar-grid';

const WEEKS = 26;
const CELL = 13;
const STEP = 16;
const LEFT = 30;
const TOP = 18;
const WIDTH = LEFT + WEEKS * STEP;
const HEIGHT = TOP + 7 * STEP;

export interface TrainingHeatmapProps {
  calendar: TrainingCalendar;
  today: string;
  weekStart: WeekStart;
}

/** A local day 'YYYY-MM-DD' in the UI language (formatted at noon UTC, so no zone moves it). */
function dayFormatter(locale: string, options: Intl.DateTimeFormatOptions) {
  const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  return (day: string) => format.format(new Date(`${day}T12:00:00Z`));
}

/**
 * The last 26 weeks as a grid of days (weeks as columns, the newest on the right; rows from
 * the user's week start), darker for more training, with the streaks. For screen readers: a
 * summary sentence, the grid as one image, and the training days as a table on request. On a
 * phone the grid alone scrolls sideways, opened at the newest weeks.
 */
export function TrainingHeatmap({ calendar, today, weekStart }: TrainingHeatmapProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const headingId = useId();
  const summaryId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [tableOpen, setTableOpen] = useState(false);
  const grid = useMemo(() => buildCalendarGrid(today, weekStart, calendar.days, WEEKS), [today, weekStart, calendar.days]);
  const longDay = dayFormatter(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const month = dayFormatter(locale, { month: 'short' });
  const weekday = dayFormatter(locale, { weekday: 'short' });
  const trainingDays = grid.weeks.flatMap((w) => w.cells.flatMap((c) => (c?.training ? [c.training] : [])));
  const sessions = trainingDays.reduce((sum, d) => sum + d.sessions, 0);

  useEffect(() => {
    const element = scrollRef.current;
    if (element) element.scrollLeft = element.scrollWidth;
  }, []);

  const describe = (cell: CalendarCell) => {
    const date = longDay(cell.day);
    const training = cell.training;
    if (!training) return t('dashboard.calendar.rest', { date });
    const time = formatTrainingTime(training.duration_s, t, locale);
    return training.load > 0
      ? t('dashboard.calendar.dayWithLoad', { date, count: training.sessions, time, load: formatNumber(training.load, locale) })
      : t('dashboard.calendar.day', { date, count: training.sessions, time });
  };

  const firstWeek = grid.weeks[0];
  const weekdayRows = firstWeek ? firstWeek.cells.map((_, i) => weekday(addDays(firstWeek.start, i))) : [];
  return (
    <section aria-labelledby={headingId} className="dashboard__section">
      <h2 id={headingId} className="dashboard__title">
        {t('dashboard.calendar.title')}
      </h2>
      <Card className="heatmap">
        <p id={summaryId}>
          {trainingDays.length === 0
            ? t('dashboard.calendar.empty')
            : t('dashboard.calendar.summary', { days: formatNumber(trainingDays.length, locale), sessions: formatNumber(sessions, locale) })}
        </p>
        <div ref={scrollRef} className="heatmap__scroll" tabIndex={0} role="region" aria-label={t('dashboard.calendar.gridLabel')}>
          <svg
            className="heatmap__grid"
            width={WIDTH}
            height={HEIGHT}
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            role="img"
            aria-labelledby={summaryId}
          >
            {weekdayRows.map((label, row) =>
              row % 2 === 0 ? (
                <text key={row} className="heatmap__label" x={0} y={TOP + row * STEP + CELL - 2}>
                  {label}
                </text>
              ) : null,
            )}
            {grid.weeks.map((week, column) => {
              const previous = grid.weeks[column - 1];
              const newMonth = !previous || week.start.slice(0, 7) !== previous.start.slice(0, 7);
              return (
                <g key={week.start}>
                  {newMonth && column < WEEKS - 1 ? (
                    <text className="heatmap__label" x={LEFT + column * STEP} y={TOP - 6}>
                      {month(week.start)}
                    </text>
                  ) : null}
                  {week.cells.map((cell, row) =>
                    cell ? (
                      <rect
                        key={cell.day}
                        className={`heatmap__cell heatmap__cell--${cell.level}`}
                        x={LEFT + column * STEP}
                        y={TOP + row * STEP}
                        width={CELL}
                        height={CELL}
                        rx={2}
                      >
                        <title>{describe(cell)}</title>
                      </rect>
                    ) : null,
                  )}
                </g>
              );
            })}
          </svg>
        </div>
        <p className="heatmap__legend">
          <span>{t(grid.measure === 'load' ? 'dashboard.calendar.measureLoad' : 'dashboard.calendar.measureSessions')}</span>{' '}
          <span className="heatmap__scale" aria-hidden="true">
            {t('dashboard.calendar.less')}
            {[0, 1, 2, 3, 4].map((level) => (
              <svg key={level} width={CELL} height={CELL} className="heatmap__swatch">
                <rect className={`heatmap__cell heatmap__cell--${level}`} width={CELL} height={CELL} rx={2} />
              </svg>
            ))}
            {t('dashboard.calendar.more')}
          </span>
        </p>
        <dl className="streaks">
          <div>
            <dt>{t('dashboard.calendar.streakDays')}</dt>
            <dd>
              {t('dashboard.calendar.streakValue', {
                current: formatNumber(calendar.streaks.current_days, locale),
                longest: formatNumber(calendar.streaks.longest_days, locale),
              })}
            </dd>
          </div>
          <div>
            <dt>{t('dashboard.calendar.streakWeeks')}</dt>
            <dd>
              {t('dashboard.calendar.streakValue', {
                current: formatNumber(calendar.streaks.current_weeks, locale),
                longest: formatNumber(calendar.streaks.longest_weeks, locale),
              })}
            </dd>
          </div>
        </dl>
        {trainingDays.length > 0 ? (
          <details className="heatmap__details" onToggle={(event) => setTableOpen(event.currentTarget.open)}>
            <summary>{t('dashboard.calendar.showTable')}</summary>
            {tableOpen ? (
              <table className="heatmap__table">
                <caption>{t('dashboard.calendar.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('dashboard.calendar.day')}</th>
                    <th scope="col">{t('dashboard.calendar.sessions')}</th>
                    <th scope="col">{t('dashboard.calendar.time')}</th>
                    <th scope="col">{t('dashboard.calendar.load')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...trainingDays].reverse().map((day) => (
                    <tr key={day.day}>
                      <th scope="row">{longDay(day.day)}</th>
                      <td>{formatNumber(day.sessions, locale)}</td>
                      <td>{formatTrainingTime(day.duration_s, t, locale)}</td>
                      <td>{formatNumber(day.load, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </details>
        ) : null}
      </Card>
    </section>
  );
}
