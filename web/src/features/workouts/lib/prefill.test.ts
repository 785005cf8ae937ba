import { describe, expect, it } from 'vitest';
import { lbToKg, toDisplayWeight } from '@/lib/units';
import { estimatedOneRepMaxKg, initialSets, nextSet, percentTargetKg, performedSets, setsFromRoutineItem } from './prefill';
import { set } from './test-helpers';

const values = (s: { set_type: string; weight_kg: number | null; reps: number | null; done: boolean }) => ({
  set_type: s.set_type,
  weight_kg: s.weight_kg,
  reps: s.reps,
  done: s.done,
});

describe('pre-filling sets from the previous session', () => {
  const previous = [
    { set_type: 'warmup' as const, weight_kg: 40, reps: 10, done: true },
    { set_type: 'normal' as const, weight_kg: 60, reps: 8, done: true },
    { set_type: 'normal' as const, weight_kg: 62.5, reps: 6, done: true },
  ];

  it('starts an added exercise with as many sets as last time, each as it was', () => {
    const sets = initialSets(previous, 'metric');
    expect(sets.map(values)).toEqual([
      { set_type: 'warmup', weight_kg: 40, reps: 10, done: false },
      { set_type: 'normal', weight_kg: 60, reps: 8, done: false },
      { set_type: 'normal', weight_kg: 62.5, reps: 6, done: false },
    ]);
    expect(new Set(sets.map((s) => s.key)).size).toBe(3);
  });

  it('repeats what was done last time, not what was planned and skipped', () => {
    expect(performedSets([{ reps: 5, done: true }, { reps: 5, done: false }, { reps: 3 }])).toEqual([
      { reps: 5, done: true },
      { reps: 3 },
    ]);
  });

  it('starts a never-done exercise with one empty set', () => {
    expect(initialSets([], 'metric').map(values)).toEqual([{ set_type: 'normal', weight_kg: null, reps: null, done: false }]);
  });

  it('fills an added set from the same position last time, then repeats the last set', () => {
    const sets = [set({ weight_kg: 40, reps: 10, done: true })];
    expect(values(nextSet(sets, previous, 'metric'))).toEqual({ set_type: 'normal', weight_kg: 60, reps: 8, done: false });

    const four = [set(), set(), set(), set({ set_type: 'drop', weight_kg: 50, reps: 12, done: true })];
    expect(values(nextSet(four, previous, 'metric'))).toEqual({ set_type: 'drop', weight_kg: 50, reps: 12, done: false });
  });

  it('tidies last time’s kg for a user who now lifts in pounds', () => {
    const [first] = initialSets([{ weight_kg: 60, reps: 5 }], 'imperial');
    expect(first?.weight_kg).toBeCloseTo(lbToKg(130), 10);
    const [same] = initialSets([{ weight_kg: lbToKg(135), reps: 5 }], 'imperial');
    expect(same?.weight_kg).toBe(lbToKg(135));
  });
});

describe('sets of a routine item', () => {
  it('uses the targets as targets and as the values to log', () => {
    const sets = setsFromRoutineItem({ exercise_id: 'x', target_sets: 3, target_reps: 5, target_weight_kg: 100 }, [], 'metric');
    expect(sets).toHaveLength(3);
    expect(sets.every((s) => s.reps === 5 && s.weight_kg === 100 && s.target_reps === 5 && s.target_weight_kg === 100)).toBe(true);
  });

  it('takes the weight from the previous session when the routine names none', () => {
    const sets = setsFromRoutineItem(
      { exercise_id: 'x', target_sets: 3, target_reps: 8 },
      [
        { weight_kg: 50, reps: 10 },
        { weight_kg: 55, reps: 8 },
      ],
      'metric',
    );
    expect(sets.map((s) => [s.weight_kg, s.reps, s.target_weight_kg, s.target_reps])).toEqual([
      [50, 8, null, 8],
      [55, 8, null, 8],
      [55, 8, null, 8],
    ]);
  });

  it('takes reps from last time when the routine has no target reps, and leaves the rest empty for a new exercise', () => {
    expect(
      setsFromRoutineItem({ exercise_id: 'x', target_sets: 1 }, [{ reps: 12, weight_kg: null }], 'metric').map(values),
    ).toEqual([{ set_type: 'normal', weight_kg: null, reps: 12, done: false }]);
    expect(setsFromRoutineItem({ exercise_id: 'x', target_sets: 2 }, [], 'metric').map(values)).toEqual([
      { set_type: 'normal', weight_kg: null, reps: null, done: false },
      { set_type: 'normal', weight_kg: null, reps: null, done: false },
    ]);
  });
});

describe('%1RM targets', () => {
  it('estimates the one-rep max from the best set of 1 to 12 reps (Epley)', () => {
    expect(estimatedOneRepMaxKg([{ weight_kg: 100, reps: 5 }, { weight_kg: 90, reps: 8 }])).toBeCloseTo(116.667, 3);
    expect(estimatedOneRepMaxKg([{ weight_kg: 120, reps: 1 }])).toBe(120);
    expect(estimatedOneRepMaxKg([{ weight_kg: 60, reps: 20 }, { reps: 5 }])).toBeNull();
  });

  it('rounds the target to the weight step in the user unit', () => {
    // 80 % of 103 kg = 82.4 kg.
    expect(percentTargetKg(80, 103, 'metric')).toBe(82.5);
    expect(percentTargetKg(80, 103, 'metric', 1)).toBe(82);
    expect(percentTargetKg(80, 103, 'metric', 5)).toBe(80);
    // 82.4 kg = 181.66 lb -> 180 lb with 5 lb, 182.5 lb with 2.5 lb.
    expect(toDisplayWeight(percentTargetKg(80, 103, 'imperial')!, 'imperial')).toBeCloseTo(180, 9);
    expect(toDisplayWeight(percentTargetKg(80, 103, 'imperial', 2.5)!, 'imperial')).toBeCloseTo(182.5, 9);
    expect(percentTargetKg(80, null, 'metric')).toBeNull();
  });

  it('fills a routine item of %1RM with the rounded weight as target', () => {
    const item = { exercise_id: 'squat', target_sets: 2, target_reps: 5, target_percent_1rm: 75 };
    // Best: 100 x 5 -> 116.67; 75 % = 87.5 kg (1.25 kg step keeps it), 87 with 1 kg.
    const sets = setsFromRoutineItem(item, [{ weight_kg: 100, reps: 5, done: true }], 'metric', 1.25);
    expect(sets.map((s) => [s.weight_kg, s.target_weight_kg, s.reps])).toEqual([
      [87.5, 87.5, 5],
      [87.5, 87.5, 5],
    ]);
    expect(setsFromRoutineItem(item, [{ weight_kg: 100, reps: 5, done: true }], 'metric', 1)[0]?.weight_kg).toBe(88);
    // A weight target wins over the percentage.
    expect(setsFromRoutineItem({ ...item, target_weight_kg: 90 }, [], 'metric')[0]?.weight_kg).toBe(90);
  });
});
