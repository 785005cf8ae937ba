import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, json } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import type { ExercisePaths } from '../paths';
import { ExercisePage } from './exercise-page';

const paths: ExercisePaths = {
  exercises: '/exercises',
  exercise: (id) => `/exercises/${id}`,
  workout: (id) => `/workouts/${id}`,
};

const benchPress = {
  id: 'barbell-bench-press',
  slug: 'barbell-bench-press',
  name: 'Barbell Bench Press',
  category: 'strength',
  primary_muscles: ['chest'],
  secondary_muscles: [],
  equipment: ['barbell'],
  mechanics: 'compound',
  force: 'push',
  log_type: 'weight_reps',
  description: '',
  custom: false,
};

afterEach(() => localStorage.clear());

describe('ExercisePage', () => {
  it('lists only the last sets that were done', async () => {
    fakeApi({
      'GET /api/v1/exercises/barbell-bench-press': () => json(benchPress),
      'GET /api/v1/exercises/barbell-bench-press/last-sets': () =>
        json({
          workout_id: 'w1',
          started_at: '2025-05-01T16:00:00Z',
          items: [
            { set_type: 'normal', reps: 5, weight_kg: 100, done: true },
            { set_type: 'normal', reps: 3, weight_kg: 110, done: false },
            { set_type: 'normal', reps: 4, weight_kg: 102.5, done: true, notes: 'left knee hurt' },
          ],
        }),
    });
    renderWithApp(<ExercisePage id="barbell-bench-press" paths={paths} />, '/exercises/barbell-bench-press');

    const list = await screen.findByRole('list');
    expect(Array.from(list.querySelectorAll('li'), (li) => li.textContent)).toEqual(['Set 1: 100 kg × 5', 'Set 2: 102.5 kg × 4 — left knee hurt']);
  });

  it('says the exercise was not done yet when no set was ticked', async () => {
    fakeApi({
      'GET /api/v1/exercises/barbell-bench-press': () => json(benchPress),
      'GET /api/v1/exercises/barbell-bench-press/last-sets': () =>
        json({ workout_id: 'w1', started_at: '2025-05-01T16:00:00Z', items: [{ set_type: 'normal', reps: 5, weight_kg: 100, done: false }] }),
    });
    renderWithApp(<ExercisePage id="barbell-bench-press" paths={paths} />, '/exercises/barbell-bench-press');

    expect(await screen.findByText('You have not logged this exercise yet. Add it to a workout from Log.')).toBeInTheDocument();
  });
});
