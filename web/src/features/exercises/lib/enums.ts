import type { Equipment, ExerciseCategory, Muscle } from '@/lib/exercises/get-exercise';

/** The spec's enums, in the order the filters list them (a type error here if the spec changes). */
export const muscles = [
  'chest', 'front_delts', 'side_delts', 'rear_delts', 'biceps', 'triceps', 'forearms', 'traps', 'lats', 'upper_back',
  'lower_back', 'abs', 'obliques', 'glutes', 'quads', 'hamstrings', 'adductors', 'abductors', 'calves', 'neck', 'hip_flexors',
] as const satisfies readonly Muscle[];

export const equipmentList = [
  'barbell', 'dumbbell', 'kettlebell', 'machine', 'cable', 'bodyweight', 'band', 'smith_machine', 'ez_bar', 'trap_bar',
  'bench', 'pullup_bar', 'medicine_ball', 'plate', 'suspension', 'cardio_machine', 'none',
] as const satisfies readonly Equipment[];

export const categories = [
  'strength', 'cardio', 'mobility', 'plyometric', 'stretching', 'olympic',
] as const satisfies readonly ExerciseCategory[];
