import { toDisplayDistance, toDisplayWeight, type UnitSystem } from '@/lib/units';

/**
 * The server's hard limits for what a set records (src/core/limits.hpp, the one source; the
 * contract's maxima say the same). Copied here because the generated types carry no numbers;
 * limits.test.ts reads both files and fails when a number here differs.
 */
export const SET_WEIGHT_KG_MAX = 2000;
export const SET_REPS_MAX = 10000;
export const SET_DURATION_S_MAX = 604800;
export const SET_DISTANCE_M_MAX = 10000000;
export const SET_NOTES_MAX_LENGTH = 500;

/**
 * The largest weight and distance the user can type in their unit: the server's limit,
 * rounded down to 0.01 so that the value sent back in SI is never past it (2,000 kg is
 * 4,409.24 lb; 10,000 km is 6,213.71 mi).
 */
export function maxDisplayWeight(system: UnitSystem): number {
  return Math.floor(toDisplayWeight(SET_WEIGHT_KG_MAX, system) * 100) / 100;
}

export function maxDisplayDistance(system: UnitSystem): number {
  return Math.floor(toDisplayDistance(SET_DISTANCE_M_MAX, system) * 100) / 100;
}
