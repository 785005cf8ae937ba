/** The client paths the nutrition pages link to; the app layer passes them in. */
export interface NutritionPaths {
  /** The diary of today (another feature's page: linked by URL). */
  diary: string;
  /** The diary of a local day (another feature's page: linked by URL). */
  diaryDay: (date: string) => string;
  recipes: string;
  newRecipe: string;
  recipe: (id: string) => string;
  editRecipe: (id: string) => string;
  newFood: string;
  editFood: (id: string) => string;
  targets: string;
  nutrientDay: (date: string) => string;
  /** The week holding `date` (this week without it). */
  week: (date?: string) => string;
  /** Where the birth year is set. */
  me: string;
  /** Where body weight is recorded. */
  body: string;
}
