import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schema } from '@/lib/api/types';
import { fakeApi, problem } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import { ActivityDetail } from './activity-detail';

type Workout = Schema<'Workout'>;

const run = {
  id: 'w1',
  kind: 'cardio',
  title: 'Morning Run',
  started_at: '2026-05-01T07:00:00Z',
  ended_at: '2026-05-01T07:30:00Z',
  notes: null,
  perceived_effort: null,
  routine_id: null,
  cardio: { sport: 'run', distance_m: 5000, duration_s: 1683.4, moving_time_s: 1680.6, calories_kcal: 412.6 },
  blocks: [],
  totals: { volume_kg: 0, sets: 0, reps: 0 },
  created_at: '2026-05-01T07:31:00Z',
  updated_at: '2026-05-01T07:31:00Z',
  rev: 1,
} as unknown as Workout;

describe('ActivityDetail summary', () => {
  it('shows the calories and the times rounded to the nearest second', async () => {
    fakeApi({ 'GET /api/v1/workouts/w1/track': () => problem(404) });
    renderWithApp(<ActivityDetail workout={run} />);

    // 412.6 kcal -> 413; 1683.4 s -> 28:03; 1680.6 s -> 28:01; pace 1680.6 s / 5 km = 336.12 s -> 5:36 /km.
    const figure = (label: string) => screen.getByText(label).nextElementSibling?.textContent;
    expect(await screen.findByText('Calories')).toBeInTheDocument();
    expect(figure('Calories')).toBe('413 kcal');
    expect(figure('Duration')).toBe('28:03');
    expect(figure('Moving time')).toBe('28:01');
    expect(figure('Average pace')).toBe('5:36 /km');
  });
});
