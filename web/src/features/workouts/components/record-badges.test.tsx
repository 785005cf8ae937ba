import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unitSystemStore } from '@/lib/units';
import { fakeApi, json } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import { catalogueExercise, testPaths } from '../testing';
import { WorkoutDetailPage } from './workout-detail-page';

const workout = {
  id: 'w1',
  kind: 'strength',
  title: 'Leg day',
  started_at: '2026-11-20T17:00:00Z',
  ended_at: '2026-11-20T18:00:00Z',
  time_zone: 'UTC',
  created_at: '2026-11-20T18:00:01Z',
  updated_at: '2026-11-20T18:00:01Z',
  rev: 1,
  blocks: [
    { exercise_id: 'barbell-squat', sets: [{ set_type: 'normal', reps: 5, weight_kg: 105, done: true }] },
    { exercise_id: 'barbell-bench-press', sets: [{ set_type: 'normal', reps: 5, weight_kg: 60, done: true }] },
  ],
  totals: { sets: 2, reps: 10, volume_kg: 825, exercises: 2, duration_s: 3600 },
};

function record(partial: Record<string, unknown>) {
  return {
    exercise_id: 'barbell-squat',
    sport: null,
    reps: 5,
    weight_kg: 105,
    distance_m: null,
    unit: 'kg',
    workout_id: 'w1',
    achieved_at: '2026-11-20T17:00:00Z',
    previous_value: null,
    current: true,
    ...partial,
  };
}

afterEach(() => {
  localStorage.clear();
  vi.restoreAllMocks();
});

function api() {
  return fakeApi({
    'GET /api/v1/workouts/w1': () => json(workout),
    'GET /api/v1/workouts/w1/records': () =>
      json({
        items: [
          record({ kind: 'rep_max', value: 105 }),
          record({ kind: 'one_rep_max', value: 122.5 }),
          record({ kind: 'session_volume', value: 525, reps: null, weight_kg: null, current: false }),
        ],
      }),
    'GET /api/v1/exercises/barbell-squat': () => json(catalogueExercise('barbell-squat', 'Barbell Squat')),
    'GET /api/v1/exercises/barbell-bench-press': () => json(catalogueExercise('barbell-bench-press', 'Barbell Bench Press')),
  });
}

describe('record badges on the workout page', () => {
  it('shows each record this workout set next to its exercise', async () => {
    api();
    renderWithApp(<WorkoutDetailPage id="w1" paths={testPaths} />, '/workouts/w1');
    const squat = await screen.findByRole('region', { name: 'Barbell Squat' });
    const badges = await within(squat).findByRole('list', { name: 'Records set in this workout' });
    // 1RM first, then rep maxes, then volumes.
    expect(within(badges).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'PR: Estimated 1RM 122.5 kg',
      'PR: 5-rep max 105 kg',
      'PR: Best session volume 525 kg',
    ]);
    const bench = screen.getByRole('region', { name: 'Barbell Bench Press' });
    expect(within(bench).queryByRole('list', { name: 'Records set in this workout' })).not.toBeInTheDocument();
  });

  it('shows the badges in pounds for imperial users', async () => {
    unitSystemStore.set('imperial');
    api();
    renderWithApp(<WorkoutDetailPage id="w1" paths={testPaths} />, '/workouts/w1');
    // 122.5 kg / 0.45359237 = 270.07 lb, one decimal at most.
    expect(await screen.findByText('PR: Estimated 1RM 270.1 lb')).toBeInTheDocument();
  });

  it('asks for the badges again after the workout was edited (an edit recomputes its records)', async () => {
    let edited = false;
    fakeApi({
      'GET /api/v1/workouts/w1': () => json(workout),
      'GET /api/v1/workouts/w1/records': () =>
        json({ items: edited ? [record({ kind: 'one_rep_max', value: 125 })] : [record({ kind: 'one_rep_max', value: 122.5 })] }),
      'PUT /api/v1/workouts/w1': () => {
        edited = true;
        return json({ ...workout, rev: 2 });
      },
      'GET /api/v1/exercises/barbell-squat': () => json(catalogueExercise('barbell-squat', 'Barbell Squat')),
      'GET /api/v1/exercises/barbell-bench-press': () => json(catalogueExercise('barbell-bench-press', 'Barbell Bench Press')),
    });
    renderWithApp(<WorkoutDetailPage id="w1" paths={testPaths} />, '/workouts/w1');
    expect(await screen.findByText('PR: Estimated 1RM 122.5 kg')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Edit workout' }));
    const form = await screen.findByRole('form', { name: 'Edit workout' });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('PR: Estimated 1RM 125 kg', {}, { timeout: 3000 })).toBeInTheDocument();
  });
});
