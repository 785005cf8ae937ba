import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schema } from '@/lib/api/types';
import { fakeApi, json, problem } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import { ActivityDetail } from './activity-detail';
import { HeartRateZonesSection } from './heart-rate-zones';

type Workout = Schema<'Workout'>;

const zones = {
  max_heart_rate: 190,
  resting_heart_rate: null,
  source: 'age',
  method: 'max',
  zones: [
    { zone: 1, min_bpm: 95, max_bpm: 114, seconds: 300 },
    { zone: 2, min_bpm: 114, max_bpm: 133, seconds: 900 },
    { zone: 3, min_bpm: 133, max_bpm: 152, seconds: 450 },
    { zone: 4, min_bpm: 152, max_bpm: 171, seconds: 150 },
    { zone: 5, min_bpm: 171, max_bpm: 190, seconds: 0 },
  ],
  total_s: 2000,
};

afterEach(() => vi.restoreAllMocks());

describe('HeartRateZonesSection', () => {
  it('shows the time and share of the track in each zone, and where the maximum comes from', async () => {
    fakeApi({ 'GET /api/v1/workouts/w1/zones': () => json(zones) });
    renderWithApp(<HeartRateZonesSection workoutId="w1" />);

    const table = await screen.findByRole('table', { name: 'Time in each heart-rate zone' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    // Shares of total_s (2000 s, which includes 200 s below zone 1): 300/2000 = 15%, 900/2000 = 45%.
    expect(rows).toEqual([
      ['1 Recovery', '95–114 bpm', '5:00', '15%'],
      ['2 Endurance', '114–133 bpm', '15:00', '45%'],
      ['3 Tempo', '133–152 bpm', '7:30', '23%'],
      ['4 Threshold', '152–171 bpm', '2:30', '8%'],
      ['5 Maximum', '171–190 bpm', '0:00', '0%'],
    ]);
    expect(screen.getByText(/maximum heart rate of 190 bpm, estimated from your age/)).toBeInTheDocument();
    // A phone scrolls the table sideways: its box is a named region the keyboard can reach (axe:
    // scrollable-region-focusable).
    const box = screen.getByRole('region', { name: 'Time in each heart-rate zone' });
    expect(box).toHaveAttribute('tabindex', '0');
    expect(box).toContainElement(table);
  });

  it('shows nothing for a workout without heart rate (404)', async () => {
    const api = fakeApi({ 'GET /api/v1/workouts/w1/zones': () => problem(404) });
    const { container } = renderWithApp(<HeartRateZonesSection workoutId="w1" />);
    await vi.waitFor(() => expect(api.to('GET /api/v1/workouts/w1/zones')).toHaveLength(1));
    await vi.waitFor(() => expect(screen.queryByRole('status')).not.toBeInTheDocument());
    expect(screen.queryByRole('heading', { name: 'Heart-rate zones' })).not.toBeInTheDocument();
    expect(container.querySelector('.zones')).toBeNull();
  });
});

describe('ActivityDetail sport link', () => {
  it('links to the page of the workout sport', async () => {
    fakeApi({ 'GET /api/v1/workouts/w1/track': () => problem(404) });
    const ride = {
      id: 'w1',
      kind: 'cardio',
      title: 'Ride',
      started_at: '2026-05-01T07:00:00Z',
      cardio: { sport: 'ride', distance_m: 40000, duration_s: 5400 },
      blocks: [],
      totals: { volume_kg: 0, sets: 0, reps: 0 },
      rev: 1,
    } as unknown as Workout & { id: string };
    renderWithApp(<ActivityDetail workout={ride} sportPath={(sport) => `/sports/${sport}`} />);
    expect(await screen.findByRole('link', { name: 'Ride: records and distance per week' })).toHaveAttribute('href', '/sports/ride');
  });
});
