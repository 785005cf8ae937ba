import { describe, expect, it } from 'vitest';
import { historyOf, plausibilityWarnings, unconfirmedWarnings, usualMaxWeightKg } from './plausibility';

const barbell = ['barbell'];
const best = (bestWeightKg: number | null, bestReps: number | null) => ({ bestWeightKg, bestReps });

describe('the typo guard', () => {
  it('flags the issue’s 1,999 kg curl x 10,000 reps against a best of 40 kg x 12', () => {
    expect(plausibilityWarnings({ weight_kg: 1999, reps: 10000 }, best(40, 12), ['ez_bar'])).toEqual([
      { field: 'weight', reason: 'aboveBest', bestKg: 40 },
      { field: 'reps', reason: 'aboveBest', best: 12 },
    ]);
  });

  it('lets through what a good day gives: up to 1.5 x the best weight, or within 5 kg of it', () => {
    expect(plausibilityWarnings({ weight_kg: 150, reps: 5 }, best(100, 5), barbell)).toEqual([]); // exactly 1.5 x
    expect(plausibilityWarnings({ weight_kg: 150.5, reps: 5 }, best(100, 5), barbell)).toEqual([
      { field: 'weight', reason: 'aboveBest', bestKg: 100 },
    ]);
    // A light dumbbell: 9 kg is 2.25 x a best of 4 kg but only 5 kg more.
    expect(plausibilityWarnings({ weight_kg: 9, reps: 10 }, best(4, 10), ['dumbbell'])).toEqual([]);
    expect(plausibilityWarnings({ weight_kg: 9.5, reps: 10 }, best(4, 10), ['dumbbell'])).toHaveLength(1);
  });

  it('flags reps above 3 x the best and more than 10 above it', () => {
    expect(plausibilityWarnings({ weight_kg: 60, reps: 15 }, best(100, 5), barbell)).toEqual([]); // 10 more
    expect(plausibilityWarnings({ weight_kg: 60, reps: 16 }, best(100, 5), barbell)).toEqual([{ field: 'reps', reason: 'aboveBest', best: 5 }]);
    expect(plausibilityWarnings({ weight_kg: null, reps: 36 }, best(null, 12), [])).toEqual([]); // exactly 3 x
    expect(plausibilityWarnings({ weight_kg: null, reps: 37 }, best(null, 12), [])).toHaveLength(1);
  });

  it('uses a generous bound by kind of exercise the first time', () => {
    expect(usualMaxWeightKg(['barbell'])).toBe(350);
    expect(usualMaxWeightKg(['dumbbell'])).toBe(100);
    expect(usualMaxWeightKg(['machine'])).toBe(300);
    const first = best(null, null);
    expect(plausibilityWarnings({ weight_kg: 350, reps: 1 }, first, barbell)).toEqual([]);
    expect(plausibilityWarnings({ weight_kg: 1999, reps: 10 }, first, barbell)).toEqual([{ field: 'weight', reason: 'aboveUsual', boundKg: 350 }]);
    expect(plausibilityWarnings({ weight_kg: 120, reps: 10 }, first, ['dumbbell'])).toEqual([{ field: 'weight', reason: 'aboveUsual', boundKg: 100 }]);
    // 150 push-ups are a lot, not a typo; 150 reps with a weight likely are.
    expect(plausibilityWarnings({ weight_kg: null, reps: 150 }, first, ['bodyweight'])).toEqual([]);
    expect(plausibilityWarnings({ weight_kg: 20, reps: 150 }, first, barbell)).toEqual([{ field: 'reps', reason: 'aboveUsual', bound: 100 }]);
    expect(plausibilityWarnings({ weight_kg: null, reps: 1000 }, first, ['bodyweight'])).toEqual([{ field: 'reps', reason: 'aboveUsual', bound: 300 }]);
  });

  it('says nothing of empty values', () => {
    expect(plausibilityWarnings({ weight_kg: null, reps: null }, best(100, 5), barbell)).toEqual([]);
    expect(plausibilityWarnings({ weight_kg: 0, reps: 0 }, best(null, null), barbell)).toEqual([]);
  });

  it('takes the best of the server’s all-time best and the last session’s done sets', () => {
    expect(historyOf({ weight_kg: 120, reps: 5 }, [{ weight_kg: 100, reps: 8, done: true }])).toEqual(best(120, 8));
    // A planned set never done is nobody's best.
    expect(historyOf(null, [{ weight_kg: 100, reps: 5, done: true }, { weight_kg: 300, reps: 50, done: false }])).toEqual(best(100, 5));
    expect(historyOf(undefined, [])).toEqual(best(null, null));
  });

  it('keeps a confirmation while the confirmed values stay, and asks again when they change', () => {
    const set = { weight_kg: 200, reps: 5, confirmed: { weight_kg: 200, reps: 5 } };
    expect(unconfirmedWarnings(set, best(100, 5), barbell)).toEqual([]);
    expect(unconfirmedWarnings({ ...set, weight_kg: 2000 }, best(100, 5), barbell)).toHaveLength(1);
  });
});
