import type { TrackPoint } from '../api/get-track';

/** The WGS84 mean radius (IUGG), in metres. */
export const EARTH_RADIUS_M = 6371008.8;

const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance between two positions, in metres (haversine on the mean radius). */
export function haversineM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = rad(lat2 - lat1);
  const dLon = rad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

export function hasPosition(p: TrackPoint): p is TrackPoint & { lat: number; lon: number } {
  return typeof p.lat === 'number' && typeof p.lon === 'number';
}

/**
 * Distance from the start at each point, in metres: the device's own `dist` where it
 * recorded one, else summed along the positions; null for a session with neither (then
 * charts run over time).
 */
export function cumulativeDistances(points: readonly TrackPoint[]): number[] | null {
  if (points.length === 0) return null;
  if (points.every((p) => typeof p.dist === 'number')) return points.map((p) => p.dist as number);
  if (!points.some(hasPosition)) return null;
  const out: number[] = [];
  let total = 0;
  let last: { lat: number; lon: number } | null = null;
  for (const p of points) {
    if (hasPosition(p)) {
      if (last) total += haversineM(last.lat, last.lon, p.lat, p.lon);
      last = p;
    }
    out.push(total);
  }
  return out;
}

/** A sport's speed is read as pace (time per distance) on foot and in water, else as speed. */
export type SpeedMode = 'pace' | 'speed';
export function speedModeOf(sport: string | null | undefined): SpeedMode {
  return sport === 'run' || sport === 'walk' || sport === 'hike' || sport === 'swim' || sport === 'row'
    ? 'pace'
    : 'speed';
}

/** One series for a chart: x (m or s from the start) and y, null where not recorded. */
export interface Series {
  x: number[];
  y: Array<number | null>;
}

/**
 * Speed at each point in m/s, over a window of about `windowM` metres behind it, so GPS
 * jitter between two close points does not make spikes. Null where the window has no time.
 */
export function speedSeries(points: readonly TrackPoint[], distances: readonly number[], windowM = 100): Series {
  const y: Array<number | null> = [];
  let j = 0;
  for (let i = 0; i < points.length; i++) {
    const di = distances[i] as number;
    while (j < i - 1 && di - (distances[j + 1] as number) >= windowM) j++;
    const dd = di - (distances[j] as number);
    const dt = (points[i] as TrackPoint).t - (points[j] as TrackPoint).t;
    y.push(i === 0 || dt <= 0 || dd <= 0 ? null : dd / dt);
  }
  // The first point has no window behind it: give it the next value.
  if (y.length > 1 && y[0] === null) y[0] = y[1] ?? null;
  return { x: [...distances], y };
}

/** A recorded member of each point (ele, hr) along x. */
export function memberSeries(points: readonly TrackPoint[], x: readonly number[], member: 'ele' | 'hr'): Series {
  return { x: [...x], y: points.map((p) => (typeof p[member] === 'number' ? (p[member] as number) : null)) };
}

export function hasValues(series: Series): boolean {
  return series.y.some((v) => v !== null);
}

/**
 * At most `max` points, each the mean of a bucket of neighbours (nulls skipped), so a
 * chart of a marathon does not draw 40,000 segments.
 */
export function downsample(series: Series, max: number): Series {
  const n = series.x.length;
  if (n <= max) return series;
  const x: number[] = [];
  const y: Array<number | null> = [];
  const size = n / max;
  for (let b = 0; b < max; b++) {
    const from = Math.floor(b * size);
    const to = Math.min(n, Math.floor((b + 1) * size));
    let sx = 0;
    let sy = 0;
    let ny = 0;
    for (let i = from; i < to; i++) {
      sx += series.x[i] as number;
      const v = series.y[i];
      if (v !== null && v !== undefined) {
        sy += v;
        ny++;
      }
    }
    x.push(sx / (to - from));
    y.push(ny > 0 ? sy / ny : null);
  }
  return { x, y };
}

/**
 * Rows for a chart's table view: the series' value at every `step` of x (the nearest point
 * at or after it), and at the end.
 */
export function sampleEvery(series: Series, step: number): Array<{ x: number; y: number | null }> {
  const rows: Array<{ x: number; y: number | null }> = [];
  if (series.x.length === 0 || step <= 0) return rows;
  let next = step;
  for (let i = 0; i < series.x.length; i++) {
    const x = series.x[i] as number;
    if (x >= next) {
      rows.push({ x, y: series.y[i] ?? null });
      while (next <= x) next += step;
    }
  }
  const last = series.x.length - 1;
  const lastX = series.x[last] as number;
  if (rows.length === 0 || (rows[rows.length - 1] as { x: number }).x !== lastX) {
    rows.push({ x: lastX, y: series.y[last] ?? null });
  }
  return rows;
}

/** Round numbers for an axis between min and max, about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (max === min) return [min];
  const raw = (max - min) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const step = (residual > 7 ? 10 : residual > 3 ? 5 : residual > 1.5 ? 2 : 1) * magnitude;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
    ticks.push(Math.round(v / step) * step);
  }
  return ticks;
}
