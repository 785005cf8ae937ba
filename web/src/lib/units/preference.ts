import { createLocalStore, useLocalStore } from '@/lib/storage/local-store';
import { unitSystems, type UnitSystem } from './units';

/**
 * The user's unit system. Kept in this browser (localStorage) until the profile API stores
 * preferences; metric unless the user chose otherwise.
 */
export const unitSystemStore = createLocalStore<UnitSystem>(
  'vigor.units',
  (raw) => (unitSystems.includes(raw as UnitSystem) ? (raw as UnitSystem) : undefined),
  'metric',
);

export function useUnitSystem(): [UnitSystem, (system: UnitSystem) => void] {
  return useLocalStore(unitSystemStore);
}
