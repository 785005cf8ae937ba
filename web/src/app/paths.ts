import { generatePath } from 'react-router';

/** Every client path in one place; links are written as `paths.signup`, never as strings. */
export const paths = {
  home: '/',
  signup: '/signup',
  login: '/login',
  verifyEmail: '/verify-email',
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password',
  securitySettings: '/settings/security',
  adminUsers: '/admin/users',
  adminSettings: '/admin/settings',
  /** Today is the home page of a signed-in user. */
  today: '/',
  log: '/log',
  logActive: '/log/active',
  logCardio: '/log/cardio',
  workouts: '/workouts',
  workout: '/workouts/:id',
  routines: '/routines',
  routineNew: '/routines/new',
  routine: '/routines/:id',
  programs: '/programs',
  templates: '/templates',
  body: '/body',
  me: '/me',
  import: '/import',
  exercises: '/exercises',
  exercise: '/exercises/:id',
  exerciseProgress: '/exercises/:id/progress',
  sport: '/sports/:sport',
  records: '/records',
  goals: '/goals',
  goalNew: '/goals/new',
  goal: '/goals/:id',
  goalEdit: '/goals/:id/edit',
  /** The Food tab: today's diary; a day's at /food/YYYY-MM-DD. */
  food: '/food',
  foodDay: '/food/:date',
  foodRecipes: '/food/recipes',
  foodTargets: '/food/targets',
  foodWeek: '/food/week',
  foodNutrients: '/food/day/:date/nutrients',
  foodNew: '/food/foods/new',
  foodRecipeNew: '/food/recipes/new',
  foodRecipe: '/food/recipes/:id',
  foodRecipeEdit: '/food/recipes/:id/edit',
  foodEdit: '/food/foods/:id/edit',
  notifications: '/notifications',
  notificationSettings: '/settings/notifications',
  adminModeration: '/admin/moderation',
  moderationSettings: '/settings/moderation',
  /** Community: the feed lane builds /community itself; people and settings of issue 13's social lane. */
  community: '/community',
  communityPeople: '/community/people',
  userProfile: '/u/:username',
  privacySettings: '/settings/privacy',
  profileSettings: '/settings/profile',
  communityChallenges: '/community/challenges',
  communityClubs: '/community/clubs',
  /** A user's workout as others see it. */
  userWorkout: '/u/:username/workouts/:id',
  /** The bulk change of who sees past workouts or body entries. */
  privacyVisibility: '/settings/privacy/visibility',
  communityChallengeNew: '/community/challenges/new',
  communityChallenge: '/community/challenges/:id',
  clubs: '/community/clubs',
  clubNew: '/community/clubs/new',
  club: '/community/clubs/:id',
  /** Issue 14, apps: developer apps, connected apps, the OAuth consent and device pages, the admin's list. */
  developerApps: '/settings/apps',
  developerApp: '/settings/apps/:id',
  connectedApps: '/settings/connected-apps',
  oauthConsent: '/oauth/consent',
  device: '/device',
  adminApps: '/admin/apps',
  /** Issue 15, consent: the public privacy policy and the admin's editor of it. */
  privacyPolicy: '/privacy-policy',
  adminPrivacyPolicy: '/admin/privacy-policy',
} as const satisfies Record<string, `/${string}`>;

export type AppPath = (typeof paths)[keyof typeof paths];

/** Paths with a parameter, filled in: `linkTo.workout(id)` is `/workouts/<id>`. */
export const linkTo = {
  workout: (id: string) => generatePath(paths.workout, { id }),
  routine: (id: string) => generatePath(paths.routine, { id }),
  exercise: (id: string) => generatePath(paths.exercise, { id }),
  exerciseProgress: (id: string) => generatePath(paths.exerciseProgress, { id }),
  sport: (sport: string) => generatePath(paths.sport, { sport }),
  goal: (id: string) => generatePath(paths.goal, { id }),
  goalEdit: (id: string) => generatePath(paths.goalEdit, { id }),
  foodDay: (date: string) => generatePath(paths.foodDay, { date }),
  foodNutrients: (date: string) => generatePath(paths.foodNutrients, { date }),
  /** The form for a food of one's own, its barcode filled in when given. */
  foodNew: (barcode?: string) =>
    barcode ? `${paths.foodNew}?${new URLSearchParams({ barcode }).toString()}` : paths.foodNew,
  foodRecipe: (id: string) => generatePath(paths.foodRecipe, { id }),
  foodRecipeEdit: (id: string) => generatePath(paths.foodRecipeEdit, { id }),
  foodEdit: (id: string) => generatePath(paths.foodEdit, { id }),
  userProfile: (username: string) => generatePath(paths.userProfile, { username }),
  /** The week that holds `date` (this week without it). */
  foodWeek: (date?: string) => (date ? `${paths.foodWeek}?${new URLSearchParams({ date }).toString()}` : paths.foodWeek),
  userWorkout: (username: string, id: string) => generatePath(paths.userWorkout, { username, id }),
  communityChallenge: (id: string) => generatePath(paths.communityChallenge, { id }),
};

export const adminPaths = {
  users: paths.adminUsers,
  settings: paths.adminSettings,
  apps: paths.adminApps,
  privacyPolicy: paths.adminPrivacyPolicy,
} as const;

/**
 * Where withdrawing consent leads (issue 15): the export ("Your data", #export) and the account
 * deletion, both on the security settings page, which the consent gate leaves open.
 */
export const consentPaths = {
  policy: paths.privacyPolicy,
  export: `${paths.securitySettings}#export`,
  deleteAccount: `${paths.securitySettings}#delete-account`,
} as const;

/** What the workout pages link to. */
export const workoutPaths = {
  log: paths.log,
  active: paths.logActive,
  cardio: paths.logCardio,
  history: paths.workouts,
  workout: linkTo.workout,
  routines: paths.routines,
  newRoutine: paths.routineNew,
  routine: linkTo.routine,
  programs: paths.programs,
  templates: paths.templates,
} as const;

export const mePaths = {
  history: paths.workouts,
  routines: paths.routines,
  programs: paths.programs,
  exercises: paths.exercises,
  import: paths.import,
  body: paths.body,
  security: paths.securitySettings,
  goals: paths.goals,
  records: paths.records,
  people: paths.communityPeople,
  profile: paths.profileSettings,
  privacy: paths.privacySettings,
} as const;

export const todayPaths = {
  startWorkout: paths.log,
  recordWeight: paths.body,
  newRoutine: paths.routineNew,
  security: paths.securitySettings,
  goals: paths.goals,
  records: paths.records,
  workout: linkTo.workout,
} as const;

/** What the import page links to. */
export const importPaths = { history: paths.workouts, workout: linkTo.workout } as const;

/** What the exercise pages link to. */
export const exercisePaths = {
  exercises: paths.exercises,
  exercise: linkTo.exercise,
  workout: linkTo.workout,
  progress: linkTo.exerciseProgress,
} as const;

/** What the progress pages (a lift's progress, a sport, records) link to. */
export const progressPaths = {
  exercise: linkTo.exercise,
  exerciseProgress: linkTo.exerciseProgress,
  sport: linkTo.sport,
  records: paths.records,
  workout: linkTo.workout,
  log: paths.log,
} as const;

/** What the goal pages link to. */
export const goalPaths = { goals: paths.goals, newGoal: paths.goalNew, goal: linkTo.goal, edit: linkTo.goalEdit } as const;

/** What the food diary links to. */
export const diaryPaths = {
  day: linkTo.foodDay,
  recipes: paths.foodRecipes,
  targets: paths.foodTargets,
  week: paths.foodWeek,
  nutrients: linkTo.foodNutrients,
  newFood: linkTo.foodNew,
} as const;

/** What the nutrition pages beside the diary (recipes, own foods, targets, a day's nutrients, the week) link to. */
export const nutritionPaths = {
  diary: paths.food,
  diaryDay: linkTo.foodDay,
  recipes: paths.foodRecipes,
  newRecipe: paths.foodRecipeNew,
  recipe: linkTo.foodRecipe,
  editRecipe: linkTo.foodRecipeEdit,
  newFood: paths.foodNew,
  editFood: linkTo.foodEdit,
  targets: paths.foodTargets,
  nutrientDay: linkTo.foodNutrients,
  week: linkTo.foodWeek,
  me: paths.me,
  body: paths.body,
} as const;

/** What the notifications link to: the community pages of profiles, feed, challenges, clubs and moderation. */
export const notificationPaths = {
  notifications: paths.notifications,
  settings: paths.notificationSettings,
  user: linkTo.userProfile,
  feed: paths.community,
  challenge: linkTo.communityChallenge,
  club: (id: string) => generatePath(paths.club, { id }),
  moderation: paths.moderationSettings,
} as const;
/** What the people pages (a profile, /community/people) link to. */
export const peoplePaths = { profile: linkTo.userProfile, editProfile: paths.profileSettings } as const;
/** What the community feed links to. */
export const communityPaths = {
  people: paths.communityPeople,
  challenges: paths.communityChallenges,
  clubs: paths.communityClubs,
  userWorkout: (username: string, id: string) => generatePath(paths.userWorkout, { username, id }),
} as const;
/** What the shared pages (others' workouts) link to. */
export const sharedPaths = { userWorkout: linkTo.userWorkout } as const;
/** What the challenge pages link to. */
export const challengePaths = {
  challenges: paths.communityChallenges,
  newChallenge: paths.communityChallengeNew,
  challenge: linkTo.communityChallenge,
} as const;

/** What the club pages link to. */
export const clubPaths = {
  clubs: paths.clubs,
  newClub: paths.clubNew,
  club: (id: string) => generatePath(paths.club, { id }),
  challenge: linkTo.communityChallenge,
  newClubChallenge: (clubId: string) => `${paths.communityChallengeNew}?${new URLSearchParams({ club_id: clubId }).toString()}`,
} as const;

/** What the pages of client apps link to (issue 14, apps). */
export const appsPaths = {
  apps: paths.developerApps,
  app: (id: string) => generatePath(paths.developerApp, { id }),
  connectedApps: paths.connectedApps,
} as const;
