/**
 * The one place that converts between what the API stores (SI: kg, m, s) and what the user
 * sees. Values go to the API in kg and m, always; only display and input use the user's
 * unit system.
 */

/** metric: kg, km and cm; imperial: lb, mi and in. */
export type UnitSystem = 'metric' | 'imperial';
export const unitSystems: readonly UnitSystem[] = ['metric', 'imperial'];

export type WeightUnit = 'kg' | 'lb';
export type DistanceUnit = 'km' | 'mi';
/** Body lengths (a waist, an arm): centimetres or inches. */
export type LengthUnit = 'cm' | 'in';

/** Exact, by the international pound of 1959. */
export const KG_PER_LB = 0.45359237;
export const M_PER_MI = 1609.344;
/** Exact, by the international inch of 1959. */
export const M_PER_IN = 0.0254;
/** Exact: 12 inches. */
export const M_PER_FT = 0.3048;

export type ElevationUnit = 'm' | 'ft';

/** Heights and climbs: metres, or feet for the imperial system. */
export function elevationUnit(system: UnitSystem): ElevationUnit {
  return system === 'imperial' ? 'ft' : 'm';
}

/** Metres -> the number shown in the user's elevation unit. */
export function toDisplayElevation(m: number, system: UnitSystem): number {
  return system === 'imperial' ? m / M_PER_FT : m;
}

export function weightUnit(system: UnitSystem): WeightUnit {
  return system === 'imperial' ? 'lb' : 'kg';
}

export function distanceUnit(system: UnitSystem): DistanceUnit {
  return system === 'imperial' ? 'mi' : 'km';
}

export function lengthUnit(system: UnitSystem): LengthUnit {
  return system === 'imperial' ? 'in' : 'cm';
}

export function kgToLb(kg: number): number {
  return kg / KG_PER_LB;
}

export function lbToKg(lb: number): number {
  return lb * KG_PER_LB;
}

/** kg -> the number shown in the user's unit. */
export function toDisplayWeight(kg: number, system: UnitSystem): number {
  return system === 'imperial' ? kgToLb(kg) : kg;
}

/** A number the user typed in their unit -> kg for the API. */
export function fromDisplayWeight(value: number, system: UnitSystem): number {
  return system === 'imperial' ? lbToKg(value) : value;
}

export function toDisplayDistance(m: number, system: UnitSystem): number {
  return system === 'imperial' ? m / M_PER_MI : m / 1000;
}

export function fromDisplayDistance(value: number, system: UnitSystem): number {
  return system === 'imperial' ? value * M_PER_MI : value * 1000;
}

export function metresToInches(m: number): number {
  return m / M_PER_IN;
}

export function inchesToMetres(inches: number): number {
  return inches * M_PER_IN;
}

/**
 * A body length in m -> the number shown in cm or in. Rounded to 10 decimals so that
 * 0.84 m shows as 84 cm, not 84.00000000000001.
 */
export function toDisplayLength(m: number, system: UnitSystem): number {
  return clean(system === 'imperial' ? metresToInches(m) : m * 100);
}

/** A length the user typed in cm or in -> m for the API (33 in -> 0.8382 m). */
export function fromDisplayLength(value: number, system: UnitSystem): number {
  return clean(system === 'imperial' ? inchesToMetres(value) : value / 100);
}

/** Float noise of a conversion off (12 significant decimals are far below any tape measure). */
function clean(n: number): number {
  return Number(n.toFixed(10));
}

/** The smallest step a gym loads: 2.5 kg (two 1.25 kg plates) or 5 lb (two 2.5 lb plates). */
export function weightIncrement(system: UnitSystem): number {
  return system === 'imperial' ? 5 : 2.5;
}

/**
 * A weight in the user's unit rounded to the nearest loadable step (`step`, by default 2.5 kg
 * or 5 lb; the profile's weight_increment where the caller knows it), e.g.
 * for a weight suggested from kg in pounds: 60 kg -> 132.28 lb -> 130 lb. Halves round up.
 */
export function roundToIncrement(value: number, system: UnitSystem, step = weightIncrement(system)): number {
  // The epsilon keeps 2.4999999 (a float from a conversion) from rounding down.
  return Math.round(value / step + 1e-9) * step;
}

/**
 * kg -> kg that is a loadable weight in the user's unit: what to pre-fill when the value
 * came from somewhere else (a converted target, a percentage). Keeps kg exact for metric.
 */
export function roundKgForSystem(kg: number, system: UnitSystem, step = weightIncrement(system)): number {
  return fromDisplayWeight(roundToIncrement(toDisplayWeight(kg, system), system, step), system);
}

/**
 * A weight from elsewhere (a previous session, a target) made fit to pre-fill in the user's
 * unit: kept as it is when it reads cleanly there (a multiple of 0.25: 61 kg, 135 lb
 * stored as 61.235 kg), else rounded to a loadable step, so 60 kg logged in kg pre-fills
 * 130 lb rather than 132.28 lb after a switch to pounds.
 */
export function tidyWeightKg(kg: number, system: UnitSystem, step = weightIncrement(system)): number {
  const shown = toDisplayWeight(kg, system);
  const quarters = shown * 4;
  if (Math.abs(quarters - Math.round(quarters)) < 0.02) return kg;
  return roundKgForSystem(kg, system, step);
}

/**
 * One press of a +/- button (or an arrow key) on a value that moves in steps of `step`: from a
 * multiple of the step to the next one up or down, from anything else to the nearest multiple
 * in that direction (61 -> 62.5 or 60 with 2.5), never below 0. Decimals are cleaned of float
 * noise (0.1 + 0.2).
 */
export function stepValue(value: number, step: number, direction: 1 | -1): number {
  if (!(step > 0)) return value;
  const units = value / step;
  const whole = Math.abs(units - Math.round(units)) < 1e-6;
  const next = whole ? Math.round(units) + direction : direction > 0 ? Math.ceil(units) : Math.floor(units);
  return Math.max(0, Number((next * step).toFixed(6)));
}

/**
 * Reads a number as people type it, with either decimal separator ("62,5" or "62.5"),
 * ignoring spaces. Empty text is null; anything else that is not a finite number is NaN.
 */
export function parseDecimal(text: string): number | null {
  const trimmed = text.replace(/\s/g, '');
  if (trimmed === '') return null;
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(trimmed)) return Number.NaN;
  return Number(trimmed.replace(',', '.'));
}
