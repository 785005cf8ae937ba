import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unitSystemStore } from '@/lib/units';
import { fakeApi, json, noContent, problem, testUser } from '@/testing/fake-api';
import { renderRoutes, renderWithApp } from '@/testing/render';
import { catalogueExercise, testPaths } from '../testing';
import { WorkoutDetailPage } from './workout-detail-page';
import { resetPendingEditsForTests, usePendingEdits } from '../lib/pending-edits';
import { renderHook } from '@testing-library/react';

const workout = {
  id: 'w1',
  kind: 'strength',
  title: 'Push day',
  started_at: '2025-05-01T16:00:00Z',
  ended_at: '2025-05-01T17:05:00Z',
  time_zone: 'Europe/Berlin',
  created_at: '2025-05-01T17:05:01Z',
  updated_at: '2025-05-01T17:05:01Z',
  rev: 1,
  blocks: [
    {
      exercise_id: 'barbell-bench-press',
      superset_group: 1,
      rest_s: 90,
      sets: [
        { set_type: 'warmup', reps: 10, weight_kg: 40, done: true },
        { set_type: 'normal', reps: 5, weight_kg: 100, done: true },
        { set_type: 'normal', reps: 5, weight_kg: 100, done: false },
      ],
    },
  ],
  totals: { sets: 12, reps: 1234, volume_kg: 4567.5, exercises: 5, duration_s: 3900 },
};

function api() {
  return fakeApi({
    'GET /api/v1/workouts/w1': () => json(workout),
    'GET /api/v1/exercises/barbell-bench-press': () => json(catalogueExercise('barbell-bench-press', 'Barbell Bench Press')),
    'DELETE /api/v1/workouts/w1': noContent,
  });
}

afterEach(() => {
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('WorkoutDetailPage', () => {
  it('shows the totals the server computed, and each set', async () => {
    api();
    renderWithApp(<WorkoutDetailPage id="w1" paths={testPaths} />, '/workouts/w1');

    expect(await screen.findByRole('heading', { level: 1, name: 'Push day' })).toBeInTheDocument();
    expect(screen.getByTestId('total-sets')).toHaveTextContent('12');
    expect(screen.getByTestId('total-reps')).toHaveTextContent('1,234');
    expect(screen.getByTestId('total-volume')).toHaveTextContent('4,567.5 kg');
    expect(screen.getByText('1:05:00')).toBeInTheDocument();

    const table = await screen.findByRole('table', { name: 'Sets of Barbell Bench Press' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      '140 kg × 10 repsWarm-upDone',
      '2100 kg × 5 repsNormalDone',
      '3100 kg × 5 repsNormalPlanned',
    ]);
    expect(screen.getByText('Superset 1')).toBeInTheDocument();
  });

  it('shows weights in pounds for a user who chose imperial units', async () => {
    unitSystemStore.set('imperial');
    api();
    renderWithApp(<WorkoutDetailPage id="w1" paths={testPaths} />, '/workouts/w1');

    expect(await screen.findByTestId('total-volume')).toHaveTextContent('10,069.6 lb');
  });

  it('is the summary right after Finish', async () => {
    api();
    renderRoutes([{ path: '/workouts/:id', element: <WorkoutDetailPage id="w1" paths={testPaths} /> }], '/workouts/w1');
    // Opened without the "finished" state: no congratulations.
    await screen.findByRole('heading', { level: 1, name: 'Push day' });
    expect(screen.queryByText('Workout saved')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Totals' })).toBeInTheDocument();
  });

  it('deletes after a confirmation and goes to the history', async () => {
    const fake = api();
    const { router } = renderWithApp(<WorkoutDetailPage id="w1" paths={testPaths} />, '/workouts/w1');

    fireEvent.click(await screen.findByRole('button', { name: 'Delete workout' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete "Push day"?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/workouts'));
    expect(fake.to('DELETE /api/v1/workouts/w1')).toHaveLength(1);
  });

  it('offline, the delete waits in the outbox for the version shown, and the history is next', async () => {
    await resetPendingEditsForTests();
    const fake = fakeApi({
      'GET /api/v1/me': () => json(testUser),
      'GET /api/v1/workouts/w1': () => json({ ...workout, rev: 4 }),
      'GET /api/v1/exercises/barbell-bench-press': () => json(catalogueExercise('barbell-bench-press', 'Barbell Bench Press')),
    });
    const { router } = renderWithApp(<WorkoutDetailPage id="w1" paths={testPaths} />, '/workouts/w1');
    fireEvent.click(await screen.findByRole('button', { name: 'Delete workout' }));
    await waitFor(() => expect(fake.to('GET /api/v1/me')).toHaveLength(1));
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const dialog = screen.getByRole('dialog', { name: 'Delete "Push day"?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/workouts'));
    expect(fake.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
    const kept = renderHook(() => usePendingEdits(testUser.id)).result.current.items;
    expect(kept.map((e) => [e.id, e.kind, e.baseRev, e.status])).toEqual([['w1', 'delete', 4, 'waiting']]);
    expect(await screen.findByText(/^Deleted on this device\. The server deletes it/)).toBeInTheDocument();
    await resetPendingEditsForTests();
  });

  it('shows RPE, RIR, the notes on an exercise and the perceived effort', async () => {
    const rated = {
      ...workout,
      perceived_effort: 8,
      blocks: [
        {
          exercise_id: 'barbell-bench-press',
          notes: 'Paused reps',
          sets: [
            { set_type: 'normal', reps: 5, weight_kg: 100, rpe: 8.5, done: true },
            { set_type: 'normal', reps: 5, weight_kg: 100, rir: 1, done: true },
            { set_type: 'normal', reps: 5, weight_kg: 100, done: true },
          ],
        },
      ],
    };
    fakeApi({
      'GET /api/v1/workouts/w1': () => json(rated),
      'GET /api/v1/exercises/barbell-bench-press': () => json(catalogueExercise('barbell-bench-press', 'Barbell Bench Press')),
    });
    renderWithApp(<WorkoutDetailPage id="w1" paths={testPaths} />, '/workouts/w1');

    const table = await screen.findByRole('table', { name: 'Sets of Barbell Bench Press' });
    expect(within(table).getByRole('columnheader', { name: 'RPE / RIR' })).toBeInTheDocument();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      '1100 kg × 5 repsNormalRPE 8.5Done',
      '2100 kg × 5 repsNormalRIR 1Done',
      '3100 kg × 5 repsNormal–Done',
    ]);
    expect(screen.getByText('Paused reps')).toBeInTheDocument();
    expect(screen.getByText('Perceived effort: 8 of 10')).toBeInTheDocument();
  });

  it('edits a finished workout and saves it with If-Match', async () => {
    let saved: Record<string, unknown> | undefined;
    const fake = fakeApi({
      'GET /api/v1/workouts/w1': () => json(workout),
      'GET /api/v1/exercises/barbell-bench-press': () => json(catalogueExercise('barbell-bench-press', 'Barbell Bench Press')),
      'PUT /api/v1/workouts/w1': (request) => {
        saved = request.body as Record<string, unknown>;
        return json({ ...workout, ...saved, rev: 2, notes: 'Felt strong', perceived_effort: 7 });
      },
    });
    renderWithApp(<WorkoutDetailPage id="w1" paths={testPaths} />, '/workouts/w1');

    fireEvent.click(await screen.findByRole('button', { name: 'Edit workout' }));
    const form = await screen.findByRole('form', { name: 'Edit workout' });
    fireEvent.change(within(form).getByLabelText('Notes'), { target: { value: 'Felt strong' } });
    fireEvent.change(within(form).getByLabelText('Perceived effort'), { target: { value: '7' } });
    const second = within(form).getByRole('group', { name: 'Set 2 of Barbell Bench Press' });
    fireEvent.change(within(second).getByLabelText('Reps in reserve'), { target: { value: '2' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Remove set 3 of Barbell Bench Press' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    const put = fake.to('PUT /api/v1/workouts/w1');
    expect(put).toHaveLength(1);
    expect(put[0]?.headers.get('If-Match')).toBe('"w-1"');
    expect(saved?.['notes']).toBe('Felt strong');
    expect(saved?.['perceived_effort']).toBe(7);
    expect(saved?.['started_at']).toBe('2025-05-01T16:00:00Z');
    const blocks = saved?.['blocks'] as Array<{ sets: Array<{ rir: number | null; reps: number | null }> }>;
    expect(blocks[0]?.sets.map((set) => set.rir)).toEqual([null, 2]);
  });

  it('offers a reload when the workout was changed elsewhere, and does not overwrite it', async () => {
    let rev = 1;
    const fake = fakeApi({
      'GET /api/v1/workouts/w1': () => json({ ...workout, rev, title: rev === 1 ? 'Push day' : 'Push day (phone)' }),
      'GET /api/v1/exercises/barbell-bench-press': () => json(catalogueExercise('barbell-bench-press', 'Barbell Bench Press')),
      'PUT /api/v1/workouts/w1': () => problem(412, { title: 'Precondition Failed', detail: 'The workout has changed.' }),
    });
    renderWithApp(<WorkoutDetailPage id="w1" paths={testPaths} />, '/workouts/w1');

    fireEvent.click(await screen.findByRole('button', { name: 'Edit workout' }));
    const form = await screen.findByRole('form', { name: 'Edit workout' });
    fireEvent.change(within(form).getByLabelText('Title'), { target: { value: 'Mine' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('This workout was changed elsewhere')).toBeInTheDocument();
    expect(fake.to('PUT /api/v1/workouts/w1')).toHaveLength(1);
    rev = 2;
    fireEvent.click(screen.getByRole('button', { name: 'Reload the workout' }));
    await waitFor(() => expect(within(screen.getByRole('form', { name: 'Edit workout' })).getByLabelText('Title')).toHaveValue('Push day (phone)'));
    expect(fake.to('PUT /api/v1/workouts/w1')).toHaveLength(1);
  });

  it('says when the workout does not exist', async () => {
    fakeApi({ 'GET /api/v1/workouts/nope': () => problem(404, { title: 'Not Found', detail: 'No such workout.' }) });
    renderWithApp(<WorkoutDetailPage id="nope" paths={testPaths} />, '/workouts/nope');

    expect(await screen.findByRole('heading', { level: 1, name: 'Workout not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Workout history' })).toHaveAttribute('href', '/workouts');
  });
});
