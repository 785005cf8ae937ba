export * from './units';
export { formatDistance, formatInputNumber, formatWeight } from './format';
export { unitSystemStore, useUnitSystem } from './preference';
