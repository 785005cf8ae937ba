import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, problem, type FakeRequest } from '@/testing/fake-api';
import { renderRoutes } from '@/testing/render';
import { newBlock, newWorkout } from '../lib/active-workout';
import { activeWorkoutKey, activeWorkoutStore } from '../lib/active-workout-store';
import type { ActiveWorkout } from '../lib/model';
import { pendingWorkoutsOf, resetPendingWorkoutsForTests } from '../lib/pending-workouts';
import { catalogueExercise, testPaths } from '../testing';
import { ActiveWorkoutPage } from './active-workout-page';

const bench = { id: 'barbell-bench-press', name: 'Barbell Bench Press', log_type: 'weight_reps' as const, equipment: ['barbell'] };
const pullUp = { id: 'pull-up', name: 'Pull-Up', log_type: 'reps' as const, equipment: ['pullup_bar'] };

function stored(): ActiveWorkout {
  const workout = newWorkout({ title: 'Push day', now: Date.now() - 60_000 });
  const benchBlock = { ...newBlock(bench, [{ weight_kg: 60, reps: 8, done: true }, { weight_kg: 62.5, reps: 6, done: true }], 'metric'), superset_group: 1 };
  const pullBlock = { ...newBlock(pullUp, [], 'metric'), superset_group: 1, rest_s: 120 };
  const w = { ...workout, blocks: [benchBlock, pullBlock] };
  activeWorkoutStore('u1').set(w);
  return w;
}

function render() {
  return renderRoutes(
    [
      { path: '/log/active', element: <ActiveWorkoutPage userId="u1" paths={testPaths} /> },
      { path: '/workouts/:id', element: <p>Saved page</p> },
      { path: '/log', element: <p>Log page</p> },
    ],
    '/log/active',
  );
}

afterEach(async () => {
  localStorage.clear();
  await resetPendingWorkoutsForTests();
});

/** The workout the fake server stores for a POST body. */
function savedFrom(body: unknown) {
  return { ...(body as object), kind: 'strength', created_at: '', updated_at: '', rev: 1, totals: { sets: 1, reps: 8, volume_kg: 480, exercises: 1 } };
}

const pendingCount = () => pendingWorkoutsOf('u1').length;

describe('ActiveWorkoutPage', () => {
  it('shows each exercise with last time’s numbers pre-filled', () => {
    fakeApi({});
    stored();
    render();

    expect(screen.getByRole('textbox', { name: 'Workout name' })).toHaveValue('Push day');
    expect(screen.getByText('Last time: 60 kg × 8 reps, 62.5 kg × 6 reps')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Weight in kg, set 2 of Barbell Bench Press' })).toHaveValue('62.5');
    expect(screen.getByRole('textbox', { name: 'Reps, set 2 of Barbell Bench Press' })).toHaveAttribute('inputmode', 'numeric');
    expect(screen.getByRole('textbox', { name: 'Weight in kg, set 1 of Barbell Bench Press' })).toHaveAttribute(
      'inputmode',
      'decimal',
    );
    // A reps-only exercise has no weight input.
    expect(screen.getByRole('textbox', { name: 'Reps, set 1 of Pull-Up' })).toHaveValue('');
    expect(screen.queryByRole('textbox', { name: /Weight in kg, set 1 of Pull-Up/ })).not.toBeInTheDocument();
  });

  it('rests after the superset round, not inside it, and keeps every change in localStorage', () => {
    fakeApi({});
    const w = stored();
    render();

    fireEvent.change(screen.getByRole('textbox', { name: 'Weight in kg, set 1 of Barbell Bench Press' }), {
      target: { value: '62,5' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Set 1 of Barbell Bench Press done' }));
    expect(screen.getByRole('button', { name: 'Set 1 of Barbell Bench Press done' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();

    fireEvent.change(screen.getByRole('textbox', { name: 'Reps, set 1 of Pull-Up' }), { target: { value: '9' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set 1 of Pull-Up done' }));
    expect(screen.getByRole('timer')).toHaveTextContent('2:00');
    expect(screen.getByText('Rest for 120 seconds.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '+15 s' }));
    expect(screen.getByRole('timer')).toHaveTextContent('2:15');

    const saved = JSON.parse(localStorage.getItem(activeWorkoutKey('u1')) ?? 'null') as ActiveWorkout;
    expect(saved.id).toBe(w.id);
    expect(saved.blocks[0]?.sets[0]).toMatchObject({ weight_kg: 62.5, reps: 8, done: true });
    expect(saved.blocks[1]?.sets[0]).toMatchObject({ reps: 9, done: true });
    expect(saved.rest).toMatchObject({ status: 'running', totalS: 135 });

    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
  });

  it('records RPE, RIR and notes on an exercise, kept in the draft', () => {
    fakeApi({});
    stored();
    render();

    fireEvent.click(screen.getByRole('button', { name: 'RPE, RIR and notes for Barbell Bench Press' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'RPE, set 1 of Barbell Bench Press' }), { target: { value: '8.5' } });
    fireEvent.blur(screen.getByRole('textbox', { name: 'RPE, set 1 of Barbell Bench Press' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'RIR, set 2 of Barbell Bench Press' }), { target: { value: '2' } });
    fireEvent.blur(screen.getByRole('textbox', { name: 'RIR, set 2 of Barbell Bench Press' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Notes on Barbell Bench Press' }), { target: { value: 'Paused reps' } });

    const draft = activeWorkoutStore('u1').get();
    expect(draft?.blocks[0]?.sets.map((set) => [set.rpe ?? null, set.rir ?? null])).toEqual([
      [8.5, null],
      [null, 2],
    ]);
    expect(draft?.blocks[0]?.notes).toBe('Paused reps');
  });

  it('counts the rest down on the clock and says when it is over', () => {
    vi.useFakeTimers();
    try {
      fakeApi({});
      stored();
      render();
      fireEvent.click(screen.getByRole('button', { name: 'Set 1 of Barbell Bench Press done' }));
      fireEvent.click(screen.getByRole('button', { name: 'Set 1 of Pull-Up done' }));
      expect(screen.getByRole('timer')).toHaveTextContent('2:00');

      act(() => vi.advanceTimersByTime(45_000));
      expect(screen.getByRole('timer')).toHaveTextContent('1:15');

      act(() => vi.advanceTimersByTime(75_000));
      expect(screen.queryByRole('timer')).not.toBeInTheDocument();
      expect(screen.getAllByText('Rest over: next set!').length).toBeGreaterThan(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('freezes the finished body and its key: a retry after a lost answer sends the same bytes, then forgets the workout', async () => {
    let attempts = 0;
    const realNow = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(realNow);
    const api = fakeApi({
      'POST /api/v1/workouts': (request: FakeRequest) => {
        attempts += 1;
        // The answer to the first attempt is lost; the user retries a minute later.
        if (attempts === 1) {
          clock.mockReturnValue(realNow + 60_000);
          throw new TypeError('Failed to fetch');
        }
        return json(savedFrom(request.body), 201);
      },
    });
    const w = stored();
    const { router } = render();

    fireEvent.click(screen.getByRole('button', { name: 'Set 1 of Barbell Bench Press done' }));
    fireEvent.click(screen.getByRole('button', { name: 'Finish workout' }));
    // Bench set 2 is not ticked (the empty pull-up set is no set at all): the app asks first.
    const dialog = screen.getByRole('dialog', { name: 'Finish with unticked sets?' });
    expect(dialog).toHaveTextContent('1 set is not ticked.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Finish' }));

    // The connection failed: the workout is kept (in the outbox), and Discard stays usable.
    expect(await screen.findByText(/^No connection\. The workout is kept on this device/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Discard workout' })).toBeEnabled();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/workouts/${w.id}`));
    expect(router.state.location.state).toEqual({ finished: true });
    const posts = api.to('POST /api/v1/workouts');
    expect(posts).toHaveLength(2);
    const [first, second] = posts;
    const key = first?.headers.get('Idempotency-Key');
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(second?.headers.get('Idempotency-Key')).toBe(key);
    // Byte for byte the same request, the end time too (it was a new one on every Finish).
    expect(second?.body).toEqual(first?.body);
    expect(first?.body).toMatchObject({ id: w.id, title: 'Push day', started_at: w.started_at, ended_at: new Date(realNow).toISOString() });
    const body = second?.body as { blocks: Array<{ exercise_id: string; superset_group: number; sets: unknown[] }> };
    expect(body.blocks.map((b) => [b.exercise_id, b.superset_group, b.sets.length])).toEqual([
      ['barbell-bench-press', 1, 2],
    ]);
    expect(localStorage.getItem(activeWorkoutKey('u1'))).toBeNull();
    await waitFor(() => expect(pendingCount()).toBe(0));
  });

  it('says "no connection" at once when the browser is offline, sends nothing, and Discard still works', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const api = fakeApi({});
    stored();
    const { router } = render();

    fireEvent.click(screen.getByRole('button', { name: 'Set 1 of Barbell Bench Press done' }));
    fireEvent.click(screen.getByRole('button', { name: 'Set 2 of Barbell Bench Press done' }));
    fireEvent.click(screen.getByRole('button', { name: 'Finish workout' }));

    expect(await screen.findByText(/^No connection\./)).toBeInTheDocument();
    expect(api.to('POST /api/v1/workouts')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Discard workout' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Discard this workout?' })).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/log'));
    await waitFor(() => expect(pendingCount()).toBe(0));
  });

  it('takes a 409 for a workout the server already holds (same content, another end time) as saved', async () => {
    const api = fakeApi({});
    const w = stored();
    let serverCopy: unknown;
    api.spy.mockImplementation(async (input, init) => {
      const url = new URL(String(input), 'http://localhost');
      if (init?.method === 'POST') {
        const sent = JSON.parse(String(init.body)) as Record<string, unknown>;
        // What an earlier Finish stored: the same sets, ended a few minutes before.
        serverCopy = savedFrom({ ...sent, ended_at: '2020-01-01T00:00:00Z' });
        return problem(409, { title: 'Conflict', detail: 'This Idempotency-Key was used with a different request.' });
      }
      if (url.pathname !== `/api/v1/workouts/${w.id}`) throw new TypeError(`not faked: ${url.pathname}`);
      return json(serverCopy);
    });
    const { router } = render();
    fireEvent.click(screen.getByRole('button', { name: 'Set 1 of Barbell Bench Press done' }));
    fireEvent.click(screen.getByRole('button', { name: 'Set 2 of Barbell Bench Press done' }));
    fireEvent.click(screen.getByRole('button', { name: 'Finish workout' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/workouts/${w.id}`));
  });

  it('shows a 409 for a different saved version as a conflict, not as saved', async () => {
    const w = stored();
    const api = fakeApi({});
    api.spy.mockImplementation(async (input, init) => {
      if (init?.method === 'POST') return problem(409, { title: 'Conflict', detail: 'This Idempotency-Key was used with a different request.' });
      if (new URL(String(input), 'http://localhost').pathname !== `/api/v1/workouts/${w.id}`) throw new TypeError('not faked');
      // The server's copy has no sets: another device changed it.
      const sent = { id: w.id, title: 'Push day', started_at: w.started_at, blocks: [] };
      return json(savedFrom(sent));
    });
    render();
    fireEvent.click(screen.getByRole('button', { name: 'Set 1 of Barbell Bench Press done' }));
    fireEvent.click(screen.getByRole('button', { name: 'Set 2 of Barbell Bench Press done' }));
    fireEvent.click(screen.getByRole('button', { name: 'Finish workout' }));
    expect(await screen.findByText(/^A different version of this workout is already saved/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the saved workout' })).toHaveAttribute('href', `/workouts/${w.id}`);
  });

  it('reopens a refused workout with the server’s field errors where they are', async () => {
    fakeApi({
      'POST /api/v1/workouts': () =>
        problem(422, { title: 'Unprocessable', detail: 'The request has invalid fields.', errors: [{ field: 'blocks[0].sets[1].reps', message: 'must be at most 10000' }] }),
    });
    stored();
    render();
    fireEvent.click(screen.getByRole('button', { name: 'Set 1 of Barbell Bench Press done' }));
    fireEvent.click(screen.getByRole('button', { name: 'Set 2 of Barbell Bench Press done' }));
    fireEvent.click(screen.getByRole('button', { name: 'Finish workout' }));
    expect(await screen.findByText(/^The server did not accept this workout: The request has invalid fields\./)).toBeInTheDocument();
    expect(screen.getByText('Barbell Bench Press, set 2: Reps must be at most 10000')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Edit the workout' }));
    expect(await screen.findByRole('textbox', { name: 'Workout name' })).toHaveValue('Push day');
    expect(screen.getByText('Barbell Bench Press, set 2: Reps must be at most 10000')).toBeInTheDocument();
    await waitFor(() => expect(pendingCount()).toBe(0));
  });

  it('adds an exercise from the search, pre-filled from its last sets', async () => {
    fakeApi({
      'GET /api/v1/exercises': (request: FakeRequest) =>
        json({
          items: request.query.get('q') === 'squat' ? [catalogueExercise('barbell-back-squat', 'Barbell Back Squat', { primary_muscles: ['quads'] })] : [],
          next_cursor: null,
        }),
      'GET /api/v1/exercises/barbell-back-squat/last-sets': () =>
        json({ workout_id: 'w0', started_at: '2025-04-28T10:00:00Z', items: [{ weight_kg: 100, reps: 5, done: true }, { weight_kg: 100, reps: 5, done: false }] }),
    });
    activeWorkoutStore('u1').set(newWorkout({ title: 'Legs', now: Date.now() }));
    render();

    expect(screen.getByText('No exercises yet. Add the first one you do.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Add exercise' }));
    const sheet = screen.getByRole('dialog', { name: 'Add exercise' });
    fireEvent.change(within(sheet).getByRole('searchbox', { name: 'Search exercises' }), { target: { value: 'squat' } });
    fireEvent.click(await within(sheet).findByRole('button', { name: /Barbell Back Squat/ }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Barbell Back Squat' })).toBeInTheDocument();
    // Only the set that was done last time comes back.
    expect(screen.getByRole('textbox', { name: 'Weight in kg, set 1 of Barbell Back Squat' })).toHaveValue('100');
    expect(screen.queryByRole('textbox', { name: 'Weight in kg, set 2 of Barbell Back Squat' })).not.toBeInTheDocument();
  });

  it('shows a routine’s % 1RM load as the plan of its exercise', () => {
    fakeApi({});
    const workout = newWorkout({ title: 'Heavy', now: Date.now() - 60_000 });
    const block = { ...newBlock(bench, [{ weight_kg: 100, reps: 5, done: true }], 'metric'), target_percent_1rm: 72.5 };
    activeWorkoutStore('u1').set({ ...workout, blocks: [block, newBlock(pullUp, [], 'metric')] });
    render();
    expect(screen.getByText('Plan: 72.5 % 1RM')).toBeInTheDocument();
    expect(screen.getAllByText(/% 1RM/)).toHaveLength(1);
  });

  it('says so when no workout is in progress', () => {
    fakeApi({});
    render();
    expect(screen.getByRole('heading', { level: 1, name: 'No workout in progress' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to Log' })).toHaveAttribute('href', '/log');
  });
});
