/** The client paths the workout pages link to; the app layer passes them in. */
export interface WorkoutPaths {
  log: string;
  active: string;
  history: string;
  workout: (id: string) => string;
  routines: string;
  newRoutine: string;
  routine: (id: string) => string;
}
