import { formatNumber } from '@/lib/format';
import {
  distanceUnit,
  elevationUnit,
  toDisplayDistance,
  toDisplayElevation,
  toDisplayWeight,
  weightUnit,
  type UnitSystem,
} from './units';

/**
 * A weight in kg shown in the user's unit with its symbol: 62.5 -> "62.5 kg", or
 * "137.79 lb". Up to two decimals (a 1.25 kg plate), none when whole.
 */
export function formatWeight(kg: number, system: UnitSystem, locale: string, maxFractionDigits = 2): string {
  return `${formatNumber(toDisplayWeight(kg, system), locale, { maxFractionDigits })} ${weightUnit(system)}`;
}

/** A distance in m shown in km or mi with up to two decimals: 5012 -> "5.01 km". */
export function formatDistance(m: number, system: UnitSystem, locale: string): string {
  return `${formatNumber(toDisplayDistance(m, system), locale, { maxFractionDigits: 2 })} ${distanceUnit(system)}`;
}

/** "120 m" or "394 ft": a height or climb in the user's unit, whole units. */
export function formatElevation(m: number, system: UnitSystem, locale: string): string {
  return `${formatNumber(toDisplayElevation(m, system), locale, { maxFractionDigits: 0 })} ${elevationUnit(system)}`;
}

/** A number as an input shows it (no grouping, the locale's decimal sign): 1234.5 -> "1234,5" (de). */
export function formatInputNumber(value: number, locale: string, maxFractionDigits = 2): string {
  const text = formatNumber(value, locale, { maxFractionDigits });
  // Drop grouping separators so the text reads back with parseDecimal.
  const group = formatNumber(1000, locale).replace(/\d/g, '');
  return group ? text.split(group).join('') : text;
}
