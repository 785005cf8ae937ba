import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderRoutes } from '@/testing/render';
import { fakeApi, json, problem, testMeta, testUser } from '@/testing/fake-api';
import { routes } from './routes';

const run = {
  id: 'c1',
  kind: 'cardio',
  title: 'Morning Run',
  started_at: '2026-05-01T07:00:00Z',
  ended_at: '2026-05-01T07:30:00Z',
  notes: null,
  perceived_effort: null,
  routine_id: null,
  cardio: { sport: 'run', distance_m: 5000, duration_s: 1800 },
  blocks: [],
  totals: { volume_kg: 0, sets: 0, reps: 0 },
  created_at: '2026-05-01T07:31:00Z',
  updated_at: '2026-05-01T07:31:00Z',
  rev: 1,
};

describe("a cardio workout's page", () => {
  it('is drawn with its activity figures at once, so they do not push the buttons down when they come', async () => {
    fakeApi({
      'GET /api/v1/meta': () => json(testMeta),
      'GET /api/v1/me': () => json(testUser),
      'GET /api/v1/workouts/c1': () => json(run),
      'GET /api/v1/workouts/c1/track': () => problem(404),
    });
    renderRoutes(routes, '/workouts/c1');

    expect(await screen.findByRole('heading', { level: 1, name: 'Morning Run' })).toBeInTheDocument();
    // In the same frame as the title, not a render later.
    expect(screen.getByText('Distance')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Workout history' })).toBeInTheDocument();
  });
});
