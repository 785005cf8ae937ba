import { initialSets, nextSet } from './prefill';
import type { ActiveBlock, ActiveSet, ActiveWorkout, ExerciseRef, WorkoutInput, WorkoutSet } from './model';
import { newId } from './model';
import { DEFAULT_REST_S, idleRest, REST_STEP_S, restReducer } from './rest-timer';
import { dropLoneGroups, groupOf, joinWithNext, moveKeepingSupersets, restAfterTick, splitAfter } from './superset';
import type { UnitSystem } from '@/lib/units';

/** A new, empty workout that starts now. */
export function newWorkout({
  title,
  now,
  routineId = null,
  blocks = [],
}: {
  title: string;
  now: number;
  routineId?: string | null;
  blocks?: ActiveBlock[];
}): ActiveWorkout {
  return {
    version: 1,
    id: newId(),
    title,
    started_at: new Date(now).toISOString(),
    routine_id: routineId,
    blocks,
    rest: idleRest,
  };
}

/** A block for an exercise added during the workout, pre-filled from the previous session. */
export function newBlock(exercise: ExerciseRef, previous: WorkoutSet[], system: UnitSystem, step?: number): ActiveBlock {
  return { key: newId(), exercise, superset_group: null, rest_s: null, previous, sets: initialSets(previous, system, step) };
}

export type SetPatch = Partial<Pick<ActiveSet, 'set_type' | 'weight_kg' | 'reps' | 'duration_s' | 'distance_m' | 'rpe' | 'rir' | 'notes' | 'confirmed'>>;

export type WorkoutAction =
  | { type: 'rename'; title: string }
  | { type: 'addBlock'; block: ActiveBlock }
  | { type: 'removeBlock'; blockKey: string }
  | { type: 'moveBlock'; blockKey: string; by: -1 | 1 }
  /** The rest after each set (each round in a superset: the whole group gets it); null: the default. */
  /** A rest counting for that block (or its superset) takes the new length at once. */
  | { type: 'setRest'; blockKey: string; restS: number | null; now: number }
  /** Joins the block with the next one into a superset, or splits them apart. */
  | { type: 'linkNext'; blockKey: string; linked: boolean }
  | { type: 'addSet'; blockKey: string; system: UnitSystem; step?: number }
  | { type: 'removeSet'; blockKey: string; setKey: string }
  | { type: 'setNotes'; blockKey: string; notes: string }
  | { type: 'updateSet'; blockKey: string; setKey: string; patch: SetPatch }
  | { type: 'toggleDone'; blockKey: string; setKey: string; now: number }
  | { type: 'restAdd'; now: number }
  | { type: 'restSkip' }
  | { type: 'restTick'; now: number };

function mapBlock(workout: ActiveWorkout, key: string, change: (block: ActiveBlock) => ActiveBlock): ActiveWorkout {
  return { ...workout, blocks: workout.blocks.map((b) => (b.key === key ? change(b) : b)) };
}

/**
 * A ticked set with an empty value takes the planned one (the target, or what the
 * previous session did at that position), so "tick" logs what was shown as the plan.
 */
function completeFromPlan(set: ActiveSet, planned: WorkoutSet | undefined): ActiveSet {
  return {
    ...set,
    reps: set.reps ?? set.target_reps ?? planned?.reps ?? null,
    weight_kg: set.weight_kg ?? set.target_weight_kg ?? planned?.weight_kg ?? null,
    duration_s: set.duration_s ?? planned?.duration_s ?? null,
    distance_m: set.distance_m ?? planned?.distance_m ?? null,
  };
}

/** Everything that can happen to a workout in progress, as a pure function. */
export function workoutReducer(workout: ActiveWorkout, action: WorkoutAction): ActiveWorkout {
  switch (action.type) {
    case 'rename':
      return { ...workout, title: action.title };
    case 'addBlock':
      return { ...workout, blocks: [...workout.blocks, action.block] };
    case 'removeBlock':
      return { ...workout, blocks: dropLoneGroups(workout.blocks.filter((b) => b.key !== action.blockKey)) };
    case 'moveBlock': {
      const from = workout.blocks.findIndex((b) => b.key === action.blockKey);
      const to = from + action.by;
      if (from < 0 || to < 0 || to >= workout.blocks.length) return workout;
      // Supersets stay together: see moveKeepingSupersets for what a move at a group's edge does.
      return { ...workout, blocks: moveKeepingSupersets(workout.blocks, from, action.by) };
    }
    case 'setRest': {
      const index = workout.blocks.findIndex((b) => b.key === action.blockKey);
      if (index < 0) return workout;
      const keys = new Set(groupOf(workout.blocks, index).map((b) => b.key));
      const blocks = workout.blocks.map((b) => (keys.has(b.key) ? { ...b, rest_s: action.restS } : b));
      const counting = workout.rest.status === 'running' && workout.rest.blockKey !== undefined && keys.has(workout.rest.blockKey);
      if (!counting) return { ...workout, blocks };
      const seconds = action.restS ?? DEFAULT_REST_S;
      return { ...workout, blocks, rest: restReducer(workout.rest, { type: 'resize', seconds, now: action.now }) };
    }
    case 'linkNext': {
      const index = workout.blocks.findIndex((b) => b.key === action.blockKey);
      if (index < 0) return workout;
      return { ...workout, blocks: action.linked ? joinWithNext(workout.blocks, index) : splitAfter(workout.blocks, index) };
    }
    case 'addSet':
      return mapBlock(workout, action.blockKey, (b) => ({
        ...b,
        sets: [...b.sets, nextSet(b.sets, b.previous, action.system, action.step)],
      }));
    case 'setNotes':
      return mapBlock(workout, action.blockKey, (b) => ({ ...b, notes: action.notes }));
    case 'removeSet':
      return mapBlock(workout, action.blockKey, (b) => ({ ...b, sets: b.sets.filter((s) => s.key !== action.setKey) }));
    case 'updateSet':
      return mapBlock(workout, action.blockKey, (b) => ({
        ...b,
        sets: b.sets.map((s) => (s.key === action.setKey ? { ...s, ...action.patch } : s)),
      }));
    case 'toggleDone': {
      const blockIndex = workout.blocks.findIndex((b) => b.key === action.blockKey);
      const block = workout.blocks[blockIndex];
      const setIndex = block ? block.sets.findIndex((s) => s.key === action.setKey) : -1;
      const set = block?.sets[setIndex];
      if (!block || !set) return workout;
      const toggled = set.done ? { ...set, done: false } : { ...completeFromPlan(set, block.previous[setIndex]), done: true };
      const next = mapBlock(workout, block.key, (b) => ({
        ...b,
        sets: b.sets.map((s) => (s.key === set.key ? toggled : s)),
      }));
      if (!toggled.done) return next;
      const rest = restAfterTick(next.blocks, blockIndex, setIndex);
      return rest === null ? next : { ...next, rest: restReducer(next.rest, { type: 'start', seconds: rest, now: action.now, blockKey: block.key }) };
    }
    case 'restAdd':
      return { ...workout, rest: restReducer(workout.rest, { type: 'add', seconds: REST_STEP_S, now: action.now }) };
    case 'restSkip':
      return { ...workout, rest: restReducer(workout.rest, { type: 'skip' }) };
    case 'restTick': {
      const rest = restReducer(workout.rest, { type: 'tick', now: action.now });
      return rest === workout.rest ? workout : { ...workout, rest };
    }
  }
}

/** What a set says that is worth sending: done, or with a value or a target. */
function hasContent(set: ActiveSet): boolean {
  return (
    set.done ||
    [set.reps, set.weight_kg, set.duration_s, set.distance_m, set.target_reps, set.target_weight_kg].some(
      (v) => v !== null,
    )
  );
}

/** Done sets counted as the server counts them: sets, reps, and weight x reps. */
export function liveTotals(workout: ActiveWorkout): { sets: number; reps: number; volumeKg: number } {
  let sets = 0;
  let reps = 0;
  let volumeKg = 0;
  for (const block of workout.blocks) {
    for (const set of block.sets) {
      if (!set.done) continue;
      sets += 1;
      reps += set.reps ?? 0;
      volumeKg += (set.reps ?? 0) * (set.weight_kg ?? 0);
    }
  }
  return { sets, reps, volumeKg };
}

/** The blocks and sets that are sent, with where each came from (for the server's field errors). */
function sentBlocks(workout: ActiveWorkout): Array<{ block: ActiveBlock; sets: Array<{ set: ActiveSet; number: number }> }> {
  return workout.blocks
    .map((block) => ({
      block,
      sets: block.sets.map((set, i) => ({ set, number: i + 1 })).filter(({ set }) => hasContent(set)),
    }))
    .filter(({ sets }) => sets.length > 0);
}

/**
 * The POST /workouts body: SI values, the client's id, and only the sets worth keeping
 * (empty, unticked rows are dropped, and blocks left without sets).
 */
export function toWorkoutInput(
  workout: ActiveWorkout,
  { endedAt, timeZone }: { endedAt: number; timeZone: string },
): WorkoutInput & { id: string } {
  // RPE, RIR and notes are sent only when given, so a workout without them is sent as before.
  const blocks = sentBlocks(workout).map(({ block, sets }) => ({
    exercise_id: block.exercise.id,
    superset_group: block.superset_group,
    rest_s: block.rest_s,
    ...(block.notes?.trim() ? { notes: block.notes.trim() } : {}),
    sets: sets.map(({ set }) => ({
      set_type: set.set_type,
      reps: set.reps,
      weight_kg: set.weight_kg,
      duration_s: set.duration_s,
      distance_m: set.distance_m,
      done: set.done,
      target_reps: set.target_reps,
      target_weight_kg: set.target_weight_kg,
      ...(set.rpe != null ? { rpe: set.rpe } : {}),
      ...(set.rir != null ? { rir: set.rir } : {}),
      ...(set.notes?.trim() ? { notes: set.notes.trim() } : {}),
    })),
  }));
  return {
    id: workout.id,
    title: workout.title.trim(),
    started_at: workout.started_at,
    ended_at: new Date(Math.max(endedAt, Date.parse(workout.started_at))).toISOString(),
    time_zone: timeZone,
    routine_id: workout.routine_id,
    blocks,
  };
}

/**
 * Where a field error of the server's 422 points in the workout on screen: `blocks[1].sets[0].reps`
 * of the body sent is the first set shown of the second exercise sent, which need not be the
 * second on screen (empty rows are not sent).
 */
export function locateFieldError(
  workout: ActiveWorkout,
  field: string,
): { exercise: string | null; setNumber: number | null; name: string } {
  const match = /^blocks\[(\d+)\](?:\.sets\[(\d+)\])?(?:\.(\w+))?$/.exec(field);
  if (!match) return { exercise: null, setNumber: null, name: field };
  const sent = sentBlocks(workout)[Number(match[1])];
  const set = match[2] === undefined ? undefined : sent?.sets[Number(match[2])];
  return { exercise: sent?.block.exercise.name ?? null, setNumber: set?.number ?? null, name: match[3] ?? '' };
}

/** Counts for the finish confirmation: how many sets are not ticked. */
export function unfinishedSets(workout: ActiveWorkout): number {
  return workout.blocks.reduce((n, b) => n + b.sets.filter((s) => !s.done && hasContent(s)).length, 0);
}
