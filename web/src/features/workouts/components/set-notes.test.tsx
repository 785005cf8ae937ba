import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, json } from '@/testing/fake-api';
import { renderRoutes, renderWithApp } from '@/testing/render';
import { newBlock, newWorkout, toWorkoutInput } from '../lib/active-workout';
import { activeWorkoutKey, activeWorkoutStore } from '../lib/active-workout-store';
import type { ActiveWorkout } from '../lib/model';
import { catalogueExercise, testPaths } from '../testing';
import { ActiveWorkoutPage } from './active-workout-page';
import { WorkoutDetailPage } from './workout-detail-page';

const bench = { id: 'barbell-bench-press', name: 'Barbell Bench Press', log_type: 'weight_reps' as const, equipment: ['barbell'] };

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
      sets: [
        { set_type: 'normal', reps: 5, weight_kg: 100, done: true, notes: 'left shoulder clicked' },
        { set_type: 'normal', reps: 5, weight_kg: 100, done: true, notes: null },
      ],
    },
  ],
  totals: { sets: 2, reps: 10, volume_kg: 1000, exercises: 1, duration_s: 3900 },
};

function draft(): ActiveWorkout {
  return JSON.parse(localStorage.getItem(activeWorkoutKey('u1')) ?? 'null') as ActiveWorkout;
}

afterEach(() => localStorage.clear());

describe('a note on a set', () => {
  it('is written while logging behind a small button on the row, and kept in the draft', () => {
    fakeApi({});
    const w = newWorkout({ title: 'Upper', now: Date.now() - 60_000 });
    activeWorkoutStore('u1').set({ ...w, blocks: [newBlock(bench, [{ weight_kg: 60, reps: 8, done: true }], 'metric')] });
    renderRoutes([{ path: '/log/active', element: <ActiveWorkoutPage userId="u1" paths={testPaths} /> }], '/log/active');

    // Folded away: no field until the button is pressed.
    expect(screen.queryByLabelText('Note on set 1 of Barbell Bench Press')).not.toBeInTheDocument();
    const open = screen.getByRole('button', { name: 'Add a note to set 1 of Barbell Bench Press' });
    expect(open).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(open);
    expect(open).toHaveAttribute('aria-expanded', 'true');
    fireEvent.change(screen.getByLabelText('Note on set 1 of Barbell Bench Press'), { target: { value: 'left knee hurt' } });
    expect(draft().blocks[0]?.sets[0]?.notes).toBe('left knee hurt');

    // Folded again, the note is shown under the row and the button says there is one.
    fireEvent.click(open);
    expect(screen.getByText('left knee hurt')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit the note on set 1 of Barbell Bench Press' })).toBeInTheDocument();
  });

  it('is sent trimmed with its set, and not at all when blank', () => {
    const w = newWorkout({ title: 'Upper', now: Date.parse('2025-05-01T16:00:00Z') });
    const block = newBlock(bench, [{ weight_kg: 60, reps: 8, done: true }, { weight_kg: 60, reps: 8, done: true }], 'metric');
    const sets = block.sets.map((s, i) => ({ ...s, done: true, weight_kg: 60, reps: 8, notes: i === 0 ? '  left knee hurt \n' : '   ' }));
    const input = toWorkoutInput({ ...w, blocks: [{ ...block, sets }] }, { endedAt: Date.parse('2025-05-01T17:00:00Z'), timeZone: 'Europe/Berlin' });
    const sent = input.blocks?.[0]?.sets ?? [];
    expect(sent[0]?.notes).toBe('left knee hurt');
    expect(sent[1]).not.toHaveProperty('notes');
  });

  it('is shown under its set on the workout page, and edited in the workout editor', async () => {
    let saved: { blocks: Array<{ sets: Array<{ notes: string | null }> }> } | undefined;
    fakeApi({
      'GET /api/v1/workouts/w1': () => json(workout),
      'GET /api/v1/exercises/barbell-bench-press': () => json(catalogueExercise('barbell-bench-press', 'Barbell Bench Press')),
      'PUT /api/v1/workouts/w1': (request) => {
        saved = request.body as typeof saved;
        return json({ ...workout, ...saved, rev: 2 });
      },
    });
    renderWithApp(<WorkoutDetailPage id="w1" paths={testPaths} />, '/workouts/w1');

    const table = await screen.findByRole('table', { name: 'Sets of Barbell Bench Press' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('left shoulder clicked');
    expect(rows[1]).not.toHaveTextContent('left shoulder clicked');

    fireEvent.click(screen.getByRole('button', { name: 'Edit workout' }));
    const form = await screen.findByRole('form', { name: 'Edit workout' });
    const first = within(form).getByRole('group', { name: 'Set 1 of Barbell Bench Press' });
    const second = within(form).getByRole('group', { name: 'Set 2 of Barbell Bench Press' });
    expect(within(first).getByLabelText('Note on this set')).toHaveValue('left shoulder clicked');
    fireEvent.change(within(first).getByLabelText('Note on this set'), { target: { value: ' ' } });
    fireEvent.change(within(second).getByLabelText('Note on this set'), { target: { value: 'fine again' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect(saved?.blocks[0]?.sets.map((s) => s.notes)).toEqual([null, 'fine again']);
  });
});
