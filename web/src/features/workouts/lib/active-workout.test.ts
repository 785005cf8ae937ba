import { describe, expect, it } from 'vitest';
import { liveTotals, locateFieldError, newBlock, newWorkout, toWorkoutInput, workoutReducer, type WorkoutAction } from './active-workout';
import type { ActiveWorkout } from './model';
import { bench, block, pullUp, row, set } from './test-helpers';

const NOW = Date.parse('2025-05-01T10:00:00Z');

function apply(workout: ActiveWorkout, ...actions: WorkoutAction[]): ActiveWorkout {
  return actions.reduce(workoutReducer, workout);
}

describe('workoutReducer', () => {
  it('ticks a set, filling empty values from the plan, and starts the rest timer', () => {
    const b = block(bench, [set({ target_reps: 5, target_weight_kg: 100 })], { rest_s: 120 });
    const w = apply(newWorkout({ title: 'Push', now: NOW, blocks: [b] }), {
      type: 'toggleDone',
      blockKey: b.key,
      setKey: b.sets[0]!.key,
      now: NOW + 60_000,
    });
    expect(w.blocks[0]!.sets[0]).toMatchObject({ done: true, reps: 5, weight_kg: 100 });
    expect(w.rest).toEqual({ status: 'running', endsAt: NOW + 60_000 + 120_000, totalS: 120, blockKey: b.key });
  });

  it('keeps what the user typed over the plan, and unticking leaves the timer alone', () => {
    const b = block(bench, [set({ reps: 3, weight_kg: 102.5, target_reps: 5, target_weight_kg: 100 })]);
    const setKey = b.sets[0]!.key;
    let w = apply(newWorkout({ title: '', now: NOW, blocks: [b] }), { type: 'toggleDone', blockKey: b.key, setKey, now: NOW });
    expect(w.blocks[0]!.sets[0]).toMatchObject({ done: true, reps: 3, weight_kg: 102.5 });
    const rest = w.rest;
    w = apply(w, { type: 'toggleDone', blockKey: b.key, setKey, now: NOW + 1000 });
    expect(w.blocks[0]!.sets[0]!.done).toBe(false);
    expect(w.rest).toBe(rest);
  });

  it('rests only after the last exercise of a superset round', () => {
    const a = block(bench, [set({ reps: 5, weight_kg: 80 })], { superset_group: 1 });
    const b = block(pullUp, [set({ reps: 8 })], { superset_group: 1, rest_s: 75 });
    let w = newWorkout({ title: '', now: NOW, blocks: [a, b] });
    w = apply(w, { type: 'toggleDone', blockKey: a.key, setKey: a.sets[0]!.key, now: NOW });
    expect(w.rest.status).toBe('idle');
    w = apply(w, { type: 'toggleDone', blockKey: b.key, setKey: b.sets[0]!.key, now: NOW + 30_000 });
    expect(w.rest).toEqual({ status: 'running', endsAt: NOW + 30_000 + 75_000, totalS: 75, blockKey: b.key });
  });

  it('adds, edits, removes sets and moves blocks', () => {
    const first = newBlock(bench, [{ weight_kg: 60, reps: 8 }], 'metric');
    const second = newBlock(pullUp, [], 'metric');
    let w = apply(newWorkout({ title: 'A', now: NOW }), { type: 'addBlock', block: first }, { type: 'addBlock', block: second });
    w = apply(w, { type: 'addSet', blockKey: first.key, system: 'metric' });
    expect(w.blocks[0]!.sets.map((s) => [s.weight_kg, s.reps])).toEqual([
      [60, 8],
      [60, 8],
    ]);
    const key = w.blocks[0]!.sets[1]!.key;
    w = apply(w, { type: 'updateSet', blockKey: first.key, setKey: key, patch: { weight_kg: 65, set_type: 'failure' } });
    expect(w.blocks[0]!.sets[1]).toMatchObject({ weight_kg: 65, set_type: 'failure' });
    w = apply(w, { type: 'removeSet', blockKey: first.key, setKey: key }, { type: 'moveBlock', blockKey: second.key, by: -1 });
    expect(w.blocks.map((b) => b.exercise.id)).toEqual(['pull-up', 'barbell-bench-press']);
    expect(w.blocks[1]!.sets).toHaveLength(1);
    expect(apply(w, { type: 'moveBlock', blockKey: second.key, by: -1 })).toBe(w);
  });

  it('runs the rest timer: +15 s, skip', () => {
    const b = block(bench, [set({ reps: 5 })]);
    let w = apply(newWorkout({ title: '', now: NOW, blocks: [b] }), { type: 'toggleDone', blockKey: b.key, setKey: b.sets[0]!.key, now: NOW });
    w = apply(w, { type: 'restAdd', now: NOW + 1000 });
    expect(w.rest).toMatchObject({ status: 'running', endsAt: NOW + 105_000 });
    w = apply(w, { type: 'restTick', now: NOW + 105_000 });
    expect(w.rest.status).toBe('finished');
    expect(apply(w, { type: 'restSkip' }).rest.status).toBe('idle');
  });
});

describe('toWorkoutInput and liveTotals', () => {
  it('sends SI values, the client id, and drops empty rows and empty blocks', () => {
    const a = block(bench, [set({ reps: 5, weight_kg: 100, done: true }), set({ reps: 5, weight_kg: 100 }), set()], {
      superset_group: 1,
      rest_s: 90,
    });
    const b = block(pullUp, [set()]);
    const w = { ...newWorkout({ title: ' Push day ', now: NOW, routineId: 'r1' }), blocks: [a, b] };
    const input = toWorkoutInput(w, { endedAt: NOW + 3_600_000, timeZone: 'Europe/Berlin' });
    expect(input).toEqual({
      id: w.id,
      title: 'Push day',
      started_at: '2025-05-01T10:00:00.000Z',
      ended_at: '2025-05-01T11:00:00.000Z',
      time_zone: 'Europe/Berlin',
      routine_id: 'r1',
      blocks: [
        {
          exercise_id: 'barbell-bench-press',
          superset_group: 1,
          rest_s: 90,
          sets: [
            { set_type: 'normal', reps: 5, weight_kg: 100, duration_s: null, distance_m: null, done: true, target_reps: null, target_weight_kg: null },
            { set_type: 'normal', reps: 5, weight_kg: 100, duration_s: null, distance_m: null, done: false, target_reps: null, target_weight_kg: null },
          ],
        },
      ],
    });
    expect(w.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sends RPE, RIR and the notes on an exercise when they were given', () => {
    const a = block(bench, [set({ reps: 5, weight_kg: 100, done: true }), set({ reps: 5, weight_kg: 100, done: true })]);
    let w: ActiveWorkout = { ...newWorkout({ title: '', now: NOW }), blocks: [a] };
    w = apply(
      w,
      { type: 'updateSet', blockKey: a.key, setKey: a.sets[0]!.key, patch: { rpe: 8.5 } },
      { type: 'updateSet', blockKey: a.key, setKey: a.sets[1]!.key, patch: { rir: 1 } },
      { type: 'setNotes', blockKey: a.key, notes: '  Paused reps ' },
    );
    const sent = toWorkoutInput(w, { endedAt: NOW + 60_000, timeZone: 'UTC' }).blocks?.[0];
    expect(sent?.notes).toBe('Paused reps');
    expect(sent?.sets.map((s) => [s.rpe, s.rir])).toEqual([
      [8.5, undefined],
      [undefined, 1],
    ]);
    // Blank notes are not sent.
    const blank = apply(w, { type: 'setNotes', blockKey: a.key, notes: '   ' });
    expect(toWorkoutInput(blank, { endedAt: NOW + 60_000, timeZone: 'UTC' }).blocks?.[0]).not.toHaveProperty('notes');
  });

  it('maps a field error of the body sent back to the exercise and set on screen', () => {
    const a = block(bench, [set()]);
    const b = block(pullUp, [set(), set({ reps: 8, done: true }), set({ reps: -1, done: true })]);
    const w = { ...newWorkout({ title: '', now: NOW }), blocks: [a, b] };
    // Bench has nothing to send, and pull-up set 1 is empty: blocks[0].sets[1] is pull-up set 3.
    expect(locateFieldError(w, 'blocks[0].sets[1].reps')).toEqual({ exercise: 'Pull-Up', setNumber: 3, name: 'reps' });
    expect(locateFieldError(w, 'blocks[0].exercise_id')).toEqual({ exercise: 'Pull-Up', setNumber: null, name: 'exercise_id' });
    expect(locateFieldError(w, 'title')).toEqual({ exercise: null, setNumber: null, name: 'title' });
  });

  it('counts only done sets: sets, reps, weight x reps', () => {
    const a = block(bench, [set({ reps: 5, weight_kg: 100, done: true }), set({ reps: 5, weight_kg: 100 })]);
    const b = block(pullUp, [set({ reps: 10, done: true })]);
    expect(liveTotals({ ...newWorkout({ title: '', now: NOW }), blocks: [a, b] })).toEqual({ sets: 2, reps: 15, volumeKg: 500 });
  });
});

describe('changing rests and supersets', () => {
  it('sets the rest of a block, or of its whole superset', () => {
    const a = block(bench, [set()], { superset_group: 1 });
    const b = block(pullUp, [set()], { superset_group: 1 });
    const c = block(bench, [set()]);
    const w0 = newWorkout({ title: '', now: NOW, blocks: [a, b, c] });
    const w1 = apply(w0, { type: 'setRest', blockKey: a.key, restS: 45, now: NOW });
    expect(w1.blocks.map((x) => x.rest_s)).toEqual([45, 45, null]);
    const w2 = apply(w1, { type: 'setRest', blockKey: c.key, restS: 0, now: NOW });
    expect(w2.blocks.map((x) => x.rest_s)).toEqual([45, 45, 0]);
  });

  it('leaves no superset of one when an exercise of a pair is removed', () => {
    const a = block(bench, [set()], { superset_group: 1 });
    const b = block(pullUp, [set()], { superset_group: 1 });
    const c = block(bench, [set()], { superset_group: 2 });
    const d = block(pullUp, [set()], { superset_group: 2 });
    const w = apply(newWorkout({ title: '', now: NOW, blocks: [a, b, c, d] }), { type: 'removeBlock', blockKey: b.key });
    expect(w.blocks.map((x) => x.superset_group)).toEqual([null, 2, 2]);
  });

  it('moves blocks without splitting a superset: out at its edge, over a whole group', () => {
    const a = block(bench, [set()], { superset_group: 1 });
    const b = block(pullUp, [set()], { superset_group: 1 });
    const c = block(row, [set()]);
    const w0 = newWorkout({ title: '', now: NOW, blocks: [a, b, c] });
    const over = apply(w0, { type: 'moveBlock', blockKey: c.key, by: -1 });
    expect(over.blocks.map((x) => [x.exercise.id, x.superset_group])).toEqual([
      ['barbell-row', null],
      ['barbell-bench-press', 1],
      ['pull-up', 1],
    ]);
    const out = apply(w0, { type: 'moveBlock', blockKey: b.key, by: 1 });
    expect(out.blocks.map((x) => [x.exercise.id, x.superset_group])).toEqual([
      ['barbell-bench-press', null],
      ['barbell-row', null],
      ['pull-up', null],
    ]);
  });

  it('adjusts the running rest when the rest of its exercise (or superset) changes, not another', () => {
    const a = block(bench, [set({ reps: 5 }), set()], { rest_s: 90 });
    const b = block(pullUp, [set()], { rest_s: 60 });
    let w = apply(newWorkout({ title: '', now: NOW, blocks: [a, b] }), {
      type: 'toggleDone',
      blockKey: a.key,
      setKey: a.sets[0]!.key,
      now: NOW,
    });
    expect(w.rest).toMatchObject({ status: 'running', endsAt: NOW + 90_000, blockKey: a.key });
    const other = apply(w, { type: 'setRest', blockKey: b.key, restS: 30, now: NOW + 20_000 });
    expect(other.rest).toBe(w.rest);
    w = apply(w, { type: 'setRest', blockKey: a.key, restS: 120, now: NOW + 20_000 });
    expect(w.rest).toMatchObject({ status: 'running', endsAt: NOW + 120_000, totalS: 120 });
    w = apply(w, { type: 'setRest', blockKey: a.key, restS: 15, now: NOW + 20_000 });
    expect(w.rest).toEqual({ status: 'finished', endedAt: NOW + 20_000 });
  });

  it('adjusts a superset’s rest from any exercise of the group', () => {
    const a = block(bench, [set({ reps: 5 })], { superset_group: 1 });
    const b = block(pullUp, [set({ reps: 8 })], { superset_group: 1, rest_s: 60 });
    let w = newWorkout({ title: '', now: NOW, blocks: [a, b] });
    w = apply(
      w,
      { type: 'toggleDone', blockKey: a.key, setKey: a.sets[0]!.key, now: NOW },
      { type: 'toggleDone', blockKey: b.key, setKey: b.sets[0]!.key, now: NOW },
    );
    expect(w.rest).toMatchObject({ status: 'running', totalS: 60 });
    w = apply(w, { type: 'setRest', blockKey: a.key, restS: null, now: NOW + 10_000 });
    expect(w.rest).toMatchObject({ status: 'running', endsAt: NOW + 90_000, totalS: 90 });
  });

  it('links and unlinks a block with the next', () => {
    const a = block(bench, [set()]);
    const b = block(pullUp, [set()]);
    const w0 = newWorkout({ title: '', now: NOW, blocks: [a, b] });
    const linked = apply(w0, { type: 'linkNext', blockKey: a.key, linked: true });
    expect(linked.blocks.map((x) => x.superset_group)).toEqual([1, 1]);
    const split = apply(linked, { type: 'linkNext', blockKey: a.key, linked: false });
    expect(split.blocks.map((x) => x.superset_group)).toEqual([null, null]);
  });
});
