import { describe, expect, it } from 'vitest';
import type { Import } from '../api/create-import';
import { importView, pollDelayMs } from './import-state';

const job = (over: Partial<Import>): Import => ({
  id: 'i1',
  format: 'gpx',
  status: 'queued',
  progress: 0,
  done: 0,
  total: null,
  result: null,
  error: null,
  created_at: '2025-05-03T07:00:00Z',
  updated_at: '2025-05-03T07:00:00Z',
  ...over,
});

describe('the import progress state machine', () => {
  it('is uploading before the server answered, then follows the job', () => {
    expect(importView(undefined)).toMatchObject({ phase: 'uploading', finished: false, percent: null });
    expect(importView(job({}))).toMatchObject({ phase: 'queued', percent: null, finished: false });
    expect(importView(job({ status: 'running', progress: 0.42, done: 21, total: 50 }))).toMatchObject({
      phase: 'running',
      percent: 42,
      done: 21,
      total: 50,
    });
  });

  it('links the created workout when succeeded', () => {
    const view = importView(job({ status: 'succeeded', progress: 1, total: 1, result: { workouts_created: 1, workout_id: 'w1' } }));
    expect(view).toMatchObject({ phase: 'succeeded', percent: 100, finished: true, workoutIds: ['w1'], error: null });
  });

  it('reports a duplicate with the existing workout', () => {
    const view = importView(
      job({ status: 'failed', error: { detail: 'This activity is in your log already', status: 409, existing_workout_id: 'w0' } }),
    );
    expect(view.finished).toBe(true);
    expect(view.error).toEqual({ detail: 'This activity is in your log already', status: 409, existingWorkoutId: 'w0' });
  });

  it('polls fast at first, backs off to 5 s, and stops once finished', () => {
    expect(pollDelayMs(undefined, 0)).toBe(500);
    expect(pollDelayMs(job({ status: 'running' }), 9)).toBe(500);
    expect(pollDelayMs(job({ status: 'running' }), 10)).toBe(1000);
    expect(pollDelayMs(job({ status: 'running' }), 15)).toBe(2000);
    expect(pollDelayMs(job({ status: 'running' }), 100)).toBe(5000);
    expect(pollDelayMs(job({ status: 'succeeded' }), 1)).toBe(false);
    expect(pollDelayMs(job({ status: 'failed' }), 1)).toBe(false);
  });
});
