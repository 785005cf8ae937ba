export * from './units';
export { formatDistance, formatInputNumber, formatWeight } from './format';
export {
  preferencesForUnitSystem,
  unitSystemFromPreferences,
  unitSystemStore,
  useUnitSystem,
  type UnitPreferences,
} from './preference';
