import type { TFunction } from 'i18next';
import type { Schema } from '@/lib/api/types';
import { formatDuration } from '@/lib/format';
import { formatDistance, formatElevation, formatWeight, type UnitSystem } from '@/lib/units';

// Personal records are shown by several features (the workout page's badges, the exercise
// progress, sport and records pages), so how one reads lives here rather than in any of them.
export type PersonalRecord = Schema<'PersonalRecord'>;
export type RecordKind = PersonalRecord['kind'];
export type Sport = NonNullable<PersonalRecord['sport']>;

export const strengthRecordKinds: readonly RecordKind[] = ['one_rep_max', 'rep_max', 'set_volume', 'session_volume'];
export const cardioRecordKinds: readonly RecordKind[] = [
  'best_effort',
  'longest_distance',
  'longest_duration',
  'most_elevation_gain',
];

/** The standard best-effort distances (m), and the key of each one's name. */
const effortNames: ReadonlyArray<[number, '400m' | '1k' | 'mile' | '5k' | '10k' | 'half' | 'marathon']> = [
  [400, '400m'],
  [1000, '1k'],
  [1609.344, 'mile'],
  [5000, '5k'],
  [10000, '10k'],
  [21097.5, 'half'],
  [42195, 'marathon'],
];

/** "5 km", "Half marathon": a best effort's distance by its usual name, else in the user's unit. */
export function effortName(distanceM: number, system: UnitSystem, locale: string, t: TFunction): string {
  const known = effortNames.find(([m]) => Math.abs(m - distanceM) < 0.01);
  return known ? t(`records.efforts.${known[1]}`) : formatDistance(distanceM, system, locale);
}

/** A time in whole seconds as a clock: 1361 -> "22:41", 5025 -> "1:23:45". */
export function formatRecordTime(seconds: number): string {
  return formatDuration(Math.round(seconds), { compact: true });
}

/** A record's value in its unit (kg, s or m), in the user's units. */
export function formatRecordValue(record: Pick<PersonalRecord, 'kind' | 'value' | 'unit'>, system: UnitSystem, locale: string): string {
  if (record.unit === 'kg') return formatWeight(record.value, system, locale, 1);
  if (record.unit === 's') return formatRecordTime(record.value);
  return record.kind === 'most_elevation_gain'
    ? formatElevation(record.value, system, locale)
    : formatDistance(record.value, system, locale);
}

/** What a record is: "Estimated 1RM", "5-rep max", "5 km best effort", "Longest distance". */
export function recordLabel(record: PersonalRecord, system: UnitSystem, locale: string, t: TFunction): string {
  switch (record.kind) {
    case 'rep_max':
      return t('records.kinds.rep_max', { count: record.reps ?? 0 });
    case 'best_effort':
      return t('records.kinds.best_effort', {
        distance: record.distance_m == null ? '' : effortName(record.distance_m, system, locale, t),
      });
    default:
      return t(`records.kinds.${record.kind}`);
  }
}

/** A record in a few words, for a badge: "PR: Estimated 1RM 112.5 kg", "PR: 5 km best effort 22:41". */
export function recordBadgeText(record: PersonalRecord, system: UnitSystem, locale: string, t: TFunction): string {
  return t('records.badge', {
    label: recordLabel(record, system, locale, t),
    value: formatRecordValue(record, system, locale),
  });
}

/** Sorts cardio best efforts by distance, and the other kinds in the order of the lists above. */
export function compareRecords(a: PersonalRecord, b: PersonalRecord): number {
  const order = [...strengthRecordKinds, ...cardioRecordKinds];
  return (
    order.indexOf(a.kind) - order.indexOf(b.kind) || (a.reps ?? 0) - (b.reps ?? 0) || (a.distance_m ?? 0) - (b.distance_m ?? 0)
  );
}
