import { describe, expect, it } from 'vitest';
import type { PersonalRecord } from '@/lib/records/describe';
import type { ProgressPoint } from '../api/get-exercise-progress';
import type { StatsTotals } from '../api/get-stats-summary';
import { daysBefore, distanceSeries, groupRecords, liftSeries, splitSportRecords } from './progress';

function point(day: string, e1rm: number | null, volume: number): ProgressPoint {
  return {
    workout_id: `w-${day}-${volume}`,
    started_at: `${day}T10:00:00Z`,
    day,
    one_rep_max_kg: e1rm,
    heaviest_weight_kg: e1rm === null ? null : e1rm - 10,
    best_set_volume_kg: 0,
    volume_kg: volume,
    sets: 3,
    reps: 15,
  };
}

describe('liftSeries', () => {
  const points = [point('2026-11-02', 100, 1500), point('2026-11-02', 105, 500), point('2026-11-05', null, 800)];

  it('keeps the better value of two workouts on one day, and skips workouts without one', () => {
    expect(liftSeries(points, (p) => p.one_rep_max_kg, 'max', 'metric')).toEqual([{ day: '2026-11-02', value: 105 }]);
  });

  it('adds up the volume of a day', () => {
    expect(liftSeries(points, (p) => p.volume_kg, 'sum', 'metric')).toEqual([
      { day: '2026-11-02', value: 2000 },
      { day: '2026-11-05', value: 800 },
    ]);
  });

  it('shows pounds for imperial users', () => {
    // 105 kg / 0.45359237 kg per lb = 231.485... lb.
    const [first] = liftSeries(points, (p) => p.one_rep_max_kg, 'max', 'imperial');
    expect(first?.value).toBeCloseTo(231.485, 3);
  });
});

function week(start: string, distance: number): StatsTotals {
  return { start, end: start, sessions: 1, duration_s: 0, distance_m: distance, elevation_gain_m: 0, volume_kg: 0, sets: 0, load: 0 };
}

describe('distanceSeries', () => {
  it('drops the empty weeks before the first distance and keeps later zeros, in km or mi', () => {
    const items = [week('2026-10-19', 0), week('2026-10-26', 12500), week('2026-11-02', 0), week('2026-11-09', 1609.344)];
    expect(distanceSeries(items, 'metric')).toEqual([
      { day: '2026-10-26', value: 12.5 },
      { day: '2026-11-02', value: 0 },
      { day: '2026-11-09', value: 1.609344 },
    ]);
    expect(distanceSeries(items, 'imperial')[2]).toEqual({ day: '2026-11-09', value: 1 });
  });

  it('is empty when nothing has a distance', () => {
    expect(distanceSeries([week('2026-10-19', 0)], 'metric')).toEqual([]);
  });
});

function record(partial: Partial<PersonalRecord>): PersonalRecord {
  return {
    kind: 'one_rep_max',
    exercise_id: null,
    sport: null,
    reps: null,
    weight_kg: null,
    distance_m: null,
    value: 1,
    unit: 'kg',
    workout_id: 'w1',
    achieved_at: '2026-11-02T10:00:00Z',
    previous_value: null,
    current: true,
    ...partial,
  };
}

describe('grouping records', () => {
  const squat1rm = record({ exercise_id: 'squat', kind: 'one_rep_max' });
  const squat5 = record({ exercise_id: 'squat', kind: 'rep_max', reps: 5 });
  const squat3 = record({ exercise_id: 'squat', kind: 'rep_max', reps: 3 });
  const run10k = record({ sport: 'run', kind: 'best_effort', distance_m: 10000, unit: 's' });
  const run5k = record({ sport: 'run', kind: 'best_effort', distance_m: 5000, unit: 's' });
  const runLongest = record({ sport: 'run', kind: 'longest_distance', unit: 'm' });

  it('groups strength by exercise and cardio by sport, in a fixed order', () => {
    const groups = groupRecords([run10k, squat5, runLongest, squat1rm, run5k, squat3]);
    expect(groups.byExercise).toEqual([['squat', [squat1rm, squat3, squat5]]]);
    expect(groups.bySport).toEqual([['run', [run5k, run10k, runLongest]]]);
  });

  it('splits a sport into best efforts by distance and the longest sessions', () => {
    expect(splitSportRecords([runLongest, run10k, run5k])).toEqual({ efforts: [run5k, run10k], longest: [runLongest] });
  });
});

describe('daysBefore', () => {
  it('counts back across months and leap days', () => {
    expect(daysBefore('2028-03-01', 1)).toBe('2028-02-29');
    expect(daysBefore('2026-12-06', 732)).toBe('2024-12-04');
  });
});
