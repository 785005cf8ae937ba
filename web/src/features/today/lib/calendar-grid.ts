/**
 * The heatmap's grid: local days ('YYYY-MM-DD') as columns of weeks (oldest left) and rows of
 * weekdays (starting on the user's week start), with an intensity level per training day.
 * Pure date arithmetic on calendar days (in UTC, where every day has 24 hours).
 */

export type WeekStart = 'monday' | 'sunday' | 'saturday';

export interface CalendarDay {
  day: string;
  sessions: number;
  duration_s: number;
  load: number;
}

export interface CalendarCell {
  day: string;
  /** The training of that day; undefined for a rest day. */
  training: CalendarDay | undefined;
  /** 0 (rest) to 4 (the busiest days of the grid). */
  level: 0 | 1 | 2 | 3 | 4;
}

export interface CalendarWeek {
  /** The week's first day. */
  start: string;
  /** Seven cells from the week start; null for days after `today`. */
  cells: (CalendarCell | null)[];
}

export interface CalendarGrid {
  weeks: CalendarWeek[];
  /** What the levels measure: sRPE load when any day in the grid has some, else sessions. */
  measure: 'load' | 'sessions';
}

const MS_PER_DAY = 86_400_000;
/** getUTCDay() of each week start (Sunday is 0). */
const FIRST_WEEKDAY: Record<WeekStart, number> = { sunday: 0, monday: 1, saturday: 6 };

export function dayToTime(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export function timeToDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return timeToDay(dayToTime(day) + days * MS_PER_DAY);
}

/** The first day of the week that holds `day`. */
export function startOfWeek(day: string, weekStart: WeekStart): string {
  const weekday = new Date(dayToTime(day)).getUTCDay();
  const back = (weekday - FIRST_WEEKDAY[weekStart] + 7) % 7;
  return addDays(day, -back);
}

/** A day's level from 1 to 4 as a share of the busiest day: (0, 1/4] is 1, ..., (3/4, 1] is 4. */
function levelOf(value: number, max: number): CalendarCell['level'] {
  if (!(value > 0) || !(max > 0)) return 0;
  return Math.min(4, Math.max(1, Math.ceil((value / max) * 4))) as CalendarCell['level'];
}

/** `weeks` columns ending with the week of `today`; training days outside them are left out. */
export function buildCalendarGrid(today: string, weekStart: WeekStart, days: readonly CalendarDay[], weeks = 26): CalendarGrid {
  const first = addDays(startOfWeek(today, weekStart), -7 * (weeks - 1));
  const inGrid = days.filter((d) => d.day >= first && d.day <= today);
  const byDay = new Map(inGrid.map((d) => [d.day, d]));
  const measure = inGrid.some((d) => d.load > 0) ? 'load' : 'sessions';
  const valueOf = (d: CalendarDay) => (measure === 'load' ? d.load : d.sessions);
  const max = Math.max(0, ...inGrid.map(valueOf));
  const columns: CalendarWeek[] = [];
  for (let w = 0; w < weeks; w++) {
    const start = addDays(first, 7 * w);
    const cells: (CalendarCell | null)[] = [];
    for (let d = 0; d < 7; d++) {
      const day = addDays(start, d);
      if (day > today) {
        cells.push(null);
        continue;
      }
      const training = byDay.get(day);
      // A day with a session but no rated effort still shows as a training day.
      cells.push({ day, training, level: training ? (Math.max(1, levelOf(valueOf(training), max)) as CalendarCell['level']) : 0 });
    }
    columns.push({ start, cells });
  }
  return { weeks: columns, measure };
}
