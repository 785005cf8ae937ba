import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, problem, type FakeRequest } from '@/testing/fake-api';
import { deletingIds, queueDelete, queueEdit, resetPendingEditsForTests, resolveEdit, syncAllEdits, syncEdit, usePendingEdits } from './pending-edits';
import type { WorkoutInput } from './model';
import { renderHook } from '@testing-library/react';

const mine: WorkoutInput = {
  title: 'Bench',
  started_at: '2026-11-20T17:00:00Z',
  notes: 'phone notes',
  blocks: [{ exercise_id: 'barbell-bench-press', sets: [{ set_type: 'normal', weight_kg: 80, reps: 3, done: true }] }],
} as WorkoutInput;

/** The server's copy of workout w1, at rev 7 since the other device saved it. */
const theirs = { id: 'w1', rev: 7, title: 'Bench', notes: 'desktop notes', blocks: [] };

const edits = () => renderHook(() => usePendingEdits('u1')).result.current.items;

beforeEach(async () => {
  await resetPendingEditsForTests();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('edits made offline', () => {
  it('a stale edit (412) waits as a conflict and overwrites nothing', async () => {
    const api = fakeApi({ 'PUT /api/v1/workouts/w1': () => problem(412, { title: 'Precondition Failed' }) });
    await queueEdit('u1', 'w1', 5, mine);
    const saved = vi.fn();
    expect(await syncEdit('u1', 'w1', saved)).toEqual({ kind: 'conflict' });
    expect(api.to('PUT /api/v1/workouts/w1')[0]?.headers.get('If-Match')).toBe('"w-5"');
    expect(edits().map((e) => [e.id, e.status])).toEqual([['w1', 'conflict']]);
    expect(saved).not.toHaveBeenCalled();
  });

  it('Keep both posts mine under a new id, the same id and key on a retry', async () => {
    let attempt = 0;
    const api = fakeApi({
      'PUT /api/v1/workouts/w1': () => problem(412, { title: 'Precondition Failed' }),
      'POST /api/v1/workouts': (r: FakeRequest) => {
        attempt += 1;
        return attempt === 1 ? problem(503, { title: 'Unavailable' }) : json({ ...(r.body as object), rev: 1 }, 201);
      },
    });
    await queueEdit('u1', 'w1', 5, mine);
    await syncEdit('u1', 'w1', vi.fn());
    expect((await resolveEdit('u1', 'w1', 'keep-both', vi.fn()))?.kind).toBe('unavailable');
    expect(edits()[0]?.status).toBe('conflict');
    const saved = vi.fn();
    expect((await resolveEdit('u1', 'w1', 'keep-both', saved))?.kind).toBe('saved');
    const posts = api.to('POST /api/v1/workouts');
    expect(posts).toHaveLength(2);
    const [first, second] = posts.map((p) => ({ id: (p.body as { id: string }).id, key: p.headers.get('Idempotency-Key') }));
    expect(first?.id).not.toBe('w1');
    expect(second).toEqual(first);
    expect((posts[1]?.body as { notes: string }).notes).toBe('phone notes');
    expect(saved).toHaveBeenCalledOnce();
    expect(edits()).toEqual([]);
  });

  it('Use mine puts mine over the server’s current version (its rev read first)', async () => {
    const api = fakeApi({
      'PUT /api/v1/workouts/w1': (r: FakeRequest) =>
        r.headers.get('If-Match') === '"w-7"' ? json({ ...theirs, ...(r.body as object), rev: 8 }) : problem(412, { title: 'Precondition Failed' }),
      'GET /api/v1/workouts/w1': () => json(theirs),
    });
    await queueEdit('u1', 'w1', 5, mine);
    await syncEdit('u1', 'w1', vi.fn());
    expect((await resolveEdit('u1', 'w1', 'use-mine', vi.fn()))?.kind).toBe('saved');
    const puts = api.to('PUT /api/v1/workouts/w1');
    expect(puts.map((p) => p.headers.get('If-Match'))).toEqual(['"w-5"', '"w-7"']);
    expect((puts[1]?.body as { notes: string }).notes).toBe('phone notes');
    expect(edits()).toEqual([]);
  });

  it('Use theirs drops mine and sends nothing', async () => {
    const api = fakeApi({ 'PUT /api/v1/workouts/w1': () => problem(412, { title: 'Precondition Failed' }) });
    await queueEdit('u1', 'w1', 5, mine);
    await syncEdit('u1', 'w1', vi.fn());
    await resolveEdit('u1', 'w1', 'use-theirs', vi.fn());
    expect(api.requests).toHaveLength(1);
    expect(edits()).toEqual([]);
  });

  it('a workout deleted on the other device (404) is a conflict that offers no overwrite', async () => {
    fakeApi({ 'PUT /api/v1/workouts/w1': () => problem(404, { title: 'Not Found' }) });
    await queueEdit('u1', 'w1', 5, mine);
    await syncEdit('u1', 'w1', vi.fn());
    expect(edits().map((e) => [e.status, e.deletedElsewhere])).toEqual([['conflict', true]]);
  });
});

describe('deletes made offline', () => {
  const shown = { title: 'Bench', started_at: '2026-11-20T17:00:00Z' } as WorkoutInput;

  it('a delete replaces a waiting edit, hides the workout, and is sent once with If-Match', async () => {
    const api = fakeApi({
      'GET /api/v1/workouts/w1': () => json({ ...theirs, rev: 5 }),
      'DELETE /api/v1/workouts/w1': () => new Response(null, { status: 204 }),
    });
    await queueEdit('u1', 'w1', 5, mine);
    await queueDelete('u1', 'w1', 5, shown);
    expect(edits().map((e) => [e.id, e.kind, e.status])).toEqual([['w1', 'delete', 'waiting']]);
    expect([...deletingIds(edits())]).toEqual(['w1']);
    const deleted = vi.fn();
    await syncAllEdits('u1', vi.fn(), deleted);
    await syncAllEdits('u1', vi.fn(), deleted);
    const deletes = api.to('DELETE /api/v1/workouts/w1');
    expect(deletes.map((d) => d.headers.get('If-Match'))).toEqual(['"w-5"']);
    expect(api.to('PUT /api/v1/workouts/w1')).toEqual([]);
    expect(deleted).toHaveBeenCalledExactlyOnceWith('w1');
    expect(edits()).toEqual([]);
  });

  it('a workout already gone (404) counts as deleted', async () => {
    const api = fakeApi({ 'GET /api/v1/workouts/w1': () => problem(404, { title: 'Not Found' }) });
    await queueDelete('u1', 'w1', 5, shown);
    expect(await syncEdit('u1', 'w1', vi.fn())).toEqual({ kind: 'deleted' });
    expect(api.to('DELETE /api/v1/workouts/w1')).toEqual([]);
    expect(edits()).toEqual([]);
  });

  it('a 412 on DELETE waits as a conflict', async () => {
    fakeApi({
      'GET /api/v1/workouts/w1': () => json({ ...theirs, rev: 5 }),
      'DELETE /api/v1/workouts/w1': () => problem(412, { title: 'Precondition Failed' }),
    });
    await queueDelete('u1', 'w1', 5, shown);
    expect(await syncEdit('u1', 'w1', vi.fn())).toEqual({ kind: 'conflict' });
    expect(edits().map((e) => [e.kind, e.status])).toEqual([['delete', 'conflict']]);
    // Shown again in lists: the user has to choose, and the workout is still there.
    expect(deletingIds(edits()).size).toBe(0);
  });

  it('changed on another device: nothing is deleted until the user says "delete anyway"', async () => {
    const api = fakeApi({
      'GET /api/v1/workouts/w1': () => json(theirs),
      'DELETE /api/v1/workouts/w1': () => new Response(null, { status: 204 }),
    });
    await queueDelete('u1', 'w1', 5, shown);
    expect(await syncEdit('u1', 'w1', vi.fn())).toEqual({ kind: 'conflict' });
    expect(api.to('DELETE /api/v1/workouts/w1')).toEqual([]);
    const deleted = vi.fn();
    expect(await resolveEdit('u1', 'w1', 'use-mine', vi.fn(), deleted)).toEqual({ kind: 'deleted' });
    expect(api.to('DELETE /api/v1/workouts/w1').map((d) => d.headers.get('If-Match'))).toEqual(['"w-7"']);
    expect(deleted).toHaveBeenCalledExactlyOnceWith('w1');
    expect(edits()).toEqual([]);
  });

  it('"keep it" drops the delete and sends nothing', async () => {
    const api = fakeApi({ 'GET /api/v1/workouts/w1': () => json(theirs) });
    await queueDelete('u1', 'w1', 5, shown);
    await syncEdit('u1', 'w1', vi.fn());
    await resolveEdit('u1', 'w1', 'use-theirs', vi.fn());
    expect(api.to('DELETE /api/v1/workouts/w1')).toEqual([]);
    expect(edits()).toEqual([]);
  });
});
