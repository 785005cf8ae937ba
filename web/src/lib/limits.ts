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
