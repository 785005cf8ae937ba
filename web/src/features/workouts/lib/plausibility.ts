import type { ActiveWorkout } from './model';

/**
 * The typo guard: a set's weight or reps far outside what the user has done with the exercise
 * ("1,999 kg curl x 10,000 reps") is flagged for them to confirm before it is saved. A warning,
 * never a refusal: the hard limits are the server's (src/core/limits.hpp, '@/lib/limits').
 *
 * The rules, with what the user did before:
 * - weight above 1.5 x their best weight for the exercise and more than 5 kg above it
 *   (best 100 kg: 150 kg passes, 150.5 kg is flagged; best 4 kg: 9 kg passes, 9.5 kg is flagged);
 * - reps above 3 x their best reps and more than 10 above it (best 5: 15 passes, 16 is flagged;
 *   best 12: 36 passes, 37 is flagged).
 * Without a best (a first time, or offline): a generous bound for the kind of exercise, far
 * above a strong lifter's best but below a typo's extra digit: a barbell 350 kg, a dumbbell or
 * kettlebell 100 kg, anything else 300 kg; 100 reps with a weight, 300 without (push-ups).
 */

export const WEIGHT_FACTOR = 1.5;
export const WEIGHT_MARGIN_KG = 5;
export const REPS_FACTOR = 3;
export const REPS_MARGIN = 10;

/** What the user has done with the exercise before: best weight and reps of done sets. */
export interface History {
  bestWeightKg: number | null;
  bestReps: number | null;
}

export type Warning =
  | { field: 'weight'; reason: 'aboveBest'; bestKg: number }
  | { field: 'weight'; reason: 'aboveUsual'; boundKg: number }
  | { field: 'reps'; reason: 'aboveBest'; best: number }
  | { field: 'reps'; reason: 'aboveUsual'; bound: number };

/** The bound on a weight for an exercise done for the first time, by its equipment. */
export function usualMaxWeightKg(equipment: readonly string[]): number {
  if (equipment.some((e) => e === 'barbell' || e === 'trap_bar' || e === 'smith_machine')) return 350;
  if (equipment.some((e) => e === 'dumbbell' || e === 'kettlebell')) return 100;
  return 300;
}

/** The bound on reps for an exercise done for the first time: with a weight or without. */
export function usualMaxReps(weighted: boolean): number {
  return weighted ? 100 : 300;
}

/** The best of earlier sets: the server's best (all history), else the last session's sets. */
export function historyOf(
  best: { weight_kg: number | null; reps: number | null } | null | undefined,
  previous: ReadonlyArray<{ weight_kg?: number | null; reps?: number | null; done?: boolean }>,
): History {
  const done = previous.filter((s) => s.done !== false);
  const max = (values: Array<number | null | undefined>) => {
    const known = values.filter((v): v is number => typeof v === 'number' && v > 0);
    return known.length > 0 ? Math.max(...known) : null;
  };
  return {
    bestWeightKg: max([best?.weight_kg, ...done.map((s) => s.weight_kg)]),
    bestReps: max([best?.reps, ...done.map((s) => s.reps)]),
  };
}

/** The warnings for a set's weight and reps (none for an empty value). */
export function plausibilityWarnings(
  set: { weight_kg: number | null; reps: number | null },
  history: History,
  equipment: readonly string[],
): Warning[] {
  const warnings: Warning[] = [];
  const weight = set.weight_kg;
  if (weight !== null && weight > 0) {
    const best = history.bestWeightKg;
    if (best !== null && best > 0) {
      if (weight > best * WEIGHT_FACTOR && weight - best > WEIGHT_MARGIN_KG) {
        warnings.push({ field: 'weight', reason: 'aboveBest', bestKg: best });
      }
    } else if (weight > usualMaxWeightKg(equipment)) {
      warnings.push({ field: 'weight', reason: 'aboveUsual', boundKg: usualMaxWeightKg(equipment) });
    }
  }
  const reps = set.reps;
  if (reps !== null && reps > 0) {
    const best = history.bestReps;
    if (best !== null && best > 0) {
      if (reps > best * REPS_FACTOR && reps - best > REPS_MARGIN) warnings.push({ field: 'reps', reason: 'aboveBest', best });
    } else {
      const bound = usualMaxReps(weight !== null && weight > 0);
      if (reps > bound) warnings.push({ field: 'reps', reason: 'aboveUsual', bound });
    }
  }
  return warnings;
}

/** The values a user confirmed for a set: a warning stays confirmed while they are unchanged. */
export interface Confirmed {
  weight_kg: number | null;
  reps: number | null;
}

export function isConfirmed(set: { weight_kg: number | null; reps: number | null; confirmed?: Confirmed | null | undefined }): boolean {
  return set.confirmed != null && set.confirmed.weight_kg === set.weight_kg && set.confirmed.reps === set.reps;
}

/** Warnings the user has not confirmed yet (what Finish or Save asks about once). */
export function unconfirmedWarnings(
  set: { weight_kg: number | null; reps: number | null; confirmed?: Confirmed | null | undefined },
  history: History,
  equipment: readonly string[],
): Warning[] {
  return isConfirmed(set) ? [] : plausibilityWarnings(set, history, equipment);
}

/** How many sets of a workout in progress have values the user has not confirmed yet. */
export function doubtfulSets(workout: ActiveWorkout): number {
  let n = 0;
  for (const block of workout.blocks) {
    const history = historyOf(block.best, block.previous);
    for (const set of block.sets) {
      if (unconfirmedWarnings(set, history, block.exercise.equipment).length > 0) n++;
    }
  }
  return n;
}
