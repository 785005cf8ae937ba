import type { TFunction } from 'i18next';
import { formatNumber, formatPercent } from '@/lib/format';
import { formatDistance, formatElevation, formatWeight, type UnitSystem } from '@/lib/units';
import type { Goal } from '../api/get-dashboard';

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
