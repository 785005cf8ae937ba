/** The client paths the workout pages link to; the app layer passes them in. */
export interface WorkoutPaths {
  log: string;
  active: string;
  /** Record a cardio session by hand. */
  cardio: string;
  history: string;
  workout: (id: string) => string;
  routines: string;
  newRoutine: string;
  routine: (id: string) => string;
  /** Routines grouped in order (a 3-day split). */
  programs: string;
  /** Routines others share publicly, to copy. */
  templates: string;
}
