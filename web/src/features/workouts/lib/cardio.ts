import { formatDuration, formatNumber } from '@/lib/format';
import { distanceUnit, fromDisplayDistance, parseDecimal, toDisplayDistance, type UnitSystem } from '@/lib/units';
import type { WorkoutInput } from './model';

export const cardioSports = ['run', 'ride', 'walk', 'hike', 'swim', 'row', 'ski', 'elliptical', 'other'] as const;
export type CardioSport = (typeof cardioSports)[number];

/**
 * A duration as people type it: "h:mm:ss", "m:ss" or whole minutes ("45"). Minutes and
 * seconds after the first part must be below 60. Empty text is null; anything else that is not
 * a duration is NaN.
 */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 60;
  const match = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(trimmed);
  if (!match) return Number.NaN;
  const [, hours, minutes, seconds] = match;
  const m = Number(minutes);
  const s = Number(seconds);
  if (s >= 60 || (hours !== undefined && m >= 60)) return Number.NaN;
  return Number(hours ?? 0) * 3600 + m * 60 + s;
}

/**
 * A wall-clock date ("2026-03-02") and time ("07:30") in `timeZone` as the UTC instant the API
 * stores ("2026-03-02T06:30:00Z" for Europe/Berlin). Null when the date or time is not one; an
 * unknown zone reads as UTC.
 */
export function zonedToUtc(date: string, time: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!d || !t) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), Number(t[3] ?? 0));
  if (Number.isNaN(wall)) return null;
  // The zone's offset at the guess, then again at the corrected instant (DST changes between).
  let instant = wall - zoneOffsetMs(wall, timeZone);
  instant = wall - zoneOffsetMs(instant, timeZone);
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** How far the wall clock of `timeZone` is ahead of UTC at `instant`, in ms. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return 0;
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The form's text, keyed as the API names the fields so its 422 errors land on them. */
export type CardioFormValues = {
  'cardio.sport': string;
  started_at: string; // the date, yyyy-mm-dd
  start_time: string; // hh:mm
  'cardio.duration_s': string;
  'cardio.distance_m': string;
  'cardio.elevation_gain_m': string;
  'cardio.avg_heart_rate': string;
  'cardio.max_heart_rate': string;
  'cardio.calories_kcal': string;
  title: string;
  notes: string;
};

export type CardioProblem =
  | 'required'
  | 'sport'
  | 'date'
  | 'duration'
  | 'number'
  | 'heartRate'
  | 'avgAboveMax'
  | 'tooLarge'
  | 'tooLong';

export interface CardioCheck {
  errors: Partial<Record<keyof CardioFormValues, CardioProblem>>;
  /** The body for POST /api/v1/workouts (without id) when there are no errors. */
  input?: WorkoutInput;
}

export const TITLE_MAX = 200;
/** The contract's upper limits of a cardio summary (api/openapi.yaml, Cardio; SI units). */
export const CARDIO_MAX = {
  distance_m: 10_000_000,
  duration_s: 604_800,
  elevation_gain_m: 100_000,
  calories_kcal: 100_000,
} as const;
export const NOTES_MAX = 5000;

/**
 * Checks the form as the spec does (Cardio, WorkoutInput) and builds the workout: distance
 * from the user's unit to metres, the local start in `timeZone` to UTC.
 */
export function checkCardioForm(values: CardioFormValues, system: UnitSystem, timeZone: string): CardioCheck {
  const errors: CardioCheck['errors'] = {};
  const sport = cardioSports.find((s) => s === values['cardio.sport']);
  if (!sport) errors['cardio.sport'] = 'sport';

  let startedAt: string | null = null;
  if (!values.started_at || !values.start_time) {
    errors[values.started_at ? 'start_time' : 'started_at'] = 'required';
  } else {
    startedAt = zonedToUtc(values.started_at, values.start_time, timeZone);
    if (!startedAt) errors.started_at = 'date';
  }

  const duration = parseDuration(values['cardio.duration_s']);
  if (duration === null) errors['cardio.duration_s'] = 'required';
  else if (Number.isNaN(duration) || duration <= 0) errors['cardio.duration_s'] = 'duration';
  else if (duration > CARDIO_MAX.duration_s) errors['cardio.duration_s'] = 'tooLarge';

  // `toSi` converts what was typed to the unit of `max` (distance: the user's unit to metres).
  const nonNegative = (name: keyof CardioFormValues, max: number, toSi = (n: number) => n): number | null => {
    const n = parseDecimal(values[name] ?? '');
    if (n !== null && (Number.isNaN(n) || n < 0)) errors[name] = 'number';
    else if (n !== null && toSi(n) > max) errors[name] = 'tooLarge';
    return n;
  };
  const distance = nonNegative('cardio.distance_m', CARDIO_MAX.distance_m, (n) => fromDisplayDistance(n, system));
  const elevation = nonNegative('cardio.elevation_gain_m', CARDIO_MAX.elevation_gain_m);
  const calories = nonNegative('cardio.calories_kcal', CARDIO_MAX.calories_kcal);
  const heartRate = (name: keyof CardioFormValues): number | null => {
    const text = (values[name] ?? '').trim();
    if (text === '') return null;
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < 20 || n > 260) {
      errors[name] = 'heartRate';
      return null;
    }
    return n;
  };
  const avg = heartRate('cardio.avg_heart_rate');
  const max = heartRate('cardio.max_heart_rate');
  if (avg !== null && max !== null && avg > max) errors['cardio.avg_heart_rate'] = 'avgAboveMax';
  if ([...values.title].length > TITLE_MAX) errors.title = 'tooLong';
  if ([...values.notes].length > NOTES_MAX) errors.notes = 'tooLong';

  if (Object.keys(errors).length > 0 || !sport || !startedAt || duration === null) return { errors };
  const input: WorkoutInput = {
    started_at: startedAt,
    ended_at: new Date(Date.parse(startedAt) + duration * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    time_zone: timeZone,
    cardio: {
      sport,
      duration_s: duration,
      distance_m: distance === null ? null : Math.round(fromDisplayDistance(distance, system) * 10) / 10,
      elevation_gain_m: elevation,
      avg_heart_rate: avg,
      max_heart_rate: max,
      calories_kcal: calories,
    },
    blocks: [],
  };
  if (values.title.trim()) input.title = values.title.trim();
  if (values.notes.trim()) input.notes = values.notes.trim();
  return { errors, input };
}

/** On foot and in water a session reads as pace (time per km or mi), else as speed. */
export function readsAsPace(sport: string | null | undefined): boolean {
  return sport === 'run' || sport === 'walk' || sport === 'hike' || sport === 'swim' || sport === 'row';
}

/**
 * The figures of a cardio session for a list: "10.0 km · 50:00 · 5:00 /km" (or the speed,
 * "30.0 km/h", for a ride). Figures that were not recorded are left out.
 */
export function cardioSummary(
  cardio: { sport?: string | null; distance_m?: number | null; duration_s?: number | null; moving_time_s?: number | null },
  system: UnitSystem,
  locale: string,
): string {
  const parts: string[] = [];
  const unit = distanceUnit(system);
  if (cardio.distance_m != null) {
    parts.push(`${formatNumber(toDisplayDistance(cardio.distance_m, system), locale, { minFractionDigits: 1, maxFractionDigits: 1 })} ${unit}`);
  }
  if (cardio.duration_s != null) parts.push(formatDuration(cardio.duration_s, { compact: true }));
  const moving = cardio.moving_time_s ?? cardio.duration_s;
  if (cardio.distance_m && moving) {
    const perUnit = moving / toDisplayDistance(cardio.distance_m, system);
    parts.push(
      readsAsPace(cardio.sport)
        ? `${formatDuration(Math.round(perUnit), { compact: true })} /${unit}`
        : `${formatNumber(3600 / perUnit, locale, { minFractionDigits: 1, maxFractionDigits: 1 })} ${system === 'imperial' ? 'mph' : 'km/h'}`,
    );
  }
  return parts.join(' · ');
}
