import { formatDuration, formatNumber } from '@/lib/format';
import { distanceUnit, formatElevation, M_PER_MI, toDisplayDistance, type UnitSystem } from '@/lib/units';
import type { TrackPoint, TrackSplit } from '../api/get-track';
import type { SpeedMode } from './track';

/** The length of one split in metres: a kilometre, or a mile. */
export function splitLengthM(system: UnitSystem): number {
  return system === 'imperial' ? M_PER_MI : 1000;
}

/**
 * The one way an activity's times read: "5:36", "1:02:05", rounded to the nearest second.
 * Split times, paces, durations and the pace axis all go through it, so a kilometre run in
 * 336.6 s shows 5:37 as its time and 5:37 /km as its pace (a floored time beside a rounded
 * pace once showed 5:36 and 5:37 /km for the same kilometre).
 */
export function formatActivityTime(seconds: number): string {
  return formatDuration(Math.round(seconds), { compact: true });
}

/** "4:59" per km or mile from seconds per metre; "–" when there is no speed. */
export function formatPaceValue(secondsPerM: number | null, system: UnitSystem): string {
  if (secondsPerM === null || !Number.isFinite(secondsPerM) || secondsPerM <= 0) return '–';
  return formatActivityTime(secondsPerM * splitLengthM(system));
}

/** "4:59 /km" from seconds per metre in the user's unit; "–" when there is no speed. */
export function formatPace(secondsPerM: number | null, system: UnitSystem): string {
  const value = formatPaceValue(secondsPerM, system);
  return value === '–' ? value : `${value} /${distanceUnit(system)}`;
}

/** The unit of speed in the user's system. */
export function speedUnit(system: UnitSystem): string {
  return system === 'imperial' ? 'mph' : 'km/h';
}

/** "24.3" (km/h or mph) from metres per second; "–" when there is no speed. */
export function formatSpeedValue(mPerS: number | null, system: UnitSystem, locale: string): string {
  if (mPerS === null || !Number.isFinite(mPerS) || mPerS <= 0) return '–';
  return formatNumber(toDisplayDistance(mPerS * 3600, system), locale, { maxFractionDigits: 1 });
}

/** "24.3 km/h" or "15.1 mph" from metres per second. */
export function formatSpeed(mPerS: number | null, system: UnitSystem, locale: string): string {
  const value = formatSpeedValue(mPerS, system, locale);
  return value === '–' ? value : `${value} ${speedUnit(system)}`;
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
  /** Pace or speed without its unit, which the column heading names (a phone is narrow). */
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
      const seconds = s.moving_time_s || s.duration_s;
      return {
        number: i + 1,
        label: full ? formatNumber(i + 1, locale) : formatNumber(i + s.distance_m / unitM, locale, { maxFractionDigits: 2 }),
        time: formatActivityTime(seconds),
        pace:
          mode === 'pace'
            ? formatPaceValue(seconds > 0 ? seconds / s.distance_m : null, system)
            : formatSpeedValue(seconds > 0 ? s.distance_m / seconds : null, system, locale),
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
