export { UserWorkoutList } from './components/user-workout-list';
export type { UserWorkoutListProps } from './components/user-workout-list';
export { SharedWorkoutPage } from './components/shared-workout-page';
export { VisibilityChangePage } from './components/visibility-change-page';
export { VisibilityPicker } from './components/visibility-picker';
export type { SharedPaths } from './paths';
