/**
 * The numbers behind a line chart, kept apart from drawing so they can be tested: "nice"
 * axis ticks and the mapping of (day, value) points into a plot box.
 */

export interface Point {
  /** YYYY-MM-DD */
  day: string;
  value: number;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const DAY_MS = 86_400_000;

export function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

/**
 * About `count` round tick values covering [min, max] (steps of 1, 2 or 5 times a power of
 * ten): 71.3..78.9 -> 70, 72, 74, 76, 78, 80. A flat series gets a band around its value.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  let lo = min;
  let hi = max;
  if (hi - lo < 1e-9) {
    const pad = Math.max(Math.abs(lo) * 0.05, 1);
    lo -= pad;
    hi += pad;
  }
  const rough = (hi - lo) / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const first = Math.floor(lo / step + 1e-9) * step;
  const ticks: number[] = [];
  // Up to the first tick at or above the top; the cap only guards against a runaway loop.
  for (let i = 0; i < 1000; i++) {
    const v = Number((first + i * step).toFixed(10));
    ticks.push(v);
    if (v >= hi - step * 1e-9) break;
  }
  return ticks;
}

export interface Scaled {
  x: number;
  y: number;
  point: Point;
}

/** Points placed in the box: x by day (the first left, the last right), y by the tick range. */
export function scalePoints(points: readonly Point[], box: Box, yTicks: readonly number[]): Scaled[] {
  if (points.length === 0 || yTicks.length === 0) return [];
  const days = points.map((p) => dayNumber(p.day));
  const x0 = Math.min(...days);
  const x1 = Math.max(...days);
  const y0 = yTicks[0] ?? 0;
  const y1 = yTicks[yTicks.length - 1] ?? 1;
  const xOf = (d: number) => (x1 === x0 ? box.left + box.width / 2 : box.left + ((d - x0) / (x1 - x0)) * box.width);
  const yOf = (v: number) => box.top + box.height - ((v - y0) / (y1 - y0 || 1)) * box.height;
  return points.map((point, i) => ({ x: xOf(days[i] ?? x0), y: yOf(point.value), point }));
}

/** The spans the trend chart offers. */
export const chartRanges = ['4w', '3m', '1y', 'all'] as const;
export type ChartRange = (typeof chartRanges)[number];

/**
 * The first day (YYYY-MM-DD) a range ending `today` shows; null for all. 4 weeks is the 28
 * days up to today; 3 months and 1 year go back by calendar months, to the same day of the
 * month or the last day of a shorter month (31 May - 3 months = 28 Feb), the day after.
 */
export function rangeStart(range: ChartRange, today: string): string | null {
  if (range === 'all') return null;
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  if (range === '4w') return new Date(Date.UTC(y, m - 1, d - 27)).toISOString().slice(0, 10);
  const months = range === '3m' ? 3 : 12;
  const lastOfMonth = new Date(Date.UTC(y, m - 1 - months + 1, 0)).getUTCDate();
  const back = new Date(Date.UTC(y, m - 1 - months, Math.min(d, lastOfMonth) + 1));
  return back.toISOString().slice(0, 10);
}

/** The points of a range ending `today`, oldest first as given. */
export function pointsInRange<P extends Point>(points: readonly P[], range: ChartRange, today: string): P[] {
  const start = rangeStart(range, today);
  return start === null ? [...points] : points.filter((p) => p.day >= start);
}
