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
    expect(inputOf(editOf(workout, 'America/New_York'), workout)).toEqual({
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
              notes: null,
            },
          ],
        },
      ],
    });
  });

  it('sends what was changed: notes trimmed, empty notes as null, a new end time', () => {
    const edit = editOf(workout, 'America/New_York');
    edit.notes = '  Felt strong ';
    edit.blocks[0]!.notes = '   ';
    edit.blocks[0]!.sets[0]!.rir = 2;
    const ended = new Date('2025-05-01T17:30:00Z');
    edit.ended = toLocalInput(ended.toISOString(), edit.zone);
    const input = inputOf(edit, workout);
    expect(input.notes).toBe('Felt strong');
    expect(input.blocks?.[0]?.notes).toBeNull();
    expect(input.blocks?.[0]?.sets[0]?.rir).toBe(2);
    expect(input.ended_at).toBe('2025-05-01T17:30:00Z');
  });

  it('reads datetime-local values in the given zone and keeps untouched seconds', () => {
    expect(fromLocalInput('', '2025-05-01T16:00:30Z', 'Europe/Berlin')).toBeNull();
    expect(toLocalInput('2025-05-01T16:00:30Z', 'Europe/Berlin')).toBe('2025-05-01T18:00'); // CEST, +2
    expect(fromLocalInput('2025-05-01T18:00', '2025-05-01T16:00:30Z', 'Europe/Berlin')).toBe('2025-05-01T16:00:30Z');
    expect(fromLocalInput('2025-05-01T18:15', null, 'Europe/Berlin')).toBe('2025-05-01T16:15:00Z');
    expect(fromLocalInput('2025-05-01T18:15', null, 'America/New_York')).toBe('2025-05-01T22:15:00Z'); // EDT, -4
  });

  it('edits the times in the workout’s own zone, not the browser’s, and says which', () => {
    // Logged in Berlin (18:00:30 there), edited from a browser in New York.
    const edit = editOf(workout, 'America/New_York');
    expect(edit.zone).toBe('Europe/Berlin');
    expect(edit.started).toBe('2025-05-01T18:00');
    expect(edit.ended).toBe('2025-05-01T19:05');
    edit.ended = '2025-05-01T19:30';
    expect(inputOf(edit, workout).ended_at).toBe('2025-05-01T17:30:00Z');
    // A workout without a zone (or with one this browser does not know) is shown in the browser's.
    const { time_zone: _zone, ...withoutZone } = workout;
    const zoneless = editOf(withoutZone, 'America/New_York');
    expect(zoneless.zone).toBe('America/New_York');
    expect(zoneless.started).toBe('2025-05-01T12:00');
    expect(editOf({ ...workout, time_zone: 'Mars/Olympus_Mons' }, 'America/New_York').zone).toBe('America/New_York');
  });
});
