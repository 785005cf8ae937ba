import { tidyWeightKg, type UnitSystem } from '@/lib/units';
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

function tidyWeight(kg: number | null | undefined, system: UnitSystem): number | null {
  return kg === null || kg === undefined ? null : tidyWeightKg(kg, system);
}

/** The values of a set from the previous session, to start a new set with. */
function valuesOf(previous: WorkoutSet, system: UnitSystem): Partial<ActiveSet> {
  return {
    set_type: previous.set_type ?? 'normal',
    weight_kg: tidyWeight(previous.weight_kg, system),
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
export function nextSet(sets: readonly ActiveSet[], previous: readonly WorkoutSet[], system: UnitSystem): ActiveSet {
  const index = sets.length;
  const fromPrevious = previous[index];
  if (fromPrevious) return { ...emptySet(), ...valuesOf(fromPrevious, system) };
  const last = sets[sets.length - 1];
  if (last) return { ...last, key: newId(), done: false, set_type: last.set_type === 'warmup' ? 'normal' : last.set_type };
  return emptySet();
}

/** A block's sets when an exercise is added: as many as last time (at least one), pre-filled. */
export function initialSets(previous: readonly WorkoutSet[], system: UnitSystem): ActiveSet[] {
  const sets: ActiveSet[] = [];
  const count = Math.max(1, previous.length);
  while (sets.length < count) sets.push(nextSet(sets, previous, system));
  return sets;
}

/**
 * The sets of a routine item when a workout starts from it: the routine's targets as
 * targets and as the values to log, and where the routine names no weight, the weight of
 * the previous session's matching set (else its last set), tidied for the user's unit. Reps, time and distance without a target come from the previous session too.
 */
export function setsFromRoutineItem(
  item: RoutineItem,
  previous: readonly WorkoutSet[],
  system: UnitSystem,
): ActiveSet[] {
  const sets: ActiveSet[] = [];
  for (let i = 0; i < item.target_sets; i++) {
    const prev = previous[i] ?? previous[previous.length - 1];
    const targetWeight = item.target_weight_kg ?? null;
    sets.push({
      ...emptySet(),
      reps: item.target_reps ?? prev?.reps ?? null,
      weight_kg: targetWeight ?? tidyWeight(prev?.weight_kg, system),
      duration_s: prev?.duration_s ?? null,
      distance_m: prev?.distance_m ?? null,
      target_reps: item.target_reps ?? null,
      target_weight_kg: targetWeight,
    });
  }
  return sets;
}
