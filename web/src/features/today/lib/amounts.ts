import type { TFunction } from 'i18next';
import { formatDuration, formatNumber, formatPercent } from '@/lib/format';
import { formatDistance, formatElevation, formatWeight, type UnitSystem } from '@/lib/units';
import type { Goal, PersonalRecord } from '../api/get-dashboard';

/**
 * How the dashboard writes its amounts: SI values from the API in the user's units and
 * language. Pure functions of their inputs, so each case is tested with worked examples.
 */

/** Training time of a week: 12300 s -> "3 h 25 min", 900 s -> "15 min" (whole minutes, rounded). */
export function formatTrainingTime(seconds: number, t: TFunction, locale: string): string {
  const minutes = Math.round(Math.max(0, seconds) / 60);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('dashboard.week.minutes', { minutes: formatNumber(rest, locale) });
  return t('dashboard.week.hoursMinutes', { hours: formatNumber(hours, locale), minutes: formatNumber(rest, locale) });
}

/** Volume lifted in the user's weight unit, whole units: 12345.6 kg -> "12,346 kg". */
export function formatVolume(kg: number, system: UnitSystem, locale: string): string {
  return formatWeight(kg, system, locale, 0);
}

export type Direction = 'up' | 'down' | 'same';

/** This week against last: which way, and by how much (always positive). */
export function weekChange(current: number, previous: number): { direction: Direction; amount: number } {
  const difference = current - previous;
  // Float noise from sums of decimals is no change.
  if (Math.abs(difference) < 1e-9) return { direction: 'same', amount: 0 };
  return { direction: difference > 0 ? 'up' : 'down', amount: Math.abs(difference) };
}

/**
 * A goal's value or target in the unit of its progress: count, s, m (distance, or elevation
 * for elevation-gain goals), kg, percent, weeks, or a measurement in its own unit (a number).
 */
export function formatGoalAmount(
  value: number,
  goal: Pick<Goal, 'metric'> & { progress: Pick<Goal['progress'], 'unit'> },
  system: UnitSystem,
  t: TFunction,
  locale: string,
): string {
  switch (goal.progress.unit) {
    case 'count':
      return formatNumber(value, locale, { maxFractionDigits: 1 });
    case 's':
      return formatTrainingTime(value, t, locale);
    case 'm':
      return goal.metric === 'elevation_gain' ? formatElevation(value, system, locale) : formatDistance(value, system, locale);
    case 'kg':
      return goal.metric === 'volume' ? formatVolume(value, system, locale) : formatWeight(value, system, locale);
    case 'percent':
      return formatPercent(value / 100, locale, 1);
    case 'weeks':
      return t('dashboard.goals.weeks', { count: value });
    case 'measurement':
      return formatNumber(value, locale, { maxFractionDigits: 2 });
  }
}

/** The standard distances of best efforts, by metres (the contract's list). */
const BEST_EFFORT_DISTANCES: Record<string, 'dashboard.records.distance.400' | 'dashboard.records.distance.1000' | 'dashboard.records.distance.mile' | 'dashboard.records.distance.5000' | 'dashboard.records.distance.10000' | 'dashboard.records.distance.half' | 'dashboard.records.distance.marathon'> = {
  '400': 'dashboard.records.distance.400',
  '1000': 'dashboard.records.distance.1000',
  '1609.344': 'dashboard.records.distance.mile',
  '5000': 'dashboard.records.distance.5000',
  '10000': 'dashboard.records.distance.10000',
  '21097.5': 'dashboard.records.distance.half',
  '42195': 'dashboard.records.distance.marathon',
};

/** A best effort's distance by its race name ("5 km", "half marathon"), else in the user's unit. */
export function bestEffortDistance(distanceM: number, system: UnitSystem, t: TFunction, locale: string): string {
  const key = BEST_EFFORT_DISTANCES[String(distanceM)];
  return key ? t(key) : formatDistance(distanceM, system, locale);
}

/** What a record is a record of: "estimated 1RM", "5-rep max", "fastest 5 km". */
export function recordKind(record: PersonalRecord, system: UnitSystem, t: TFunction, locale: string): string {
  switch (record.kind) {
    case 'rep_max':
      return t('dashboard.records.kind.rep_max', { reps: record.reps ?? 1 });
    case 'best_effort':
      return t('dashboard.records.kind.best_effort', { distance: bestEffortDistance(record.distance_m ?? 0, system, t, locale) });
    default:
      return t(`dashboard.records.kind.${record.kind}`);
  }
}

/** A record's value (or the one it beat) in the user's units: "140 kg × 3", "22:30" (a best effort), "1:45:10". */
export function recordValue(record: PersonalRecord, value: number, system: UnitSystem, t: TFunction, locale: string): string {
  if (record.kind === 'rep_max') {
    return t('dashboard.records.repMaxValue', { weight: formatWeight(value, system, locale), reps: record.reps ?? 1 });
  }
  // The distance is in its name ("fastest 5 km"): the value is the time.
  if (record.kind === 'best_effort') return formatDuration(value, { compact: true });
  if (record.unit === 'kg') return formatWeight(value, system, locale, record.kind === 'session_volume' || record.kind === 'set_volume' ? 0 : 2);
  if (record.unit === 's') return formatDuration(value, { compact: true });
  return record.kind === 'most_elevation_gain' ? formatElevation(value, system, locale) : formatDistance(value, system, locale);
}
