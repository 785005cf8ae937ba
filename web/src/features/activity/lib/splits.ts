import { formatDuration, formatNumber } from '@/lib/format';
import { distanceUnit, formatElevation, M_PER_MI, toDisplayDistance, type UnitSystem } from '@/lib/units';
import type { TrackPoint, TrackSplit } from '../api/get-track';
import type { SpeedMode } from './track';

/** The length of one split in metres: a kilometre, or a mile. */
export function splitLengthM(system: UnitSystem): number {
  return system === 'imperial' ? M_PER_MI : 1000;
}

/**
 * "4:59 /km" from seconds per metre in the user's unit; "–" when there is no speed. Seconds
 * are rounded, so 299.6 s reads 5:00.
 */
export function formatPace(secondsPerM: number | null, system: UnitSystem): string {
  if (secondsPerM === null || !Number.isFinite(secondsPerM) || secondsPerM <= 0) return '–';
  const perUnit = Math.round(secondsPerM * splitLengthM(system));
  return `${formatDuration(perUnit, { compact: true })} /${distanceUnit(system)}`;
}

/** "24.3 km/h" or "15.1 mph" from metres per second. */
export function formatSpeed(mPerS: number | null, system: UnitSystem, locale: string): string {
  if (mPerS === null || !Number.isFinite(mPerS) || mPerS <= 0) return '–';
  const perHour = toDisplayDistance(mPerS * 3600, system);
  return `${formatNumber(perHour, locale, { maxFractionDigits: 1 })} ${system === 'imperial' ? 'mph' : 'km/h'}`;
}

/** Pace or speed, as the sport reads it, of `distanceM` covered in `seconds`. */
export function formatPaceOrSpeed(
  mode: SpeedMode,
  distanceM: number | null | undefined,
  seconds: number | null | undefined,
  system: UnitSystem,
  locale: string,
): string {
  if (!distanceM || !seconds) return '–';
  return mode === 'pace' ? formatPace(seconds / distanceM, system) : formatSpeed(distanceM / seconds, system, locale);
}

export interface SplitRow {
  /** 1-based. */
  number: number;
  /** "1", "2", … for full splits, "0.37" for the last, shorter one (in the user's unit). */
  label: string;
  time: string;
  pace: string;
  elevationGain: string;
  heartRate: string;
}

/** The table rows of the splits, in the user's units; a last split under 1 % of one is left out. */
export function splitRows(
  splits: readonly TrackSplit[],
  mode: SpeedMode,
  system: UnitSystem,
  locale: string,
): SplitRow[] {
  const unitM = splitLengthM(system);
  return splits
    .filter((s) => s.distance_m >= unitM * 0.01)
    .map((s, i) => {
      const full = Math.abs(s.distance_m - unitM) < 0.5;
      return {
        number: i + 1,
        label: full ? formatNumber(i + 1, locale) : formatNumber(i + s.distance_m / unitM, locale, { maxFractionDigits: 2 }),
        time: formatDuration(s.moving_time_s || s.duration_s, { compact: true }),
        pace: formatPaceOrSpeed(mode, s.distance_m, s.moving_time_s || s.duration_s, system, locale),
        elevationGain: formatElevation(s.elevation_gain_m, system, locale),
        heartRate: s.avg_heart_rate === null ? '–' : formatNumber(Math.round(s.avg_heart_rate), locale),
      };
    });
}

/**
 * Splits of `unitM` computed from the track (the server reports kilometre splits; miles
 * are worked out here): time interpolated at each boundary, elevation gain summed from
 * the rises, heart rate averaged over the points in the split.
 */
export function computeSplits(points: readonly TrackPoint[], distances: readonly number[], unitM: number): TrackSplit[] {
  const splits: TrackSplit[] = [];
  if (points.length < 2) return splits;
  let startT = (points[0] as TrackPoint).t;
  let startD = 0;
  let gain = 0;
  let hrSum = 0;
  let hrN = 0;
  let boundary = unitM;
  const push = (endT: number, endD: number) => {
    const duration = endT - startT;
    splits.push({
      distance_m: endD - startD,
      duration_s: duration,
      moving_time_s: duration,
      elevation_gain_m: Math.round(gain * 10) / 10,
      avg_heart_rate: hrN > 0 ? hrSum / hrN : null,
    });
  };
  for (let i = 1; i < points.length; i++) {
    const p = points[i] as TrackPoint;
    const prev = points[i - 1] as TrackPoint;
    const d0 = distances[i - 1] as number;
    const d1 = distances[i] as number;
    if (typeof p.ele === 'number' && typeof prev.ele === 'number' && p.ele > prev.ele) gain += p.ele - prev.ele;
    if (typeof p.hr === 'number') {
      hrSum += p.hr;
      hrN++;
    }
    while (d1 >= boundary && d1 > d0) {
      const tAt = prev.t + ((boundary - d0) / (d1 - d0)) * (p.t - prev.t);
      push(tAt, boundary);
      startT = tAt;
      startD = boundary;
      gain = 0;
      hrSum = 0;
      hrN = 0;
      boundary += unitM;
    }
  }
  const last = points[points.length - 1] as TrackPoint;
  const total = distances[distances.length - 1] as number;
  if (total > startD) push(last.t, total);
  return splits;
}
