import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, testUser } from '@/testing/fake-api';
import { queueDelete, resetPendingEditsForTests } from '../lib/pending-edits';
import { renderWithApp } from '@/testing/render';
import { testPaths } from '../testing';
import { RecentTraining } from './recent-training';

const legs = {
  id: 'w1',
  title: 'Legs',
  kind: 'strength',
  started_at: '2025-05-01T16:00:00Z',
  time_zone: 'UTC',
  totals: { sets: 10, reps: 84, volume_kg: 4567.5, exercises: 2 },
  exercise_names: ['Barbell Back Squat', 'Romanian Deadlift'],
};

const ppl = {
  id: 'p1',
  rev: 1,
  name: 'PPL',
  notes: null,
  next_routine_id: 'r2',
  routines: [
    { routine_id: 'r1', label: 'Day A', routine_name: 'Push' },
    { routine_id: 'r2', label: 'Day B', routine_name: 'Pull' },
  ],
  created_at: '',
  updated_at: '',
};

describe('RecentTraining', () => {
  it('skips a workout deleted on this device while its delete waits for the server', async () => {
    await resetPendingEditsForTests();
    await queueDelete(testUser.id, 'w0', 9, { title: 'Deleted', started_at: '2025-05-02T16:00:00Z' });
    const api = fakeApi({
      'GET /api/v1/me': () => json(testUser),
      'GET /api/v1/workouts': () => json({ items: [{ ...legs, id: 'w0', title: 'Deleted' }, legs], next_cursor: null }),
      'GET /api/v1/programs': () => json({ items: [] }),
    });
    renderWithApp(<RecentTraining paths={testPaths} />);

    await waitFor(() => expect(api.to('GET /api/v1/me')).toHaveLength(1));
    expect(await screen.findByRole('link', { name: 'Legs' })).toHaveAttribute('href', '/workouts/w1');
    expect(screen.queryByRole('link', { name: 'Deleted' })).not.toBeInTheDocument();
    await resetPendingEditsForTests();
  });

  it('shows the latest workout with its totals and what comes next in each program', async () => {
    fakeApi({
      'GET /api/v1/workouts': () => json({ items: [legs], next_cursor: null }),
      'GET /api/v1/programs': () => json({ items: [ppl] }),
    });
    renderWithApp(<RecentTraining paths={testPaths} />);

    expect(await screen.findByRole('link', { name: 'Legs' })).toHaveAttribute('href', '/workouts/w1');
    expect(screen.getByText('10 sets · 84 reps · 4,567.5 kg')).toBeInTheDocument();
    expect(await screen.findByText('Day B: Pull in PPL')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Programs' })).toHaveAttribute('href', testPaths.programs);
  });

  it('shows nothing to a user with no workouts and no programs', async () => {
    const api = fakeApi({
      'GET /api/v1/workouts': () => json({ items: [], next_cursor: null }),
      'GET /api/v1/programs': () => json({ items: [] }),
    });
    const { container } = renderWithApp(<RecentTraining paths={testPaths} />);
    await waitFor(() => expect(api.to('GET /api/v1/programs')).toHaveLength(1));
    await waitFor(() => expect(api.to('GET /api/v1/workouts')).toHaveLength(1));
    expect(container).toBeEmptyDOMElement();
    expect(screen.queryByRole('heading', { name: 'Your training' })).not.toBeInTheDocument();
  });
});
