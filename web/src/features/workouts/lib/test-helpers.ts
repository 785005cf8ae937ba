import type { ActiveBlock, ActiveSet, ExerciseRef } from './model';
import { emptySet } from './prefill';

/** Builders for the workout logic's tests. */
export const bench: ExerciseRef = {
  id: 'barbell-bench-press',
  name: 'Barbell Bench Press',
  log_type: 'weight_reps',
  equipment: ['barbell', 'bench'],
};
export const pullUp: ExerciseRef = { id: 'pull-up', name: 'Pull-Up', log_type: 'reps', equipment: ['pullup_bar'] };
export const row: ExerciseRef = {
  id: 'barbell-row',
  name: 'Barbell Row',
  log_type: 'weight_reps',
  equipment: ['barbell'],
};

export function set(values: Partial<ActiveSet> = {}): ActiveSet {
  return { ...emptySet(), ...values };
}

export function block(exercise: ExerciseRef, sets: ActiveSet[], values: Partial<ActiveBlock> = {}): ActiveBlock {
  return { key: `${exercise.id}-${Math.random()}`, exercise, superset_group: null, rest_s: null, previous: [], sets, ...values };
}
