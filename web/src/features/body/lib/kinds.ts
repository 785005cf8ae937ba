import {
  fromDisplayLength,
  fromDisplayWeight,
  lengthUnit,
  toDisplayLength,
  toDisplayWeight,
  weightUnit,
  type UnitSystem,
} from '@/lib/units';

/**
 * The kinds the server knows, each stored in one SI unit and checked against a range (the same
 * table as the server's FindBuiltInMeasurementKind, api/openapi.yaml MeasurementKind). Any other
 * kind is the user's own, with the unit they gave it.
 */
export const builtInKinds = [
  'weight',
  'body_fat',
  'waist',
  'chest',
  'hips',
  'neck',
  'arm',
  'thigh',
  'calf',
  'resting_heart_rate',
] as const;
export type BuiltInKind = (typeof builtInKinds)[number];

/** Circumferences: stored in m, shown in cm or in. */
export const lengthKinds: readonly BuiltInKind[] = ['waist', 'chest', 'hips', 'neck', 'arm', 'thigh', 'calf'];

interface BuiltIn {
  /** The SI unit the API stores and expects. */
  unit: 'kg' | '%' | 'm' | 'bpm';
  min: number;
  max: number;
  /** min itself is not allowed (a weight of 0). */
  minExclusive?: boolean;
}

const builtIns: Record<BuiltInKind, BuiltIn> = {
  weight: { unit: 'kg', min: 0, max: 1000, minExclusive: true },
  body_fat: { unit: '%', min: 0, max: 75 },
  waist: { unit: 'm', min: 0.2, max: 3 },
  chest: { unit: 'm', min: 0.3, max: 3 },
  hips: { unit: 'm', min: 0.3, max: 3 },
  neck: { unit: 'm', min: 0.1, max: 1 },
  arm: { unit: 'm', min: 0.05, max: 1 },
  thigh: { unit: 'm', min: 0.1, max: 1.5 },
  calf: { unit: 'm', min: 0.1, max: 1 },
  resting_heart_rate: { unit: 'bpm', min: 20, max: 250 },
};

export function isBuiltIn(kind: string): kind is BuiltInKind {
  return (builtInKinds as readonly string[]).includes(kind);
}

export function isLengthKind(kind: string): boolean {
  return (lengthKinds as readonly string[]).includes(kind);
}

/** The unit the API stores a built-in kind in (kg, %, m, bpm); undefined for an own kind. */
export function storedUnit(kind: string): string | undefined {
  return isBuiltIn(kind) ? builtIns[kind].unit : undefined;
}

/**
 * The unit a kind is shown and typed in: kg or lb for weight, cm or in for a length, % and bpm
 * as stored, an own kind's unit as the user gave it (`ownUnit`, from the server's kinds list).
 */
export function displayUnit(kind: string, system: UnitSystem, ownUnit = ''): string {
  if (kind === 'weight') return weightUnit(system);
  if (isLengthKind(kind)) return lengthUnit(system);
  return storedUnit(kind) ?? ownUnit;
}

/** A stored value (SI for a built-in) -> the number shown in the user's unit. */
export function toDisplayValue(kind: string, value: number, system: UnitSystem): number {
  if (kind === 'weight') return toDisplayWeight(value, system);
  if (isLengthKind(kind)) return toDisplayLength(value, system);
  return value;
}

/** A number typed in the user's unit -> the value the API stores (kg, m, ...). */
export function fromDisplayValue(kind: string, value: number, system: UnitSystem): number {
  if (kind === 'weight') return fromDisplayWeight(value, system);
  if (isLengthKind(kind)) return fromDisplayLength(value, system);
  return value;
}

/**
 * For a built-in kind, the allowed range in the user's unit (e.g. a waist of 20 to 300 cm) and
 * whether `stored` (already in SI) lies in it; undefined for an own kind (any value goes).
 */
export function rangeCheck(
  kind: string,
  stored: number,
  system: UnitSystem,
): { ok: boolean; min: number; max: number; minExclusive: boolean } | undefined {
  if (!isBuiltIn(kind)) return undefined;
  const { min, max, minExclusive = false } = builtIns[kind];
  const aboveMin = minExclusive ? stored > min : stored >= min;
  return {
    ok: Number.isFinite(stored) && aboveMin && stored <= max,
    min: toDisplayValue(kind, min, system),
    max: toDisplayValue(kind, max, system),
    minExclusive,
  };
}

/** The spec's pattern for a kind: lowercase letters, digits and _, starting with a letter. */
export const KIND_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

/** "Waist (cm)" -> "waist_cm": a kind name from what the user typed. */
export function kindFromLabel(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 40);
}

/** "resting_heart_rate" -> "Resting heart rate". */
export function labelFromKind(kind: string): string {
  const words = kind.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Today's date where the user is, as YYYY-MM-DD (the API's local day). */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/**
 * Today (YYYY-MM-DD) on the clocks of an IANA time zone, the user's profile's: the server
 * refuses a later day by the same zone. This device's own day when the zone is unknown here.
 */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')}`;
  } catch {
    return localToday(now);
  }
}
