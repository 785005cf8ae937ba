import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, json } from '@/testing/fake-api';
import { renderRoutes, renderWithApp } from '@/testing/render';
import { newBlock, newWorkout } from '../lib/active-workout';
import { activeWorkoutKey, activeWorkoutStore } from '../lib/active-workout-store';
import type { ActiveWorkout } from '../lib/model';
import { catalogueExercise, testPaths } from '../testing';
import { ActiveWorkoutPage } from './active-workout-page';
import { WorkoutDetailPage } from './workout-detail-page';

const curl = { id: 'barbell-curl', name: 'Barbell Curl', log_type: 'weight_reps' as const, equipment: ['barbell'] };

function draft(): ActiveWorkout {
  return JSON.parse(localStorage.getItem(activeWorkoutKey('u1')) ?? 'null') as ActiveWorkout;
}

afterEach(() => localStorage.clear());

describe('the typo guard while logging', () => {
  it('questions a 1,999 kg curl against a best of 40 kg, keeps it once confirmed, and asks once at Finish', () => {
    fakeApi({});
    const w = newWorkout({ title: 'Arms', now: Date.now() - 60_000 });
    const block = { ...newBlock(curl, [{ weight_kg: 40, reps: 12, done: true }, { weight_kg: 40, reps: 12, done: true }], 'metric'), best: { weight_kg: 40, reps: 12 } };
    activeWorkoutStore('u1').set({ ...w, blocks: [block] });
    renderRoutes([{ path: '/log/active', element: <ActiveWorkoutPage userId="u1" paths={testPaths} /> }], '/log/active');

    expect(screen.queryByText(/a typo\?/)).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Weight in kg, set 1 of Barbell Curl'), { target: { value: '1999' } });
    fireEvent.change(screen.getByLabelText('Reps, set 2 of Barbell Curl'), { target: { value: '10000' } });
    expect(screen.getByText('Much more than your best of 40 kg — a typo?')).toBeInTheDocument();
    expect(screen.getByText('Many more reps than your best of 12 — a typo?')).toBeInTheDocument();

    // Confirming set 1 keeps its value and stores the confirmation with the draft.
    fireEvent.click(screen.getByRole('button', { name: 'It’s right (set 1 of Barbell Curl)' }));
    expect(screen.queryByText('Much more than your best of 40 kg — a typo?')).not.toBeInTheDocument();
    expect(draft().blocks[0]?.sets[0]).toMatchObject({ weight_kg: 1999, confirmed: { weight_kg: 1999, reps: 12 } });

    // Both sets ticked: Finish asks about the one left unconfirmed, once.
    for (const n of [1, 2]) {
      const tick = screen.getByRole('button', { name: `Set ${n} of Barbell Curl done` });
      if (tick.getAttribute('aria-pressed') !== 'true') fireEvent.click(tick);
    }
    fireEvent.click(screen.getByRole('button', { name: 'Finish workout' }));
    const dialog = screen.getByRole('dialog', { name: 'Finish with unusual values?' });
    expect(dialog).toHaveTextContent('1 set has a value far above what you have done before.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep logging' }));
    // A plausible value takes the question away without confirming.
    fireEvent.change(screen.getByLabelText('Reps, set 2 of Barbell Curl'), { target: { value: '10' } });
    expect(screen.queryByText(/a typo\?/)).not.toBeInTheDocument();
  });
});

describe('the typo guard in the workout editor', () => {
  it('questions a value far above the best and asks once before saving', async () => {
    const workout = {
      id: 'w1',
      kind: 'strength',
      title: 'Arms',
      started_at: '2025-05-01T16:00:00Z',
      ended_at: '2025-05-01T17:00:00Z',
      time_zone: 'Europe/Berlin',
      created_at: '2025-05-01T17:05:01Z',
      updated_at: '2025-05-01T17:05:01Z',
      rev: 1,
      blocks: [{ exercise_id: 'barbell-curl', sets: [{ set_type: 'normal', reps: 12, weight_kg: 40, done: true }] }],
      totals: { sets: 1, reps: 12, volume_kg: 480, exercises: 1, duration_s: 3600 },
    };
    const fake = fakeApi({
      'GET /api/v1/workouts/w1': () => json(workout),
      'GET /api/v1/exercises/barbell-curl': () => json(catalogueExercise('barbell-curl', 'Barbell Curl')),
      'GET /api/v1/exercises/barbell-curl/last-sets': () =>
        json({ workout_id: 'w1', started_at: workout.started_at, items: workout.blocks[0]?.sets, best_weight_kg: 45, best_reps: 12 }),
      'PUT /api/v1/workouts/w1': (request) => json({ ...workout, ...(request.body as object), rev: 2 }),
    });
    renderWithApp(<WorkoutDetailPage id="w1" paths={testPaths} />, '/workouts/w1');

    fireEvent.click(await screen.findByRole('button', { name: 'Edit workout' }));
    const form = await screen.findByRole('form', { name: 'Edit workout' });
    const set = within(form).getByRole('group', { name: 'Set 1 of Barbell Curl' });
    fireEvent.change(within(set).getByLabelText('Weight in kg'), { target: { value: '400' } });
    expect(await within(set).findByText('Much more than your best of 45 kg — a typo?')).toBeInTheDocument();

    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    const dialog = screen.getByRole('dialog', { name: 'Save with unusual values?' });
    expect(fake.to('PUT /api/v1/workouts/w1')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save anyway' }));
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect(fake.to('PUT /api/v1/workouts/w1')).toHaveLength(1);
  });
});
