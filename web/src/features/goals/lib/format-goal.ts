import type { TFunction } from 'i18next';
import { formatDate, formatNumber } from '@/lib/format';
import { formatDistance, formatElevation, formatWeight, toDisplayLength, toDisplayWeight, type UnitSystem } from '@/lib/units';
import type { Schema } from '@/lib/api/types';
import { measurementDisplayUnit, splitSeconds, type GoalMetric } from './metrics';

export type ProgressUnit = Schema<'GoalProgress'>['unit'];

export interface ValueContext {
  metric: GoalMetric;
  system: UnitSystem;
  locale: string;
  t: TFunction;
  /** The stored unit of a measurement goal's kind (from GET /measurements/kinds). */
  measurementUnit?: string | undefined;
}

/**
 * A goal's value or target (SI, in the progress's `unit`) as the user reads it: "42.2 km",
 * "3 h 30 min", "100 kg" or "220.46 lb", "12 sessions", "4 weeks".
 */
export function formatGoalValue(value: number, unit: ProgressUnit, context: ValueContext): string {
  const { metric, system, locale, t } = context;
  switch (unit) {
    case 's': {
      const { hours, minutes } = splitSeconds(value);
      return hours > 0 ? t('goals.units.hoursMinutes', { hours, minutes }) : t('goals.units.minutes', { minutes });
    }
    case 'm':
      return metric === 'elevation_gain' ? formatElevation(value, system, locale) : formatDistance(value, system, locale);
    case 'kg':
      return formatWeight(value, system, locale, 1);
    case 'percent':
      return t('goals.units.percent', { value: formatNumber(value, locale, { maxFractionDigits: 1 }) });
    case 'weeks':
      return t('goals.units.weeks', { count: value, value: formatNumber(value, locale) });
    case 'measurement': {
      const stored = context.measurementUnit ?? '';
      const shownUnit = measurementDisplayUnit(stored, system);
      const shown = stored === 'm' || stored === 'kg' ? toShown(value, stored, system) : value;
      return `${formatNumber(shown, locale, { maxFractionDigits: 1 })}${shownUnit ? ` ${shownUnit}` : ''}`;
    }
    default: {
      const text = formatNumber(value, locale, { maxFractionDigits: 1 });
      if (metric === 'sessions') return t('goals.units.sessions', { count: value, value: text });
      if (metric === 'muscle_sets') return t('goals.units.sets', { count: value, value: text });
      if (metric === 'nutrition_energy_days' || metric === 'nutrition_protein_days') {
        return t('goals.units.days', { count: value, value: text });
      }
      return text;
    }
  }
}

function toShown(value: number, stored: 'm' | 'kg', system: UnitSystem): number {
  return stored === 'm' ? toDisplayLength(value, system) : toDisplayWeight(value, system);
}

/** A local day of the API ("2026-12-07") in the user's words, not shifted by any time zone. */
export function formatDay(day: string, locale: string): string {
  return formatDate(`${day}T12:00:00Z`, locale, { timeZone: 'UTC' });
}
