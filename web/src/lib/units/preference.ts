import { useMe } from '@/lib/auth/get-me';
import { createLocalStore, useLocalStore } from '@/lib/storage/local-store';
import { unitSystems, weightIncrement, type UnitSystem } from './units';

/**
 * The unit system kept in this browser: what the pages show while the profile is loading or
 * nobody is signed in (the profile's preferences win as soon as they are known), and a copy of
 * the last value saved to the profile.
 */
export const unitSystemStore = createLocalStore<UnitSystem>(
  'vigor.units',
  (raw) => (unitSystems.includes(raw as UnitSystem) ? (raw as UnitSystem) : undefined),
  'metric',
);

export interface UnitPreferences {
  weight_unit: 'kg' | 'lb';
  distance_unit: 'km' | 'mi';
}

/** The profile's units as one system: imperial when the weight unit is lb. */
export function unitSystemFromPreferences(preferences: UnitPreferences): UnitSystem {
  return preferences.weight_unit === 'lb' ? 'imperial' : 'metric';
}

/** The profile's units for a system (PATCH /api/v1/me). */
export function preferencesForUnitSystem(system: UnitSystem): UnitPreferences {
  return system === 'imperial' ? { weight_unit: 'lb', distance_unit: 'mi' } : { weight_unit: 'kg', distance_unit: 'km' };
}

/**
 * The user's unit system: from the profile (GET /api/v1/me `preferences`), else the value kept
 * in this browser. The setter only changes the local copy; the Me page saves to the profile.
 */
export function useUnitSystem(): [UnitSystem, (system: UnitSystem) => void] {
  const [local, setLocal] = useLocalStore(unitSystemStore);
  const me = useMe();
  const preferences = me.data?.preferences;
  return [preferences ? unitSystemFromPreferences(preferences) : local, setLocal];
}

/**
 * The step of the weight inputs, in the user's weight unit: the profile's weight_increment
 * (PATCH /api/v1/me), else 2.5 kg or 5 lb. It is the +/- buttons' and arrow keys' step and
 * what computed weights (a percentage of a 1RM, a converted weight) are rounded to.
 */
export function useWeightIncrement(): number {
  const [system] = useUnitSystem();
  const me = useMe();
  const increment = me.data?.preferences.weight_increment;
  return typeof increment === 'number' && increment > 0 ? increment : weightIncrement(system);
}

/** Steps worth offering for the weight inputs, per unit (a profile may hold another). */
export const weightIncrementChoices: Record<'kg' | 'lb', readonly number[]> = {
  kg: [0.5, 1, 1.25, 2.5, 5],
  lb: [1, 2.5, 5, 10],
};
