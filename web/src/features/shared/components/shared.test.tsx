import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, problem } from '@/testing/fake-api';
import { renderRoutes } from '@/testing/render';
import { SharedWorkoutPage } from './shared-workout-page';
import { UserWorkoutList } from './user-workout-list';
import { VisibilityChangePage } from './visibility-change-page';

const summary = {
  id: 'w1',
  title: 'Morning run',
  kind: 'cardio',
  date: '2026-03-01',
  started_at: null,
  ended_at: null,
  time_zone: 'Europe/Berlin',
  totals: { sets: 0, reps: 0, exercises: 0, volume_kg: null, duration_s: null },
  cardio: {
    sport: 'run',
    distance_m: 5000,
    duration_s: null,
    moving_time_s: null,
    elevation_gain_m: null,
    avg_heart_rate: null,
    max_heart_rate: null,
    calories_kcal: null,
  },
  exercise_names: [],
  perceived_effort: null,
  visibility: 'public',
  hide: ['start_time', 'pace'],
};

const paths = { userWorkout: (username: string, id: string) => `/u/${username}/workouts/${id}` };

describe('UserWorkoutList', () => {
  it('lists what the server shows, linking to each workout, and pages on', async () => {
    const api = fakeApi({
      'GET /api/v1/users/ana/workouts': (request) =>
        request.query.has('cursor')
          ? json({ items: [{ ...summary, id: 'w2', title: 'Older run' }], next_cursor: null })
          : json({ items: [summary], next_cursor: 'c1' }),
    });
    renderRoutes([{ path: '/', element: <UserWorkoutList username="ana" paths={paths} /> }]);
    const link = await screen.findByRole('link', { name: 'Morning run' });
    expect(link).toHaveAttribute('href', '/u/ana/workouts/w1');
    expect(screen.getByText('2026-03-01 · 5.0 km')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByRole('link', { name: 'Older run' })).toBeInTheDocument();
    expect(api.to('GET /api/v1/users/ana/workouts')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
  });

  it('says so when there is nothing to see', async () => {
    fakeApi({ 'GET /api/v1/users/ana/workouts': () => json({ items: [], next_cursor: null }) });
    renderRoutes([{ path: '/', element: <UserWorkoutList username="ana" paths={paths} /> }]);
    expect(await screen.findByText('No workouts to show.')).toBeInTheDocument();
  });
});

describe('SharedWorkoutPage', () => {
  it('shows only what the server gives: no start time, no weights where it sends none', async () => {
    fakeApi({
      'GET /api/v1/users/ana/workouts/w9': () =>
        json({
          id: 'w9',
          kind: 'strength',
          title: 'Legs',
          date: '2026-03-02',
          started_at: null,
          ended_at: null,
          time_zone: null,
          notes: null,
          perceived_effort: null,
          cardio: null,
          blocks: [
            {
              exercise_id: 'squat',
              exercise_name: 'Back Squat',
              superset_group: null,
              notes: null,
              sets: [{ set_type: 'normal', reps: 5, weight_kg: null, duration_s: null, distance_m: null, done: true }],
            },
          ],
          totals: { sets: 1, reps: 5, exercises: 1, volume_kg: null, duration_s: null },
          visibility: 'public',
          hide: ['start_time', 'weights'],
          has_map: false,
        }),
    });
    renderRoutes([{ path: '/', element: <SharedWorkoutPage username="ana" id="w9" /> }]);
    expect(await screen.findByRole('heading', { name: 'Legs' })).toBeInTheDocument();
    expect(screen.getByText('5 reps')).toBeInTheDocument();
    expect(screen.queryByText('Start')).not.toBeInTheDocument();
    expect(screen.queryByText(/kg/)).not.toBeInTheDocument();
    expect(screen.queryByText('This workout has a route.')).not.toBeInTheDocument();
  });

  it("lets another signed-in user report the workout with its owner; not the owner, not the signed out", async () => {
    const workout = {
      id: 'w9',
      kind: 'cardio',
      title: 'Run',
      date: '2026-03-02',
      started_at: null,
      ended_at: null,
      time_zone: null,
      notes: null,
      perceived_effort: null,
      cardio: null,
      blocks: [],
      totals: { sets: 0, reps: 0, exercises: 0, volume_kg: null, duration_s: null },
      visibility: 'public',
      hide: [],
      has_map: false,
    };
    const api = fakeApi({
      'GET /api/v1/users/ana/workouts/w9': () => json(workout),
      'POST /api/v1/reports': () =>
        json({ id: 'r1', kind: 'workout', item_id: 'w9', reason: 'spam', details: '', state: 'open', created_at: '2026-03-02T10:00:00Z' }, 201),
    });
    const first = renderRoutes([{ path: '/', element: <SharedWorkoutPage username="ana" id="w9" viewer="ana" /> }]);
    expect(await screen.findByRole('heading', { name: 'Run' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Report/ })).toBeNull();
    first.unmount();
    const second = renderRoutes([{ path: '/', element: <SharedWorkoutPage username="ana" id="w9" viewer={null} /> }]);
    expect(await screen.findByRole('heading', { name: 'Run' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Report/ })).toBeNull();
    second.unmount();

    renderRoutes([{ path: '/', element: <SharedWorkoutPage username="ana" id="w9" viewer="bob" /> }]);
    fireEvent.click(await screen.findByRole('button', { name: "Report ana's workout" }));
    fireEvent.click(await screen.findByRole('button', { name: 'Send report' }));
    await waitFor(() =>
      expect(api.to('POST /api/v1/reports').map((r) => r.body)).toEqual([{ kind: 'workout', id: 'w9', reason: 'spam', details: '', owner: 'ana' }]),
    );
  });

  it('shows a missing workout as an error, like any other', async () => {
    fakeApi({ 'GET /api/v1/users/ana/workouts/nope': () => problem(404, { detail: 'There is no such workout.' }) });
    renderRoutes([{ path: '/', element: <SharedWorkoutPage username="ana" id="nope" /> }]);
    expect(await screen.findByRole('alert')).toBeInTheDocument();
  });
});

describe('VisibilityChangePage', () => {
  it('sends the change and shows its progress until it is done', async () => {
    let polls = 0;
    const change = {
      id: 'c1',
      kind: 'workouts',
      visibility: 'public',
      from: '2023-01-01',
      to: null,
      sport: 'run',
      status: 'queued',
      done: 0,
      changed: null,
      error: null,
      created_at: '2026-03-01T07:00:00.000Z',
      updated_at: '2026-03-01T07:00:00.000Z',
    };
    const api = fakeApi({
      'POST /api/v1/me/visibility-changes': () => json(change, 202),
      'GET /api/v1/me/visibility-changes/c1': () => {
        polls += 1;
        return json(polls > 1 ? { ...change, status: 'succeeded', done: 3, changed: 3 } : { ...change, status: 'running', done: 1 });
      },
    });
    renderRoutes([{ path: '/', element: <VisibilityChangePage /> }]);
    fireEvent.change(screen.getByLabelText('Sport'), { target: { value: 'run' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2023-01-01' } });
    fireEvent.click(screen.getByRole('radio', { name: /Everyone/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(api.to('POST /api/v1/me/visibility-changes')).toHaveLength(1));
    expect(api.to('POST /api/v1/me/visibility-changes')[0]?.body).toEqual({
      kind: 'workouts',
      visibility: 'public',
      from: '2023-01-01',
      sport: 'run',
    });
    expect(await screen.findByText('Done: 3 items changed.', {}, { timeout: 4000 })).toBeInTheDocument();
  });
});
