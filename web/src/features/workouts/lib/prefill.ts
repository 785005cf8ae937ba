import { roundKgForSystem, tidyWeightKg, type UnitSystem } from '@/lib/units';
import { newId, type ActiveSet, type RoutineItem, type WorkoutSet } from './model';

/**
 * What the previous session did: its ticked sets (GET /last-sets also returns the sets that
 * were planned and not done, which are no numbers to repeat).
 */
export function performedSets(sets: readonly WorkoutSet[]): WorkoutSet[] {
  return sets.filter((set) => set.done !== false);
}

export function emptySet(): ActiveSet {
  return {
    key: newId(),
    set_type: 'normal',
    weight_kg: null,
    reps: null,
    duration_s: null,
    distance_m: null,
    done: false,
    target_reps: null,
    target_weight_kg: null,
  };
}

/** `step`: the user's weight increment in their unit (default 2.5 kg or 5 lb). */
function tidyWeight(kg: number | null | undefined, system: UnitSystem, step?: number): number | null {
  return kg === null || kg === undefined ? null : tidyWeightKg(kg, system, step);
}

/** The values of a set from the previous session, to start a new set with. */
function valuesOf(previous: WorkoutSet, system: UnitSystem, step?: number): Partial<ActiveSet> {
  return {
    set_type: previous.set_type ?? 'normal',
    weight_kg: tidyWeight(previous.weight_kg, system, step),
    reps: previous.reps ?? null,
    duration_s: previous.duration_s ?? null,
    distance_m: previous.distance_m ?? null,
  };
}

/**
 * The next set of a block: set n starts as set n of the previous session was; past the
 * previous session's sets it repeats the block's last set (values and targets, not done).
 * A first set with no history starts empty.
 */
export function nextSet(
  sets: readonly ActiveSet[],
  previous: readonly WorkoutSet[],
  system: UnitSystem,
  step?: number,
): ActiveSet {
  const index = sets.length;
  const fromPrevious = previous[index];
  if (fromPrevious) return { ...emptySet(), ...valuesOf(fromPrevious, system, step) };
  const last = sets[sets.length - 1];
  if (last) return { ...last, key: newId(), done: false, set_type: last.set_type === 'warmup' ? 'normal' : last.set_type };
  return emptySet();
}

/** A block's sets when an exercise is added: as many as last time (at least one), pre-filled. */
export function initialSets(previous: readonly WorkoutSet[], system: UnitSystem, step?: number): ActiveSet[] {
  const sets: ActiveSet[] = [];
  const count = Math.max(1, previous.length);
  while (sets.length < count) sets.push(nextSet(sets, previous, system, step));
  return sets;
}

/** Sets of more reps than this give no 1RM estimate (as the server's core/one_rep_max). */
const MAX_REPS_FOR_1RM = 12;

/**
 * The best estimated one-rep max (Epley: w x (1 + r/30); one rep is its own max) of the
 * previous session's sets of 1 to 12 reps with a weight, or null when none says.
 */
export function estimatedOneRepMaxKg(previous: readonly WorkoutSet[]): number | null {
  let best: number | null = null;
  for (const set of previous) {
    const w = set.weight_kg;
    const r = set.reps;
    if (w == null || r == null || !(w > 0) || r < 1 || r > MAX_REPS_FOR_1RM) continue;
    const estimate = r === 1 ? w : w * (1 + r / 30);
    if (best === null || estimate > best) best = estimate;
  }
  return best;
}

/**
 * The weight of a "%1RM" target: that share of the estimated one-rep max, rounded to the
 * user's weight step in their unit (80 % of 103 kg with 2.5 kg -> 82.5 kg). Null without an
 * estimate.
 */
export function percentTargetKg(percent: number, oneRepMaxKg: number | null, system: UnitSystem, step?: number): number | null {
  if (oneRepMaxKg === null) return null;
  return roundKgForSystem((oneRepMaxKg * percent) / 100, system, step);
}

/**
 * The sets of a routine item when a workout starts from it: the routine's targets as
 * targets and as the values to log. A percentage of the one-rep max (target_percent_1rm)
 * becomes a target weight from the previous session's best estimate, rounded to the user's
 * weight step. Where the routine names no weight, the weight of the previous session's
 * matching set (else its last set), tidied for the user's unit. Reps, time and distance
 * without a target come from the previous session too.
 */
export function setsFromRoutineItem(
  item: RoutineItem,
  previous: readonly WorkoutSet[],
  system: UnitSystem,
  step?: number,
): ActiveSet[] {
  const sets: ActiveSet[] = [];
  const percent = item.target_percent_1rm ?? null;
  const fromPercent = percent === null ? null : percentTargetKg(percent, estimatedOneRepMaxKg(previous), system, step);
  for (let i = 0; i < item.target_sets; i++) {
    const prev = previous[i] ?? previous[previous.length - 1];
    const targetWeight = item.target_weight_kg ?? fromPercent;
    sets.push({
      ...emptySet(),
      reps: item.target_reps ?? prev?.reps ?? null,
      weight_kg: targetWeight ?? tidyWeight(prev?.weight_kg, system, step),
      duration_s: prev?.duration_s ?? null,
      distance_m: prev?.distance_m ?? null,
      target_reps: item.target_reps ?? null,
      target_weight_kg: targetWeight,
    });
  }
  return sets;
}
