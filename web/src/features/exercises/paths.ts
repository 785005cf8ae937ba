/** The client paths the exercise pages link to; the app layer passes them in. */
export interface ExercisePaths {
  exercises: string;
  exercise: (id: string) => string;
  workout: (id: string) => string;
  /** The exercise's progress page (charts, rep maxes). */
  progress?: (id: string) => string;
}
