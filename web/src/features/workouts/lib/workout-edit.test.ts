import { describe, expect, it } from 'vitest';
import type { Workout } from './model';
import { editOf, fromLocalInput, inputOf, toLocalInput } from './workout-edit';

const workout: Workout = {
  id: 'w1',
  kind: 'strength',
  title: 'Push day',
  started_at: '2025-05-01T16:00:30Z',
  ended_at: '2025-05-01T17:05:00Z',
  time_zone: 'Europe/Berlin',
  notes: null,
  perceived_effort: 7,
  routine_id: 'r1',
  cardio: null,
  created_at: '2025-05-01T17:05:01Z',
  updated_at: '2025-05-01T17:05:01Z',
  rev: 3,
  blocks: [
    {
      exercise_id: 'barbell-bench-press',
      superset_group: null,
      rest_s: 90,
      notes: 'Elbows in',
      sets: [{ set_type: 'normal', reps: 5, weight_kg: 100, rpe: 8.5, rir: null, done: true, target_reps: 5, target_weight_kg: 100, target_rir: null }],
    },
  ],
  totals: { sets: 1, reps: 5, volume_kg: 500, exercises: 1, duration_s: 3870 },
};

describe('workout edit', () => {
  it('gives back the same workout when nothing was changed', () => {
    expect(inputOf(editOf(workout), workout)).toEqual({
      title: 'Push day',
      started_at: '2025-05-01T16:00:30Z',
      ended_at: '2025-05-01T17:05:00Z',
      time_zone: 'Europe/Berlin',
      notes: null,
      perceived_effort: 7,
      routine_id: 'r1',
      cardio: null,
      blocks: [
        {
          exercise_id: 'barbell-bench-press',
          superset_group: null,
          rest_s: 90,
          notes: 'Elbows in',
          sets: [
            {
              set_type: 'normal',
              reps: 5,
              weight_kg: 100,
              duration_s: null,
              distance_m: null,
              rpe: 8.5,
              rir: null,
              done: true,
              target_reps: 5,
              target_weight_kg: 100,
              target_rir: null,
            },
          ],
        },
      ],
    });
  });

  it('sends what was changed: notes trimmed, empty notes as null, a new end time', () => {
    const edit = editOf(workout);
    edit.notes = '  Felt strong ';
    edit.blocks[0]!.notes = '   ';
    edit.blocks[0]!.sets[0]!.rir = 2;
    const ended = new Date('2025-05-01T17:30:00Z');
    edit.ended = toLocalInput(ended.toISOString());
    const input = inputOf(edit, workout);
    expect(input.notes).toBe('Felt strong');
    expect(input.blocks?.[0]?.notes).toBeNull();
    expect(input.blocks?.[0]?.sets[0]?.rir).toBe(2);
    expect(input.ended_at).toBe('2025-05-01T17:30:00Z');
  });

  it('reads datetime-local values in the browser zone and keeps untouched seconds', () => {
    expect(fromLocalInput('', '2025-05-01T16:00:30Z')).toBeNull();
    expect(fromLocalInput(toLocalInput('2025-05-01T16:00:30Z'), '2025-05-01T16:00:30Z')).toBe('2025-05-01T16:00:30Z');
    const local = new Date(2025, 4, 1, 18, 15); // 1 May 2025 18:15 where the test runs
    expect(fromLocalInput('2025-05-01T18:15', null)).toBe(local.toISOString().replace('.000Z', 'Z'));
  });
});
