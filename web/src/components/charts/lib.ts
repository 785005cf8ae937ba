/**
 * The parts of a time-series chart that need no canvas: ranges, the rows of its table, its
 * CSV, the arrays uPlot draws and the summary. The chart component and its tests use these.
 */

export interface ChartPoint {
  /** A calendar day, YYYY-MM-DD. */
  day: string;
  /** The value on that day, in the unit the chart shows; null where nothing was recorded. */
  value: number | null;
}

export interface ChartSeries {
  label: string;
  points: ChartPoint[];
}

/** The ranges a chart offers: the last 4 weeks, 3 months, 1 year, or everything. */
export const chartRanges = ['4w', '3m', '1y', 'all'] as const;
export type ChartRange = (typeof chartRanges)[number];

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of a YYYY-MM-DD day, in seconds (uPlot's x unit), or NaN if it is not a day. */
export function dayToSeconds(day: string): number {
  const match = DAY_PATTERN.exec(day);
  if (!match) return Number.NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 1000;
}

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The device's calendar day, YYYY-MM-DD (the user's "today"). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The first day a range includes, counted back from `today` (which it includes): 4 weeks are
 * 28 days, 3 months and 1 year go back by calendar months and years (the day after the same
 * date then, clamped to the month's end). `all` has no first day.
 */
export function rangeStart(range: ChartRange, today: string): string | null {
  if (range === 'all') return null;
  const seconds = dayToSeconds(today);
  if (Number.isNaN(seconds)) return null;
  const date = new Date(seconds * 1000);
  if (range === '4w') {
    date.setUTCDate(date.getUTCDate() - 27);
    return utcDay(date);
  }
  const months = range === '3m' ? 3 : 12;
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() - months;
  // The same date `months` back, clamped to that month's last day (31 May -> 28/29 Feb).
  const lastOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const back = new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastOfMonth)));
  back.setUTCDate(back.getUTCDate() + 1);
  return utcDay(back);
}

/** The series with only the points of the range (days compare as text: YYYY-MM-DD sorts by time). */
export function filterRange(series: readonly ChartSeries[], range: ChartRange, today: string): ChartSeries[] {
  const start = rangeStart(range, today);
  if (start === null) return series.map((s) => ({ ...s, points: [...s.points] }));
  return series.map((s) => ({ ...s, points: s.points.filter((p) => p.day >= start && p.day <= today) }));
}

export interface ChartRow {
  day: string;
  /** One value per series, in the series' order; null where that series has none that day. */
  values: Array<number | null>;
}

/**
 * One row per day that any series has a value on, oldest first: the table's rows, the CSV's
 * lines and uPlot's data. A day given twice in a series keeps its last value.
 */
export function chartRows(series: readonly ChartSeries[]): ChartRow[] {
  const byDay = new Map<string, Array<number | null>>();
  series.forEach((s, index) => {
    for (const point of s.points) {
      if (point.value === null || !Number.isFinite(point.value) || Number.isNaN(dayToSeconds(point.day))) continue;
      let values = byDay.get(point.day);
      if (!values) {
        values = series.map(() => null);
        byDay.set(point.day, values);
      }
      values[index] = point.value;
    }
  });
  return [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, values]) => ({ day, values }));
}

/** uPlot's data: x in seconds (midnight UTC of each day), then one array per series. */
export function toUplotData(rows: readonly ChartRow[], seriesCount: number): [number[], ...Array<Array<number | null>>] {
  const xs = rows.map((row) => dayToSeconds(row.day));
  const ys = Array.from({ length: seriesCount }, (_, i) => rows.map((row) => row.values[i] ?? null));
  return [xs, ...ys];
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number for a CSV: plain digits with a dot, no grouping, no float noise past 6 places. */
export function csvNumber(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

/**
 * The chart's data as CSV (RFC 4180, CRLF line ends): a day column, then one column per
 * series, headed by its label; an empty field where a series has no value that day.
 */
export function toCsv(series: readonly ChartSeries[], dayHeader: string): string {
  const lines = [[dayHeader, ...series.map((s) => s.label)].map(csvField).join(',')];
  for (const row of chartRows(series)) {
    lines.push([row.day, ...row.values.map((v) => (v === null ? '' : csvNumber(v)))].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A download's file name: the stem made safe (letters, digits, dashes), with its extension. */
export function downloadName(stem: string, extension: 'csv' | 'png'): string {
  const safe = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${safe || 'chart'}.${extension}`;
}

/**
 * The index of the row nearest to `x` (seconds) among rows where series `seriesIndex` has a
 * value, or null when it has none: the tooltip shows that point's value.
 */
export function nearestIndex(data: ReturnType<typeof toUplotData>, seriesIndex: number, x: number): number | null {
  const xs = data[0];
  const ys = data[seriesIndex + 1];
  if (!ys) return null;
  let best: number | null = null;
  let bestDistance = Infinity;
  xs.forEach((at, i) => {
    if (ys[i] === null || ys[i] === undefined) return;
    const distance = Math.abs(at - x);
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  return best;
}
