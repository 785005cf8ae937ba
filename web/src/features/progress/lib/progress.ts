import type { ChartPoint } from '@/components/charts';
import { compareRecords, type PersonalRecord, type Sport } from '@/lib/records/describe';
import { toDisplayDistance, toDisplayWeight, type UnitSystem } from '@/lib/units';
import type { ProgressPoint } from '../api/get-exercise-progress';
import type { StatsTotals } from '../api/get-stats-summary';

/**
 * One chart point per day from the workouts of a lift: two workouts on one day show as one
 * point, the better (`max`) or both together (`sum`). Values in the user's weight unit.
 */
export function liftSeries(
  points: readonly ProgressPoint[],
  pick: (point: ProgressPoint) => number | null,
  combine: 'max' | 'sum',
  system: UnitSystem,
): ChartPoint[] {
  const byDay = new Map<string, number>();
  for (const point of points) {
    const kg = pick(point);
    if (kg === null) continue;
    const before = byDay.get(point.day);
    byDay.set(point.day, before === undefined ? kg : combine === 'max' ? Math.max(before, kg) : before + kg);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, kg]) => ({ day, value: toDisplayWeight(kg, system) }));
}

/**
 * Distance per period in the user's unit, one point per period (at its first day). The
 * periods before the first one with any distance are left out: a chart that starts with two
 * years of empty weeks says nothing.
 */
export function distanceSeries(items: readonly StatsTotals[], system: UnitSystem): ChartPoint[] {
  const first = items.findIndex((item) => item.distance_m > 0);
  if (first < 0) return [];
  return items.slice(first).map((item) => ({ day: item.start, value: toDisplayDistance(item.distance_m, system) }));
}

/** A sport's records: best efforts by distance, and the longest distance, duration and climb. */
export function splitSportRecords(records: readonly PersonalRecord[]): {
  efforts: PersonalRecord[];
  longest: PersonalRecord[];
} {
  const sorted = [...records].sort(compareRecords);
  return {
    efforts: sorted.filter((r) => r.kind === 'best_effort'),
    longest: sorted.filter((r) => r.kind !== 'best_effort'),
  };
}

/** Records grouped for the records page: strength by exercise, cardio by sport, each sorted. */
export function groupRecords(records: readonly PersonalRecord[]): {
  byExercise: Array<[string, PersonalRecord[]]>;
  bySport: Array<[Sport, PersonalRecord[]]>;
} {
  const byExercise = new Map<string, PersonalRecord[]>();
  const bySport = new Map<Sport, PersonalRecord[]>();
  for (const record of records) {
    if (record.exercise_id != null) {
      const list = byExercise.get(record.exercise_id) ?? [];
      list.push(record);
      byExercise.set(record.exercise_id, list);
    } else if (record.sport != null) {
      const list = bySport.get(record.sport) ?? [];
      list.push(record);
      bySport.set(record.sport, list);
    }
  }
  const sorted = <K,>(map: Map<K, PersonalRecord[]>) =>
    [...map.entries()].map(([key, list]) => [key, list.sort(compareRecords)] as [K, PersonalRecord[]]);
  return { byExercise: sorted(byExercise), bySport: sorted(bySport) };
}

/** The day `days` before a YYYY-MM-DD day. */
export function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}
