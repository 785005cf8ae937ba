/** What the shared pages link to (app/paths.ts composes them). */
export interface SharedPaths {
  userWorkout: (username: string, id: string) => string;
}
