import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, json, problem } from '@/testing/fake-api';
import type { Workout } from './model';
import { resetPendingWorkoutsForTests, sameWorkoutContent, sendPendingWorkout } from './pending-workouts';

const body = {
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  title: 'Push day',
  started_at: '2025-05-01T10:00:00.000Z',
  ended_at: '2025-05-01T11:00:00.000Z',
  time_zone: 'UTC',
  routine_id: null,
  blocks: [
    {
      exercise_id: 'barbell-bench-press',
      superset_group: null,
      rest_s: null,
      sets: [{ set_type: 'normal' as const, reps: 8, weight_kg: 60, duration_s: null, distance_m: null, done: true, target_reps: null, target_weight_kg: null }],
    },
  ],
};
const entry = { id: body.id, key: 'key-1', body };

/** The server's answer for what it stored: its own time format, its own extra fields. */
function stored(changes: Partial<Workout> = {}): Workout {
  return {
    ...body,
    started_at: '2025-05-01T10:00:00Z',
    ended_at: '2025-05-01T10:58:00Z',
    kind: 'strength',
    rev: 3,
    blocks: [{ ...body.blocks[0]!, sets: [{ ...body.blocks[0]!.sets[0]!, rpe: null, note: null }] }],
    ...changes,
  } as unknown as Workout;
}

afterEach(() => resetPendingWorkoutsForTests());

describe('sameWorkoutContent', () => {
  it('ignores the end time and the notation of times, not the sets', () => {
    expect(sameWorkoutContent(body, stored())).toBe(true);
    expect(sameWorkoutContent(body, stored({ title: 'Pull day' }))).toBe(false);
    const heavier = stored();
    heavier.blocks![0]!.sets![0]!.weight_kg = 62.5;
    expect(sameWorkoutContent(body, heavier)).toBe(false);
    expect(sameWorkoutContent(body, stored({ blocks: [] }))).toBe(false);
  });
});

describe('sendPendingWorkout', () => {
  it('gives up waiting after the timeout and reports no connection', async () => {
    fakeApi({ 'POST /api/v1/workouts': () => new Promise<Response>(() => undefined) });
    const started = Date.now();
    await expect(sendPendingWorkout(entry, { timeoutMs: 100 })).resolves.toEqual({ kind: 'offline' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('sends the frozen key and body, and a replay answered 200 is saved', async () => {
    const api = fakeApi({ 'POST /api/v1/workouts': () => json(stored(), 200) });
    const outcome = await sendPendingWorkout(entry);
    expect(outcome.kind).toBe('saved');
    expect(api.requests[0]?.headers.get('Idempotency-Key')).toBe('key-1');
    expect(api.requests[0]?.body).toEqual(body);
  });

  it('keeps waiting on 503 and 401, refuses on 422, and asks for the id after a 409', async () => {
    fakeApi({ 'POST /api/v1/workouts': () => problem(503) });
    expect((await sendPendingWorkout(entry)).kind).toBe('unavailable');
    fakeApi({ 'POST /api/v1/workouts': () => problem(401) });
    expect((await sendPendingWorkout(entry)).kind).toBe('unavailable');
    fakeApi({ 'POST /api/v1/workouts': () => problem(422, { errors: [{ field: 'title', message: 'is too long' }] }) });
    expect((await sendPendingWorkout(entry)).kind).toBe('refused');

    const api = fakeApi({
      'POST /api/v1/workouts': () => problem(409, { detail: 'This Idempotency-Key was used with a different request.' }),
      [`GET /api/v1/workouts/${body.id}`]: () => problem(404),
    });
    // Deleted since (on another device): nothing to resend into, the user decides.
    expect((await sendPendingWorkout(entry)).kind).toBe('refused');
    expect(api.to(`GET /api/v1/workouts/${body.id}`)).toHaveLength(1);
  });
});
