export * from './units';
export { formatDistance, formatElevation, formatInputNumber, formatWeight } from './format';
export {
  preferencesForUnitSystem,
  unitSystemFromPreferences,
  unitSystemStore,
  useUnitSystem,
  useWeightIncrement,
  weightIncrementChoices,
  type UnitPreferences,
} from './preference';
