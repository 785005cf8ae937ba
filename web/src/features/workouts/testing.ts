import type { WorkoutPaths } from './paths';

/** Paths and API answers shared by the workout feature's component tests. */
export const testPaths: WorkoutPaths = {
  log: '/log',
  active: '/log/active',
  cardio: '/log/cardio',
  history: '/workouts',
  workout: (id) => `/workouts/${id}`,
  routines: '/routines',
  newRoutine: '/routines/new',
  routine: (id) => `/routines/${id}`,
  programs: '/programs',
  templates: '/templates',
};

export function catalogueExercise(id: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    slug: id,
    name,
    category: 'strength',
    primary_muscles: ['chest'],
    secondary_muscles: [],
    equipment: ['barbell'],
    log_type: 'weight_reps',
    custom: false,
    ...extra,
  };
}
